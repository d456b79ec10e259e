import type { JalonModule } from '../../platform/module.js';
import { usagerRoutes } from './routes.js';

/** Codes and statuses of a file that identify nobody: their values may be printed in the audit trail. */
const CLEAR_FILE_FIELDS = [
  'status',
  'team_id',
  'marital_status',
  'employment_status',
  'caf_activity',
  'education_level',
  'housing_status',
  'housing_nature',
  'family_type',
  'relationship',
  'start_reason',
  'end_reason',
  'domiciliation',
] as const;

/** Usagers: the file itself (person, household, case file, référents, search). docs/architecture.md, "Module contract". */
export const usagersModule = {
  name: 'usagers',
  routes: (api, deps) => usagerRoutes(api, deps),
  auditActions: {
    'usager.create': { clearFields: CLEAR_FILE_FIELDS },
    'usager.update': { clearFields: CLEAR_FILE_FIELDS },
    'usager.close': { clearFields: CLEAR_FILE_FIELDS },
    'usager.reopen': { clearFields: CLEAR_FILE_FIELDS },
    'household.member_add': {},
    'household.member_end': {},
    'usager.referents_set': {},
  },
} satisfies JalonModule;

// The functions other modules use (their only way in: docs/architecture.md, "Module contract").
export { displayName, presentUsager } from './present.js';
export {
  filesOfPerson,
  loadUsagerFile,
  refreshSearch,
  type FileParts,
  type UsagerFile,
  type UsagerRow,
} from './queries.js';
export { findLikelyDuplicates, type PersonKeys } from './duplicates.js';
export type { ImportedHousehold, ImportedPerson } from './imported.js';
export {
  addImportedMembers,
  createImportedFiles,
  siteDuplicateIdsMany,
  type ImportedFileInput,
} from './imported-many.js';
