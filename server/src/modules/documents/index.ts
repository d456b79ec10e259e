import type { JalonModule } from '../../platform/module.js';
import { deleteDocumentsOfFile, deleteStaleUploads, documentsOfFile } from './queries.js';
import { documentRoutes } from './routes.js';

export { expiringDocuments } from './expiring.js';
export { storeGeneratedDocument } from './generated.js';
export { documentsOfFile } from './queries.js';

/**
 * Documents (pièces justificatives) of a file (docs/architecture.md, "Documents"). Encrypted in the database, a key per
 * document sealed by the master key (`document.data_key`, re-sealed by key rotation); deleted with the file by the
 * retention engine; listed in the access export; kept by backup/restore with the database.
 */
export const documentsModule = {
  name: 'documents',
  routes: (api, deps) => documentRoutes(api, deps),
  sealedColumns: [
    {
      table: 'document',
      column: 'data_key',
      cursor: 'id',
      aadColumns: ['id'],
      aad: (r) => `document.data_key:${String(r.id)}`,
    },
  ],
  retention: {
    anonymise: async (trx, caseFileId) => ({ documents: await deleteDocumentsOfFile(trx, caseFileId) }),
    purge: async (trx, caseFileId) => ({ documents: await deleteDocumentsOfFile(trx, caseFileId) }),
  },
  accessExport: async (trx, _ctx, caseFileId) => {
    const rows = await documentsOfFile(trx, caseFileId);
    if (rows.length === 0) return null;
    return {
      key: 'documents',
      title: 'Documents (pièces justificatives)',
      items: rows.map((r) => [
        { label: 'Type', value: r.type },
        { label: 'Fichier', value: r.file_name },
        { label: 'Déposé le', value: new Date(r.uploaded_at).toISOString().slice(0, 10) },
        { label: 'Valable jusqu’au', value: r.valid_until ?? '—' },
      ]),
    };
  },
  // An upload cut by a crash stays `uploading` (never listed): swept after an hour.
  jobs: [
    {
      kind: 'documents.sweep',
      schedule: { everyMinutes: 60 },
      maxAttempts: 2,
      handler: async (db) => ({ deleted: await deleteStaleUploads(db, new Date(Date.now() - 3_600_000)) }),
    },
  ],
  auditActions: { 'document.upload': { clearFields: ['type', 'mime', 'size'] } },
} satisfies JalonModule;
