import type { JalonModule } from '../../platform/module.js';
import { deleteSectionsOfFile } from './queries.js';
import { sectionRoutes } from './routes.js';

/** Sensitive sections of a file (sealed JSON), the site's minimisation profile. docs/architecture.md, "Module contract". */
export const sectionsModule = {
  name: 'sections',
  routes: (api, deps) => sectionRoutes(api, deps),
  // The section's JSON and the free text of the opening reason.
  sealedColumns: [
    {
      table: 'case_file_section',
      column: 'payload',
      cursor: 'id',
      aadColumns: ['case_file_id', 'section'],
      aad: (r) => `case_file_section.payload:${String(r.case_file_id)}:${String(r.section)}`,
    },
    {
      table: 'case_file_section',
      column: 'reason_text',
      cursor: 'id',
      aadColumns: ['case_file_id', 'section'],
      aad: (r) => `case_file_section.reason_text:${String(r.case_file_id)}:${String(r.section)}`,
    },
  ],
  retention: { anonymise: (trx, fileId) => deleteSectionsOfFile(trx, fileId) },
  auditActions: {
    'case_file_section.open': {},
    'case_file_section.update': {},
    'site.profile_update': {},
  },
} satisfies JalonModule;

export { openSectionsForExport } from './export.js';
export { findSiteProfile } from './queries.js';
