import type { Ctx } from '../../context.js';
import { rowsForReading } from './queries.js';
import { presentRow } from './read.js';
import { loadImport } from './service.js';

/** What became of a row, in French: before the commit the planned fate (the dry run), after it the result. */
const FATE: Record<string, string> = {
  'rejected:': 'Rejetée',
  'valid:create': 'Création prévue',
  'valid:merge': 'Fusion proposée',
  'valid:skip': 'Ignorée',
  'valid:history': 'Historique prévu',
  'valid:member': 'Membre du foyer prévu',
  'committed:create': 'Créée',
  'committed:merge': 'Fusionnée',
  'committed:history': 'Historique ajouté',
  'committed:member': 'Membre ajouté',
};
const fate = (state: string, decision: string | null) =>
  FATE[`${state}:${state === 'rejected' ? '' : (decision ?? '')}`] ?? (state === 'skipped' ? 'Ignorée' : state);

/** A cell that a spreadsheet never runs as a formula (CSV injection). */
const cell = (v: string | null | undefined) => {
  let s = v ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const HEADER = ['Ligne', 'Identifiant ancien outil', 'Nom', 'Prénom', 'Date de naissance', 'Sort', 'Dossier', 'Motif'];

/**
 * The import's report as CSV (UTF-8 with BOM, `;`), one line per row, streamed page by page. Before the commit it is
 * the dry run: every row's planned fate.
 */
export async function* importReport(ctx: Ctx, id: string): AsyncGenerator<string> {
  await loadImport(ctx, id);
  yield `\uFEFF${HEADER.join(';')}\r\n`;
  let after = 0;
  for (;;) {
    const page = await rowsForReading(ctx.db, id, { afterSeq: after, limit: 2000 });
    if (!page.length) return;
    let out = '';
    for (const raw of page) {
      const r = presentRow(raw);
      const v = r.values;
      out += [
        String(r.seq),
        v.legacyId,
        v.birthName,
        v.firstNames,
        v.birthDate,
        fate(r.state, r.decision),
        r.matchFileNumber,
        r.reason,
      ]
        .map(cell)
        .join(';');
      out += '\r\n';
    }
    yield out;
    after = page[page.length - 1]!.seq;
  }
}
