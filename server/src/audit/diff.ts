import { modules } from '../modules/registry.js';
import type { AuditRedaction } from '../platform/module.js';
import { PLATFORM_AUDIT_ACTIONS, type AuditAction } from './actions.js';

export const REDACTED = '[masqué]';

export type Diff = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

let redactions: Map<string, AuditRedaction> | null = null;

/**
 * The redaction an action declares (platform actions: audit/actions.ts; a module's: its descriptor's `auditActions`).
 * Read on first use, not at load: the registry imports the modules, which import this file.
 */
export function redactionOf(action: AuditAction): AuditRedaction {
  redactions ??= new Map<string, AuditRedaction>([
    ...Object.entries(PLATFORM_AUDIT_ACTIONS),
    ...modules().flatMap((m) => Object.entries(m.auditActions ?? {})),
  ]);
  return redactions.get(action) ?? {};
}

/**
 * The changed fields between two states (MSS computeMutationDiff). Every changed field is named; its values are
 * printed only when the action declares the field clear (`clearFields`: codes and statuses that identify nobody),
 * otherwise masked: the audit proves who changed what and when, the DPO never reads usager content in it.
 */
export function diffFields(action: AuditAction, before: Record<string, unknown>, after: Record<string, unknown>): Diff {
  const clearFields = new Set(redactionOf(action).clearFields ?? []);
  const diff: Diff = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined || same(before[key], after[key])) continue;
    const clear = clearFields.has(key);
    diff[key] = {
      from: clear ? (before[key] ?? null) : before[key] == null ? null : REDACTED,
      to: clear ? (after[key] ?? null) : after[key] == null ? null : REDACTED,
    };
  }
  return diff;
}
