import type { JalonModule } from '../../platform/module.js';
import { usagerRoutes } from './routes.js';

/** Usagers: the file itself (person, household, case file, référents, search). docs/architecture.md, "Module contract". */
export const usagersModule = {
  name: 'usagers',
  routes: (api, deps) => usagerRoutes(api, deps),
} satisfies JalonModule;

// The functions other modules use (their only way in: docs/architecture.md, "Module contract").
export { displayName, presentUsager } from './present.js';
export {
  filesOfPerson,
  findActiveReferents,
  findMembers,
  findUsagerRow,
  findUsagerTarget,
  refreshSearch,
  type UsagerRow,
} from './queries.js';
