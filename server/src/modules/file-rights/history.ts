import { canReadFileHistory, canSeeHistoryAuthors, FIELD_CATALOGUE, type HistoryItemDto } from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';

/** The changes of a file the history shows, in French. Reads (motivated access, exports, opened sections) are not changes. */
const ACTION_LABELS: Record<string, string> = {
  'usager.create': 'Ouverture du dossier',
  'usager.update': 'Rectification du dossier',
  'usager.close': 'Clôture du dossier',
  'usager.reopen': 'Réouverture du dossier',
  'usager.referents_set': 'Changement de référent',
  'household.member_add': 'Ajout d’un membre du foyer',
  'household.member_end': 'Fin d’appartenance au foyer',
  'journal_entry.create': 'Ajout au journal de suivi',
  'journal_entry.update': 'Modification d’une entrée du journal',
  'journal_entry.delete': 'Suppression d’une entrée du journal',
  'appointment.status': 'Statut d’un rendez-vous',
  'case_file_section.update': 'Modification d’une section sensible',
  'file_share.create': 'Partage d’informations',
  'consent.create': 'Recueil d’un consentement',
  'consent.withdraw': 'Retrait d’un consentement',
  'case_file.retention_hold': 'Prolongation de conservation',
  'file_restriction.create': 'Limitation ou opposition enregistrée',
  'file_restriction.lift': 'Limitation ou opposition levée',
};

/** Audit diffs name the columns (`employment_status`); the catalogue names the API fields (`employmentStatus`). */
const FIELD_LABELS = new Map<string, string>(FIELD_CATALOGUE.map((f) => [f.name, f.label]));
const OTHER_LABELS: Record<string, string> = {
  team_id: 'Équipe',
  referent_id: 'Référent',
  status: 'Statut du dossier',
  closing_reason: 'Motif de clôture',
  start_date: 'Date de début',
  end_date: 'Date de fin',
  kind: 'Type',
};
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const fieldLabel = (column: string) => OTHER_LABELS[column] ?? FIELD_LABELS.get(camel(column)) ?? column;

/** Field names only, never values; a sensitive section's fields stay behind its own opening. */
function changedFields(action: string, diff: unknown): string[] {
  if (action === 'case_file_section.update' || !diff || typeof diff !== 'object') return [];
  return Object.keys(diff as Record<string, unknown>)
    .map(fieldLabel)
    .sort((a, b) => a.localeCompare(b, 'fr'));
}

/**
 * "Historique" (RGPD art. 16, rectification): every change of the file, newest first — date, action, the fields
 * changed and the author's role; the author's name only for a référent of the file. The read is logged.
 */
export async function listHistory(ctx: Ctx, fileId: string): Promise<{ items: HistoryItemDto[] }> {
  const target = await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadFileHistory);
  const withNames = canSeeHistoryAuthors(ctx.actor, target);
  const rows = await ctx.db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.action', 'e.diff', 'e.actor_role', 'u.display_name'])
    .where('e.case_file_id', '=', fileId)
    .where('e.action', 'in', Object.keys(ACTION_LABELS))
    .orderBy('e.at', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(500)
    .execute();
  await logAccess(ctx.db, ctx, fileId, 'history');
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      actionLabel: ACTION_LABELS[r.action] ?? r.action,
      fields: changedFields(r.action, r.diff),
      role: r.actor_role,
      userName: withNames ? (r.display_name ?? null) : null,
    })),
  };
}
