import type { JalonModule } from '../../platform/module.js';
import { fileMergeRoutes } from './routes.js';

/** The merge counts and the file's role in it identify nobody: printed in the audit trail. */
const CLEAR = ['role', 'journalEntries', 'documents', 'sections', 'referents', 'members', 'modules'] as const;

/**
 * Fusion de dossiers: two files of the same person merged by a référent of both, audited on both files and reversible
 * within 30 days (docs/api.md, "Fusion de dossiers"; docs/architecture.md, "Module contract").
 */
export const fileMergeModule = {
  name: 'file-merge',
  routes: (api, deps) => fileMergeRoutes(api, deps),
  auditActions: {
    'file.merge': { clearFields: CLEAR },
    'file.merge_undo': { clearFields: CLEAR },
  },
} satisfies JalonModule;
