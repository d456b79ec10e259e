import type { JalonModule } from '../../platform/module.js';
import { importsAccessSpec } from './access-spec.js';
import { legacyAdapter } from './legacy/adapter.js';
import { registerImportAdapter } from './pipeline.js';
import { forgetFile } from './queries.js';
import { importRoutes } from './routes.js';
import { importJobs } from './run.js';

registerImportAdapter(legacyAdapter);

/**
 * The staged import pipeline and the legacy import (docs/architecture.md, "Import pipeline"; ADR 013). Another source
 * (the CAF flux) plugs its `SourceAdapter` in with `registerImportAdapter` from its own module.
 */
export const importsModule = {
  name: 'imports',
  routes: (api, deps) => importRoutes(api, deps),
  sealedColumns: [
    {
      table: 'data_import_row',
      column: 'raw',
      cursor: 'id',
      aadColumns: ['id'],
      aad: (r: Record<string, unknown>) => `data_import_row.raw:${String(r.id)}`,
    },
  ],
  jobs: importJobs,
  retention: {
    anonymise: async (trx, fileId) => ({ imports: await forgetFile(trx, fileId) }),
    purge: async (trx, fileId) => ({ imports: await forgetFile(trx, fileId) }),
  },
  auditActions: {
    'import.create': { clearFields: ['source', 'format', 'rows', 'site_id'] },
    'import.map': { clearFields: ['fields', 'saved_profile'] },
    'import.commit_request': { clearFields: ['merges_confirmed'] },
    'import.commit': { clearFields: ['counts'] },
    'import.merge': { clearFields: [] },
    // One row per committed batch (ADR 013): the files it created, merged or completed, and counts; never a value.
    'import.batch': {
      clearFields: ['rows', 'committed', 'created', 'merged', 'updated', 'entries', 'members', 'rsaChanged'],
    },
  },
  accessSpec: importsAccessSpec,
} satisfies JalonModule;

export {
  BATCH_ROWS,
  registerImportAdapter,
  type BatchCommit,
  type BatchWritten,
  type CommitItem,
  type CommitRow,
  type ImportOptions,
  type ImportRun,
  type ParsedImport,
  type RowMatch,
  type SourceAdapter,
  type Validated,
} from './pipeline.js';
export { drainImportJobs } from './kick.js';
// The CAF flux's own routes (modules/rsa-ep) stage and read through the same use cases.
export { requestCommit, stageImport, targetSite } from './service.js';
export { readImport } from './read.js';
export { IMPORT_MAX_BYTES, uploadAndStage, uploadMultipart } from './upload.js';
