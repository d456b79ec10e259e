import type { JalonModule } from '../../platform/module.js';
import { anonymiseSharesOfFile } from './queries.js';
import { partageRoutes } from './routes.js';

/** Partage: shares of a file with partners, consents, the extract. docs/architecture.md, "Module contract". */
export const partageModule = {
  name: 'partage',
  routes: (api, deps) => partageRoutes(api, deps),
  retention: { anonymise: (trx, fileId) => anonymiseSharesOfFile(trx, fileId) },
  auditActions: {
    'consent.create': {},
    'consent.withdraw': {},
    'file_share.create': {},
  },
} satisfies JalonModule;
