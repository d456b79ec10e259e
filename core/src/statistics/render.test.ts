import { describe, expect, it } from 'vitest';
import { protectTable, SENSITIVE_THRESHOLD } from './protect.js';
import { publishedEntries, publishedNumber, publishedValueText, frenchNumber } from './published.js';
import { renderProtectedCsv } from './render.js';
import { oneWayTable } from './table.js';
import { prng, randomTable, table } from './testkit.js';

/** The CSV shows exactly the published object: same marks, no hidden number, French conventions. */

const rows = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('renderProtectedCsv', () => {
  const t = {
    rowVar: 'sexe',
    colVar: 'trancheAge',
    rows: ['F', 'M'],
    cols: ['18-24', '25-59', '60+'],
    cells: [
      [3, 10, 20],
      [7, 8, 9],
    ],
  };

  it('writes a two-way table with its margins, "< 5" and "secret"', () => {
    const csv = renderProtectedCsv(protectTable(t, { sensitive: false }), {
      rowVar: 'Sexe',
      colVar: 'Tranche d’âge',
      rows: { F: 'Femme', M: 'Homme' },
      cols: { '18-24': '18 à 24 ans', '25-59': '25 à 59 ans', '60+': '60 ans et plus' },
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv)).toEqual([
      'Sexe / Tranche d’âge;18 à 24 ans;25 à 59 ans;60 ans et plus;Total',
      'Femme;< 5;secret;20;33',
      'Homme;secret;secret;9;24',
      'Total;10;18;29;57',
      '',
      '< 5 : effectif compris entre 1 et 4 personnes, masqué (secret statistique).',
      'secret : effectif d’au moins 5 personnes, masqué pour qu’aucun effectif inférieur à 5 ne puisse être recalculé à partir des totaux.',
      '0 : aucune personne.',
      '',
    ]);
  });

  it('says "< 11" for a sensitive table', () => {
    const csv = renderProtectedCsv(protectTable(t, { sensitive: true }), { notes: false });
    expect(rows(csv).slice(1, 4)).toEqual(['F;< 11;< 11;secret;33', 'M;< 11;< 11;< 11;24', 'Total;< 11;secret;29;57']);
  });

  it('writes a one-way table as a column', () => {
    const p = protectTable(oneWayTable('trancheAge', ['18-24', '25-59', '60+'], [3, 10, 20]), { sensitive: false });
    expect(rows(renderProtectedCsv(p, { colVar: 'Tranche d’âge', notes: false }))).toEqual([
      'Tranche d’âge;Effectif',
      '18-24;< 5',
      '25-59;secret',
      '60+;20',
      'Total;33',
      '',
    ]);
  });

  it('writes a withheld table as a notice only', () => {
    const p = protectTable(table([[1, 1, 1, 1]], null), { sensitive: false });
    const lines = rows(renderProtectedCsv(p, { notes: false }));
    expect(lines[1]).toMatch(/^Tableau non diffusé\. Effectifs trop faibles/);
    expect(lines).toHaveLength(3);
  });

  it('quotes separators and defuses spreadsheet formulas in labels', () => {
    const p = protectTable(table([[10, 20]]), { sensitive: false });
    const csv = renderProtectedCsv(p, {
      rowVar: 'Site',
      colVar: 'x',
      rows: { r0: '=HYPERLINK("http://x";"clic")' },
      cols: { c0: 'a;b' },
      notes: false,
    });
    expect(rows(csv)[0]).toBe('Site / x;"a;b";c1;Total');
    expect(rows(csv)[1]).toBe('"\'=HYPERLINK(""http://x"";""clic"")";10;20;30');
  });

  it('never contains a hidden number: on random tables, every field is the published value', () => {
    const rnd = prng(11);
    for (let k = 0; k < 40; k++) {
      const p = protectTable(randomTable(rnd, SENSITIVE_THRESHOLD), { sensitive: true });
      if (p.status !== 'released') continue;
      const body = rows(renderProtectedCsv(p, { notes: false })).slice(1, -1);
      const fields = body.flatMap((l) => l.split(';').slice(1));
      const expected =
        p.rowVar === null
          ? [...p.cells[0]!, p.grandTotal]
          : [...p.cells.flatMap((r, i) => [...r, p.rowTotals[i]!]), ...p.colTotals, p.grandTotal];
      expect(fields).toEqual(expected.map((v) => publishedValueText(v, p.threshold)));
      expect(publishedEntries(p).length).toBe(expected.length);
    }
  }, 60_000);
});

describe('display helpers shared by charts, map and PDF', () => {
  it('turn a suppressed value into a gap, never a zero', () => {
    expect(publishedNumber({ suppressed: 'primary' })).toBeNull();
    expect(publishedNumber(0)).toBe(0);
    expect(publishedValueText({ suppressed: 'secondary' }, 5)).toBe('secret');
    expect(publishedValueText(1234, 5, frenchNumber)).toBe('1\u202f234');
  });
});
