import {
  csvNotes,
  isSuppressed,
  protectTable,
  renderProtectedCsv,
  type PublishedTable,
  type PublishedValue,
} from '@jalon/core';
import type { Ctx } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { statThresholds } from '../../params/index.js';
import './indicators.js';
import { oarsaProviders, type OarsaSection } from './providers.js';

const csvCell = (s: string) => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const pct = (part: PublishedValue, whole: PublishedValue) =>
  isSuppressed(part) || isSuppressed(whole) || whole === 0
    ? 'secret'
    : `${((100 * part) / whole).toFixed(1).replace('.', ',')} %`;

/** Shares of each column within its row, from the published values only (a hidden count gives a hidden share). */
function sharesOf(p: PublishedTable, labels: { rows?: Record<string, string>; cols?: Record<string, string> }) {
  if (p.status === 'withheld') return [];
  const head = ['Part (%)', ...p.cols.map((c) => labels.cols?.[c] ?? c)].map(csvCell).join(';');
  if (p.rowVar === null)
    return [head, ['Ensemble', ...p.cells[0]!.map((v) => pct(v, p.grandTotal))].map(csvCell).join(';')];
  return [
    head,
    ...p.rows.map((r, i) =>
      [labels.rows?.[r] ?? r, ...p.cells[i]!.map((v) => pct(v, p.rowTotals[i]!))].map(csvCell).join(';'),
    ),
  ];
}

function renderSection(s: OarsaSection, thresholds: { primary: number; sensitive: number }): string[] {
  if (s.kind === 'mean') {
    const enough = s.values.length >= thresholds.primary;
    const mean = enough ? s.values.reduce((a, b) => a + b, 0) / s.values.length : 0;
    return [
      csvCell(s.title),
      enough
        ? [`${mean.toFixed(1).replace('.', ',')} ${s.unit}`, `sur ${s.values.length} décisions`].map(csvCell).join(';')
        : csvCell(`Non diffusé : moins de ${thresholds.primary} décisions (secret statistique)`),
    ];
  }
  const published = protectTable(s.table, { sensitive: false, thresholds });
  const body = renderProtectedCsv(published, { ...s.labels, notes: false })
    .replace(/^\uFEFF/, '')
    .trimEnd();
  return [csvCell(s.title), ...body.split('\r\n'), ...(s.shares ? sharesOf(published, s.labels) : [])];
}

/**
 * The DREES OARSA annual export (GET /api/statistics/oarsa.csv?year=YYYY; docs/api.md, "OARSA"): for a responsable,
 * the files of their site; for the administrator, every site. One published period (a calendar year, ADR 009); every
 * count table goes through the statistics module's disclosure control (`protectTable`, thresholds in force) before it
 * is printed; the sections come from the registered providers (the EP and sanctions add theirs).
 */
export async function oarsaCsv(ctx: Ctx, year: number): Promise<string> {
  const a = ctx.actor;
  if (!(a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null)))
    throw forbidden('L’export OARSA est réservé aux responsables de site et à l’administration');
  const today = ctx.now.toISOString().slice(0, 10);
  if (year > Number(today.slice(0, 4)))
    throw new AppError(
      422,
      'period_not_published',
      'Période non publiée : choisissez une année écoulée ou l’année en cours',
      {
        year: 'Une année écoulée ou l’année en cours',
      },
    );
  const to = `${year}-12-31`;
  const scope = {
    db: ctx.db,
    siteId: a.role === 'admin_fonctionnel' ? null : a.siteId,
    year,
    ref: to < today ? to : today,
    from: `${year}-01-01`,
    to,
  };
  const thresholds = await statThresholds(ctx.db, ctx.now);
  const lines: string[] = [csvCell(`Enquête OARSA (DREES) – année ${year}`), ''];
  for (const p of oarsaProviders())
    for (const section of await p.sections(scope)) lines.push(...renderSection(section, thresholds), '');
  lines.push(...csvNotes(thresholds.primary).map(csvCell));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
