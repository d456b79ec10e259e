import type { JalonModule } from '../../platform/module.js';
import { deleteVisitsOfFile } from './queries.js';
import { accueilRoutes } from './routes.js';

/**
 * The reception list of a site (docs/api.md, "Accueil"). Its rows go with the file (foreign key on delete cascade), and
 * the retention engine deletes a file's visits when it anonymises it.
 */
export const accueilModule = {
  name: 'accueil',
  routes: (api, deps) => accueilRoutes(api, deps),
  retention: {
    anonymise: async (trx, caseFileId) => ({ accueilVisits: await deleteVisitsOfFile(trx, caseFileId) }),
    purge: async (trx, caseFileId) => ({ accueilVisits: await deleteVisitsOfFile(trx, caseFileId) }),
  },
  auditActions: { 'accueil.arrival': {}, 'accueil.seen': {} },
} satisfies JalonModule;
