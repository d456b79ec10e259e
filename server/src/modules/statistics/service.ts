import {
  GROUP_BY_LABELS,
  indicatorById,
  shiftMonth,
  sliceFamily,
  type FamilySlice,
  type IndicatorDef,
  type PublishedTable,
  type StatisticsTableDto,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { loadFamily, type FamilyRequest, type LoadedFamily } from './families.js';
import { currentMonthOf, placeOf, publishedPeriod, type PublishedPeriod, type TableParams } from './params.js';
import { dynamicCategories, refreshState } from './queries.js';
import { scopedSites, statisticsScope } from './scope.js';

/**
 * The published table of an indicator. Every output (page table, chart, map, CSV, PDF) goes through here: a slice of
 * the indicator's protected family (families.ts), never a table recomputed for the query (docs/security.md,
 * Statistics), so a hidden count is hidden everywhere and no two answers differ by a hidden count.
 */
export { clearStatisticsCache, MAX_TWO_WAY_CELLS, monthLabel } from './families.js';

type Place = ReturnType<typeof placeOf>;

const refuse = (code: string, message: string, field: string, detail: string): never => {
  throw new AppError(422, code, message, { [field]: detail });
};

/** The family request of an indicator for a published period (population: the snapshot at the end of it). */
export const familyRequestFor = async (
  ctx: Ctx,
  def: IndicatorDef,
  period: PublishedPeriod,
): Promise<FamilyRequest> => {
  const categories = def.categories ?? (await dynamicCategories(ctx.db, def.id));
  const current = currentMonthOf(ctx.now);
  const last = period.month ?? `${period.year}-12`;
  return {
    source: def.kind === 'population' ? 'population' : 'activity',
    name: def.id,
    categories,
    sensitive: def.sensitive,
    period: def.kind === 'population' ? (last > current ? current : last) : String(period.year),
  };
};

/** Which slice of the family answers the query. */
export const sliceOf = (
  fam: LoadedFamily,
  kind: 'population' | 'activity' | 'wait',
  period: PublishedPeriod,
  place: Place,
  groupBy: string | null,
  category: string | null,
): FamilySlice => {
  const hasTable = (key: string) => fam.protected.tables.some((t) => t.key === key);
  if (!groupBy) {
    if (place && !hasTable(place.table))
      refuse(
        'table_too_large',
        'Détail trop fin pour cet indicateur : consultez l’ensemble',
        'siteIds',
        'Détail trop fin',
      );
    if (place) return { kind: 'row', table: place.table, row: place.row };
    if (kind !== 'population' && period.month) return { kind: 'row', table: 'mois', row: period.month };
    return { kind: 'margins' };
  }
  if (!hasTable(groupBy))
    refuse(
      'table_too_large',
      'Croisement trop détaillé : filtrez sur un site ou des arrondissements, ou choisissez une catégorie',
      'groupBy',
      'Croisement trop détaillé',
    );
  if (!category) return { kind: 'table', table: groupBy, rowVar: groupBy };
  if (category === 'total') return { kind: 'rowTotals', table: groupBy, rowVar: groupBy };
  if (!fam.protected.cols.includes(category))
    refuse('invalid_filter', 'Catégorie inconnue pour cet indicateur', 'category', 'Catégorie inconnue');
  return { kind: 'column', table: groupBy, col: category, rowVar: groupBy };
};

/** Which combinations of period, place and grouping are published (docs/api.md, Statistics). */
export const assertPublished = (
  kind: 'population' | 'activity' | 'wait',
  period: PublishedPeriod,
  place: Place,
  groupBy: string | null,
) => {
  if (place && groupBy)
    refuse(
      'filter_not_published',
      'Un site ou un arrondissement se lit sans regroupement : le regroupement par site ou par arrondissement le montre déjà',
      'groupBy',
      'Sans regroupement',
    );
  if (kind !== 'population' && period.month && (groupBy || place))
    refuse(
      'grouping_refused',
      'Pour un mois, l’activité se lit sans regroupement ni filtre : choisissez l’année pour le détail par mois, site ou arrondissement',
      'groupBy',
      'Sur une année civile',
    );
};

export async function indicatorTable(ctx: Ctx, p: TableParams): Promise<StatisticsTableDto> {
  const scope = statisticsScope(ctx);
  const def = indicatorById(p.indicator)!;
  const siteIds = scopedSites(scope, p.filter.siteIds);
  if (p.groupBy === 'mois' && def.kind === 'population')
    refuse(
      'grouping_refused',
      'Évolution mois par mois : indicateurs d’activité seulement (la population se compare d’une période à l’autre)',
      'groupBy',
      'Indicateurs d’activité seulement',
    );
  if (p.compare && p.groupBy)
    refuse(
      'invalid_filter',
      'La comparaison de périodes porte sur le tableau sans regroupement',
      'compare',
      'Sans regroupement seulement',
    );
  const period = publishedPeriod(p.filter);
  const place = placeOf(p.filter, scope.siteIds);
  assertPublished(def.kind, period, place, p.groupBy);
  const read = async (per: PublishedPeriod): Promise<{ table: PublishedTable; fam: LoadedFamily }> => {
    const fam = await loadFamily(ctx, scope, await familyRequestFor(ctx, def, per));
    const slice = sliceOf(fam, def.kind, per, place, p.groupBy, p.category);
    const table = existingRow(fam, slice) ? sliceFamily(fam.protected, def.id, slice) : emptyRow(fam, def.id);
    return { table, fam };
  };
  const main = await read(period);
  let comparison: StatisticsTableDto['comparison'] = null;
  if (p.compare) {
    const before = (months: number): PublishedPeriod =>
      period.month
        ? {
            kind: 'month',
            month: shiftMonth(period.month, -months),
            year: Number(shiftMonth(period.month, -months).slice(0, 4)),
          }
        : { kind: 'year', month: null, year: period.year - 1 };
    const bounds = (per: PublishedPeriod) =>
      per.month
        ? { fromMonth: per.month, toMonth: per.month }
        : { fromMonth: `${per.year}-01`, toMonth: `${per.year}-12` };
    const prev = before(1);
    const year = before(12);
    comparison = {
      previous: { ...bounds(prev), table: (await read(prev)).table },
      lastYear: { ...bounds(year), table: (await read(year)).table },
    };
  }
  const refreshed = await refreshState(ctx.db);
  const rows = p.groupBy ? (main.fam.rowLabels[p.groupBy] ?? {}) : {};
  return {
    indicator: { id: def.id, label: def.label, kind: def.kind, variable: def.variable, unit: def.unit },
    groupBy: p.groupBy,
    period: { fromMonth: p.filter.fromMonth, toMonth: p.filter.toMonth },
    siteIds: siteIds ?? [],
    arrondissements: p.filter.arrondissements,
    labels:
      p.groupBy && p.category
        ? { rowVar: null, colVar: GROUP_BY_LABELS[p.groupBy], rows: {}, cols: rows }
        : {
            rowVar: p.groupBy ? GROUP_BY_LABELS[p.groupBy] : null,
            colVar: def.variable,
            rows,
            cols: main.fam.colLabels,
          },
    table: main.table,
    comparison,
    refreshedAt: refreshed?.refreshedAt.toISOString() ?? null,
  };
}

/** A place with no row in the family (an arrondissement with nobody in it) is a row of zeros. */
export const existingRow = (fam: LoadedFamily, slice: FamilySlice) =>
  slice.kind !== 'row' || fam.protected.tables.some((t) => t.key === slice.table && t.rows.includes(slice.row));

export const emptyRow = (fam: LoadedFamily, colVar: string): PublishedTable => ({
  status: 'released',
  rowVar: null,
  colVar,
  rows: ['ensemble'],
  cols: [...fam.protected.cols],
  threshold: fam.protected.threshold,
  cells: [fam.protected.cols.map(() => 0)],
  rowTotals: [],
  colTotals: [],
  grandTotal: 0,
});
