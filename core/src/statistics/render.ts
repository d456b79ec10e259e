import { publishedValueText, SECONDARY_MARK, type PublishedTable, type PublishedValue } from './published.js';

/**
 * CSV export of exactly what the page shows: it reads the same published object as the charts, the map and the PDF,
 * and words suppressed values with the same `publishedValueText` ("< 5" / "< 11" primary, "secret" secondary).
 *
 * French conventions: `;` separator, CRLF, UTF-8 with BOM (so that a spreadsheet in French locale opens it right),
 * raw digits without grouping. Labels starting with = + - @ are prefixed with ' (spreadsheet formula injection:
 * site names are typed by administrators). Notes explaining the marks follow the table after an empty line, so the
 * reader of the file knows what a mark means — which the protection assumes anyway (attack.ts).
 */
export interface CsvLabels {
  /** Heading of the row variable (default: its code). */
  rowVar?: string;
  /** Heading of the column variable (default: its code). */
  colVar?: string;
  /** Display label of each row category, by code. */
  rows?: Readonly<Record<string, string>>;
  /** Display label of each column category, by code. */
  cols?: Readonly<Record<string, string>>;
  /** Heading of the total line and column (default "Total"). */
  total?: string;
  /** Heading of the count column of a one-way table (default "Effectif"). */
  count?: string;
  /** Append the notes on the marks (default true). */
  notes?: boolean;
}

const cell = (s: string): string => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (fields: readonly string[]) => fields.map(cell).join(';');

export const csvNotes = (threshold: number): string[] => [
  `< ${threshold} : effectif compris entre 1 et ${threshold - 1} personnes, masqué (secret statistique).`,
  `${SECONDARY_MARK} : effectif d’au moins ${threshold} personnes, masqué pour qu’aucun effectif inférieur à ${threshold} ne puisse être recalculé à partir des totaux.`,
  '0 : aucune personne.',
];

export const renderProtectedCsv = (p: PublishedTable, labels: CsvLabels = {}): string => {
  const total = labels.total ?? 'Total';
  const rowLabel = (code: string) => labels.rows?.[code] ?? code;
  const colLabel = (code: string) => labels.cols?.[code] ?? code;
  const colVar = labels.colVar ?? p.colVar;
  const rowVar = labels.rowVar ?? p.rowVar ?? '';
  const text = (v: PublishedValue) => publishedValueText(v, p.threshold);
  const out: string[] = [];
  if (p.status === 'withheld') {
    out.push(line([p.rowVar === null ? colVar : `${rowVar} / ${colVar}`]), line([`Tableau non diffusé. ${p.reason}`]));
  } else if (p.rowVar === null) {
    out.push(line([colVar, labels.count ?? 'Effectif']));
    p.cols.forEach((c, j) => out.push(line([colLabel(c), text(p.cells[0]![j]!)])));
    out.push(line([total, text(p.grandTotal)]));
  } else {
    out.push(line([`${rowVar} / ${colVar}`, ...p.cols.map(colLabel), total]));
    p.rows.forEach((r, i) => out.push(line([rowLabel(r), ...p.cells[i]!.map(text), text(p.rowTotals[i]!)])));
    out.push(line([total, ...p.colTotals.map(text), text(p.grandTotal)]));
  }
  if (labels.notes ?? true) out.push('', ...csvNotes(p.threshold).map((n) => line([n])));
  return `\uFEFF${out.join('\r\n')}\r\n`;
};
