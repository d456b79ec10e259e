import type { JalonModule } from '../../platform/module.js';
import { anonymiseTransitions, purgeTransitions } from './queries.js';

export { historyOf, moveSubjectsHistory, recordTransition, type HistoryRow, type NewTransition } from './queries.js';

/** Workflow history (docs/architecture.md, "Workflows"): the table every workflow writes its transitions to. */
export const workflowsModule = {
  name: 'workflows',
  retention: {
    anonymise: async (trx, caseFileId) => {
      const r = await anonymiseTransitions(trx, caseFileId);
      return { workflowTransitions: Number(r[0]?.numUpdatedRows ?? 0) };
    },
    purge: async (trx, caseFileId) => {
      const r = await purgeTransitions(trx, caseFileId);
      return { workflowTransitions: Number(r[0]?.numDeletedRows ?? 0) };
    },
  },
} satisfies JalonModule;
