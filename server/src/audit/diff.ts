import { installedModules } from '../platform/installed.js';
import type { AuditRedaction, JalonModule } from '../platform/module.js';
import { PLATFORM_AUDIT_ACTIONS, type AuditAction } from './actions.js';

export const REDACTED = '[masqué]';

export type Diff = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

let redactions: { of: readonly JalonModule[]; map: Map<string, AuditRedaction> } | null = null;

/**
 * The redaction an action declares (platform actions: audit/actions.ts; a module's: its descriptor's `auditActions`,
 * read from the installed modules: platform/installed.ts). Rebuilt when the installed list changes.
 */
export function redactionOf(action: AuditAction): AuditRedaction {
  const list = installedModules();
  if (redactions?.of !== list) {
    const map = new Map<string, AuditRedaction>([
      ...Object.entries(PLATFORM_AUDIT_ACTIONS),
      ...list.flatMap((m) => Object.entries(m.auditActions ?? {})),
    ]);
    redactions = { of: list, map };
  }
  return redactions.map.get(action) ?? {};
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
