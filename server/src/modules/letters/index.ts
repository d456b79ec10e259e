import type { JalonModule } from '../../platform/module.js';
import { deleteLettersOfFile } from './queries.js';
import { letterRoutes } from './routes.js';

/**
 * Letters from templates (docs/api.md, "Courriers"): versioned templates with whitelisted placeholders, a convocation
 * per appointment, the day's convocations of a site, letters kept as documents of the file (`letter_sent`).
 */
export const lettersModule = {
  name: 'letters',
  routes: (api, deps) => letterRoutes(api, deps),
  retention: {
    anonymise: async (trx, caseFileId) => ({ lettersSent: await deleteLettersOfFile(trx, caseFileId) }),
    purge: async (trx, caseFileId) => ({ lettersSent: await deleteLettersOfFile(trx, caseFileId) }),
  },
  auditActions: {
    // A template is the organisation's text, not a person's: its code, version and title may be printed.
    'letter_template.save': { clearFields: ['code', 'version', 'title'] },
    'letter.send': { clearFields: ['templateCode', 'version'] },
  },
} satisfies JalonModule;

export { printFileLetter, renderConvocationBatch, renderLetters } from './service.js';
export { lettersToPdf, type RenderedLetter } from './pdf.js';
export { insertLetterSent } from './queries.js';
