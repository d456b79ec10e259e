import type { JalonModule } from '../../platform/module.js';
import { accueilRoutes } from './routes.js';

/** The reception list of a site (docs/api.md, "Accueil"). Its rows go with the file (foreign key on delete cascade). */
export const accueilModule: JalonModule = {
  name: 'accueil',
  routes: accueilRoutes,
  auditActions: { 'accueil.arrival': {}, 'accueil.seen': {} },
};

export { accueilRoutes };
