import type { JalonModule } from '../../platform/module.js';
import { catalogueRoutes } from './catalogue.js';
import { anonymiseJournalOfFile } from './queries.js';
import { journalRoutes } from './routes.js';

/** Journal: entries of a file (notes sealed), the agenda, the motif catalogue. docs/architecture.md, "Module contract". */
export const journalModule = {
  name: 'journal',
  routes: async (api, deps) => {
    await journalRoutes(api, deps);
    await catalogueRoutes(api, deps);
  },
  sealedColumns: [
    {
      table: 'journal_entry',
      column: 'note',
      cursor: 'id',
      aadColumns: ['id'],
      aad: (r) => `journal_entry.note:${String(r.id)}`,
    },
    {
      table: 'journal_entry_version',
      column: 'note',
      cursor: 'id',
      aadColumns: ['entry_id', 'version'],
      aad: (r) => `journal_entry_version.note:${String(r.entry_id)}:${String(r.version)}`,
    },
  ],
  retention: { anonymise: (trx, fileId) => anonymiseJournalOfFile(trx, fileId) },
  auditActions: {
    'journal_entry.create': {},
    'journal_entry.update': {},
    'journal_entry.delete': {},
    'appointment.status': {},
    'appointment.clash_confirmed': {},
    // The catalogue: a motif's code and label, a partner's name and kind are the organisation's, not a person's.
    'motif.create': { clearFields: ['code', 'name'] },
    'motif.update': { clearFields: ['name', 'active'] },
    'partner.create': { clearFields: ['name', 'kind'] },
    'partner.update': { clearFields: ['name', 'kind', 'active'] },
  },
} satisfies JalonModule;

export { entryNoteAad } from './queries.js';
export { motifLabels } from './read.js';
export { parisMidnight } from './agenda.js';
export { createEntry } from './service.js';
export { loadReadableEntry } from './service.js';
export { createImportedEntries } from './imported.js';
