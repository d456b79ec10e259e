import type { JalonModule } from '../../platform/module.js';
import { commissionAccessSpec } from './access-spec.js';
import { moveItemsBack, moveItemsOfFile } from './merge-queries.js';
import { deleteItemsOfFile, detachLettersOfFile, itemsOfFile } from './queries.js';
import { commissionRoutes } from './routes.js';

const OUTCOMES: Record<string, string> = {
  accord: 'Accord',
  accord_partiel: 'Accord partiel',
  refus: 'Refus',
  ajournement: 'Ajournement',
};

/**
 * Commissions of aids (docs/api.md, "Commissions"): sessions and their agenda, bulk decisions through the aids
 * workflow, the PV, the notification letters, the payment file; the pièces justificatives checklist; the aid
 * statistics. Retention: anonymisation keeps the decisions counted (outcome, amount) without the letter; a purge
 * deletes the file's agenda lines.
 */
export { recordDecisions } from './decisions.js';

export const commissionModule = {
  name: 'commission',
  routes: (api, deps) => commissionRoutes(api, deps),
  retention: {
    anonymise: async (trx, fileId) => ({ commissionLetters: await detachLettersOfFile(trx, fileId) }),
    purge: async (trx, fileId) => ({ commissionItems: await deleteItemsOfFile(trx, fileId) }),
  },
  // A merge of files: the agenda lines follow their applications to the kept file (their letters are documents).
  merge: {
    move: async (trx, from, to) => {
      const items = await moveItemsOfFile(trx, from, to);
      return items.length ? { counts: { commissionItems: items.length }, rows: items } : null;
    },
    moveBack: async (trx, moved, from, to) => moveItemsBack(trx, moved.rows as string[], from, to),
  },
  accessExport: async (trx, _ctx, fileId) => {
    const rows = await itemsOfFile(trx, fileId);
    if (rows.length === 0) return null;
    return {
      key: 'commissions',
      title: 'Passages en commission d’aides',
      items: rows.map((r) => [
        { label: 'Commission du', value: r.session_date },
        { label: 'Type', value: r.kind === 'urgente' ? 'Urgente' : 'Ordinaire' },
        { label: 'Décision', value: r.outcome ? (OUTCOMES[r.outcome] ?? '—') : 'En attente' },
        { label: 'Montant accordé (centimes)', value: r.amount_cents === null ? '—' : String(r.amount_cents) },
      ]),
    };
  },
  auditActions: {
    // A session is the organisation's, not a person's: its date and kind may be printed, and the counts.
    'commission_session.create': { clearFields: ['sessionDate', 'kind', 'level'] },
    'commission_session.agenda': { clearFields: ['added'] },
    'commission_session.decide': { clearFields: ['decisions', 'letters', 'closed'] },
  },
  accessSpec: commissionAccessSpec,
} satisfies JalonModule;
