import {
  ROLE_LABELS,
  auditActionLabel,
  canReadFileHistory,
  canSeeHistoryAuthors,
  changedFieldLabels,
  type HistoryItemDto,
  type Role,
} from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { findChangeEvents } from './queries.js';

/** The changes of a file the history shows (labels: core/src/labels). Reads (motivated access, exports, opened sections) are not changes. */
const CHANGE_ACTIONS = [
  'usager.create',
  'usager.update',
  'usager.close',
  'usager.reopen',
  'usager.referents_set',
  'household.member_add',
  'household.member_end',
  'journal_entry.create',
  'journal_entry.update',
  'journal_entry.delete',
  'appointment.status',
  'case_file_section.update',
  'file_share.create',
  'consent.create',
  'consent.withdraw',
  'case_file.retention_hold',
  'file_restriction.create',
  'file_restriction.lift',
  'access_request.create',
];

/** Field names only, never values; a sensitive section's fields stay behind its own opening. */
const changedFields = (action: string, diff: unknown): string[] =>
  action === 'case_file_section.update' ? [] : changedFieldLabels(diff);

/**
 * "Historique" (RGPD art. 16, rectification): every change of the file, newest first — date, action, the fields
 * changed and the author's role; the author's name only for a référent of the file. The read is logged.
 */
export async function listHistory(ctx: Ctx, fileId: string): Promise<{ items: HistoryItemDto[] }> {
  const target = await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadFileHistory);
  const withNames = canSeeHistoryAuthors(ctx.actor, target);
  const rows = await findChangeEvents(ctx.db, fileId, CHANGE_ACTIONS);
  await logAccess(ctx.db, ctx, fileId, 'history');
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      actionLabel: auditActionLabel(r.action),
      fields: changedFields(r.action, r.diff),
      role: r.actor_role,
      roleLabel: r.actor_role ? (ROLE_LABELS[r.actor_role as Role] ?? 'Agent') : null,
      userName: withNames ? (r.display_name ?? null) : null,
    })),
  };
}
