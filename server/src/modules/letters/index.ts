import type { JalonModule } from '../../platform/module.js';
import { moveLettersBack, moveLettersOfFile } from './merge-queries.js';
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
  // A merge of files moves the documents; the record of each letter sent follows its document (and comes back).
  merge: {
    move: async (trx, from, to) => {
      const ids = await moveLettersOfFile(trx, from, to);
      return ids.length ? { counts: { lettersSent: ids.length }, rows: ids } : null;
    },
    moveBack: async (trx, moved, from, to) => moveLettersBack(trx, moved.rows as string[], from, to),
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
