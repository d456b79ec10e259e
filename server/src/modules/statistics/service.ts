import {
  arrondissementLabel,
  GROUP_BY_LABELS,
  indicatorById,
  oneWayTable,
  protectTable,
  shiftMonth,
  type Category,
  type IndicatorDef,
  type PublishedTable,
  type StatisticsFilter,
  type StatisticsTableDto,
  type StatTable,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import { statThresholds } from '../params/index.js';
import { AppError } from '../../errors.js';
import type { TableParams } from './params.js';
import { aggregateCounts, dynamicCategories, refreshState, type AggregateRow, type RowKey } from './queries.js';
import { scopedSites, statisticsScope, type StatisticsScope } from './scope.js';

/**
 * Builds the published table of an indicator. Every output (page table, chart, map, CSV, PDF) goes through here and
 * through protectTable, so a hidden count is hidden everywhere (issue 6: "one code path").
 */
export const MAX_TWO_WAY_CELLS = 260;
const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
export const monthLabel = (ym: string) => `${MONTHS_FR[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

const cache = new Map<string, StatisticsTableDto>();
const CACHE_SIZE = 300;
/** For the benchmark: measure cold pages. */
export const clearStatisticsCache = () => cache.clear();

export async function indicatorTable(ctx: Ctx, p: TableParams): Promise<StatisticsTableDto> {
  const scope = statisticsScope(ctx);
  const def = indicatorById(p.indicator)!;
  const siteIds = scopedSites(scope, p.filter.siteIds);
  if (p.groupBy === 'mois' && def.kind === 'population')
    throw new AppError(
      422,
      'grouping_refused',
      'Évolution mois par mois : indicateurs d’activité seulement (la population se compare d’une période à l’autre)',
      { groupBy: 'Indicateurs d’activité seulement' },
    );
  if (p.compare && p.groupBy)
    throw new AppError(422, 'invalid_filter', 'La comparaison de périodes porte sur le tableau sans regroupement', {
      compare: 'Sans regroupement seulement',
    });
  const refreshed = await refreshState(ctx.db);
  const thresholds = await statThresholds(ctx.db, ctx.now);
  const key = JSON.stringify([scope, siteIds, p, refreshed?.refreshedAt.getTime() ?? 0, thresholds]);
  const hit = cache.get(key);
  if (hit) return hit;

  const categories = def.categories ?? (await dynamicCategories(ctx.db, def.id));
  const main = await build(ctx, scope, siteIds, def, categories, p, p.filter.fromMonth, p.filter.toMonth);
  let comparison: StatisticsTableDto['comparison'] = null;
  if (p.compare) {
    const length = monthsBetween(p.filter.fromMonth, p.filter.toMonth);
    const prev = { fromMonth: shiftMonth(p.filter.fromMonth, -length), toMonth: shiftMonth(p.filter.toMonth, -length) };
    const year = { fromMonth: shiftMonth(p.filter.fromMonth, -12), toMonth: shiftMonth(p.filter.toMonth, -12) };
    comparison = {
      previous: {
        ...prev,
        table: (await build(ctx, scope, siteIds, def, categories, p, prev.fromMonth, prev.toMonth)).table,
      },
      lastYear: {
        ...year,
        table: (await build(ctx, scope, siteIds, def, categories, p, year.fromMonth, year.toMonth)).table,
      },
    };
  }
  const dto: StatisticsTableDto = {
    indicator: { id: def.id, label: def.label, kind: def.kind, variable: def.variable, unit: def.unit },
    groupBy: p.groupBy,
    period: { fromMonth: p.filter.fromMonth, toMonth: p.filter.toMonth },
    siteIds: siteIds ?? [],
    arrondissements: p.filter.arrondissements,
    labels: main.labels,
    table: main.table,
    comparison,
    refreshedAt: refreshed?.refreshedAt.toISOString() ?? null,
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, dto);
  return dto;
}

const monthsBetween = (from: string, to: string) => {
  const idx = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return idx(to) - idx(from) + 1;
};

async function build(
  ctx: Ctx,
  scope: StatisticsScope,
  siteIds: string[] | null,
  def: IndicatorDef,
  categories: Category[],
  p: TableParams,
  fromMonth: string,
  toMonth: string,
): Promise<{ table: PublishedTable; labels: StatisticsTableDto['labels'] }> {
  const rowKey: RowKey = p.groupBy ?? 'none';
  const rows = await aggregateCounts(ctx.db, {
    kind: def.kind,
    name: def.id,
    fromMonth: `${fromMonth}-01`,
    toMonth: `${toMonth}-01`,
    siteIds,
    teamIds: scope.teamIds,
    arrondissements: p.filter.arrondissements,
    rowKey,
  });
  const cols = withUnknown(categories, rows);
  const colLabels = Object.fromEntries(cols.map((c) => [c.code, c.label]));
  const rowLabels = await rowLabelsFor(ctx, rowKey, rows, siteIds, p.filter, fromMonth, toMonth);
  const rowCodes = Object.keys(rowLabels);
  const count = (r: string, c: string) =>
    rows.filter((x) => x.row === r && x.category === c).reduce((s, x) => s + x.n, 0);
  let table: StatTable;
  let labels: StatisticsTableDto['labels'];
  if (rowKey === 'none') {
    table = oneWayTable(
      def.id,
      cols.map((c) => c.code),
      cols.map((c) => count('ensemble', c.code)),
    );
    labels = { rowVar: null, colVar: def.variable, rows: {}, cols: colLabels };
  } else if (p.category) {
    // One category (or all of them) along the breakdown: the map and the monthly series.
    if (p.category !== 'total' && !colLabels[p.category])
      throw new AppError(422, 'invalid_filter', 'Catégorie inconnue pour cet indicateur', {
        category: 'Catégorie inconnue',
      });
    const sum = (r: string) =>
      p.category === 'total' ? rows.filter((x) => x.row === r).reduce((s, x) => s + x.n, 0) : count(r, p.category!);
    table = oneWayTable(rowKey, rowCodes, rowCodes.map(sum));
    labels = { rowVar: null, colVar: GROUP_BY_LABELS[p.groupBy!], rows: {}, cols: rowLabels };
  } else {
    if (rowCodes.length * cols.length > MAX_TWO_WAY_CELLS)
      throw new AppError(
        422,
        'table_too_large',
        'Croisement trop détaillé : filtrez sur un site ou des arrondissements, ou choisissez une catégorie',
        { groupBy: 'Croisement trop détaillé' },
      );
    table = {
      rowVar: rowKey,
      colVar: def.id,
      rows: rowCodes,
      cols: cols.map((c) => c.code),
      cells: rowCodes.map((r) => cols.map((c) => count(r, c.code))),
    };
    labels = { rowVar: GROUP_BY_LABELS[p.groupBy!], colVar: def.variable, rows: rowLabels, cols: colLabels };
  }
  const thresholds = await statThresholds(ctx.db, ctx.now);
  return { table: protectTable(table, { sensitive: def.sensitive, thresholds }), labels };
}

/** Codes found in the aggregates but not in the list (a retired motif…) are kept, shown as stored. */
const withUnknown = (categories: Category[], rows: AggregateRow[]): Category[] => {
  const known = new Set(categories.map((c) => c.code));
  const extra = [...new Set(rows.map((r) => r.category).filter((c) => !known.has(c)))].sort();
  return [...categories, ...extra.map((code) => ({ code, label: code }))];
};

async function rowLabelsFor(
  ctx: Ctx,
  key: RowKey,
  rows: AggregateRow[],
  siteIds: string[] | null,
  filter: StatisticsFilter,
  fromMonth: string,
  toMonth: string,
): Promise<Record<string, string>> {
  if (key === 'none') return { ensemble: 'Ensemble' };
  if (key === 'mois') {
    const out: Record<string, string> = {};
    for (let m = fromMonth; m <= toMonth; m = shiftMonth(m, 1)) out[m] = monthLabel(m);
    return out;
  }
  const sites = await ctx.db
    .selectFrom('site')
    .select(['id', 'name', 'arrondissements'])
    .$if(siteIds !== null, (qb) => qb.where('id', 'in', siteIds!))
    .orderBy('name')
    .execute();
  if (key === 'site') return Object.fromEntries(sites.map((s) => [s.id, s.name]));
  // Arrondissements: those asked for, else those of the sites in scope and those found in the data.
  const set = new Set<number>(
    filter.arrondissements.length
      ? filter.arrondissements
      : [...sites.flatMap((s) => s.arrondissements), ...rows.map((r) => Number(r.row))],
  );
  return Object.fromEntries(
    [...set].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b)).map((n) => [String(n), arrondissementLabel(n)]),
  );
}
