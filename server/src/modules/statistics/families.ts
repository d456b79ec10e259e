import {
  arrondissementLabel,
  canSeeTeamTable,
  indicatorById,
  protectFamily,
  shiftMonth,
  type Category,
  type Family,
  type FamilyTable,
  type ProtectedFamily,
  type PublishedValue,
} from '@jalon/core';
import { statThresholds } from '../params/index.js';
import type { Ctx } from '../../context.js';
import {
  dynamicCategories,
  familyRows,
  refreshState,
  scopeSites,
  type FamilyRow,
  type FamilySource,
} from './queries.js';
import { teamsShownApart, type StatisticsScope } from './scope.js';

/**
 * The published families (docs/adr/009-statistics-disclosure-control.md): for one scope, one indicator and one
 * published period — a month for the population (a snapshot), a calendar year for the activity and the waiting time
 * (its months are one of its tables) — every breakdown is built and protected together, and every answer of the API
 * is read from it. Values shared with another family keep the status that family gave them: the population total of
 * an arrondissement or a site (every population indicator counts the same files, `ensemble`), and the entries of
 * one type that another indicator counts again (home visits, appointments, orientations).
 */
export const MAX_TWO_WAY_CELLS = 260;
const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
export const monthLabel = (ym: string) => `${MONTHS_FR[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/**
 * Activity indicators that count again one column of another ("entrées par type"), or all of it (`category` null:
 * the aid decisions by outcome and by delay count the decisions "par type d'aide" counts, so they share its totals).
 */
const PARENTS: Record<string, { indicator: string; category: string | null }> = {
  visitesDomicile: { indicator: 'entreesParType', category: 'visite_domicile' },
  rendezVousParStatut: { indicator: 'entreesParType', category: 'rendez_vous' },
  orientationsParPartenaire: { indicator: 'entreesParType', category: 'orientation' },
  aidesIssues: { indicator: 'aidesDecisions', category: null },
  aidesDelais: { indicator: 'aidesDecisions', category: null },
};

export interface FamilyRequest {
  source: FamilySource;
  /** Dimension (population) or indicator (activity); `personnes` for the waiting time. */
  name: string;
  categories: Category[];
  sensitive: boolean;
  /** Population: the snapshot month `YYYY-MM`; activity and waiting time: the year `YYYY`. */
  period: string;
}

export interface LoadedFamily {
  protected: ProtectedFamily;
  /** Labels of the rows of each table, and of the columns. */
  rowLabels: Record<string, Record<string, string>>;
  colLabels: Record<string, string>;
}

const cache = new Map<string, LoadedFamily>();
const CACHE_SIZE = 300;
/** For the benchmark: measure cold pages. */
export const clearStatisticsCache = () => cache.clear();

export async function loadFamily(ctx: Ctx, scope: StatisticsScope, req: FamilyRequest): Promise<LoadedFamily> {
  const refreshed = await refreshState(ctx.db);
  const thresholds = await statThresholds(ctx.db, ctx.now);
  const key = JSON.stringify([
    scope,
    req.source,
    req.name,
    req.period,
    refreshed?.refreshedAt.getTime() ?? 0,
    thresholds,
  ]);
  const hit = cache.get(key);
  if (hit) return hit;
  const parent = await parentValues(ctx, scope, req);
  const rows = await familyRows(ctx.db, {
    source: req.source,
    name: req.name,
    fromMonth: req.source === 'population' ? `${req.period}-01` : `${req.period}-01-01`,
    toMonth: req.source === 'population' ? `${req.period}-01` : `${req.period}-12-01`,
    siteIds: scope.siteIds,
    teamIds: scope.teamIds,
  });
  const built = await buildFamily(ctx, scope, req, rows);
  const loaded = { ...built, protected: protectFamily(built.family, parent, thresholds) };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, loaded);
  return loaded;
}

/** Statuses fixed by the parent family, keyed in this family's keys. */
async function parentValues(
  ctx: Ctx,
  scope: StatisticsScope,
  req: FamilyRequest,
): Promise<Map<string, PublishedValue>> {
  const out = new Map<string, PublishedValue>();
  let parent: LoadedFamily;
  let col: string | null;
  if (req.source === 'population' && req.name !== 'ensemble') {
    parent = await loadFamily(ctx, scope, { ...req, name: 'ensemble', categories: TOTAL, sensitive: false });
    col = 'total';
  } else if (req.source === 'activity' && PARENTS[req.name]) {
    const p = PARENTS[req.name]!;
    const def = indicatorById(p.indicator)!;
    const categories = def.categories ?? (await dynamicCategories(ctx.db, def.id));
    parent = await loadFamily(ctx, scope, { ...req, name: p.indicator, categories, sensitive: def.sensitive });
    col = p.category;
  } else return out;
  const pf = parent.protected;
  if (pf.withheld) return out;
  out.set('g', pf.value(col === null ? 'g' : `m|${col}`));
  for (const t of pf.tables) {
    if (t.key === 'team') continue;
    for (const r of t.rows) out.set(`${t.key}|${r}|*`, pf.value(`${t.key}|${r}|${col ?? '*'}`));
  }
  return out;
}

const TOTAL: Category[] = [{ code: 'total', label: 'Total' }];

async function buildFamily(
  ctx: Ctx,
  scope: StatisticsScope,
  req: FamilyRequest,
  rows: FamilyRow[],
): Promise<{ family: Family; rowLabels: LoadedFamily['rowLabels']; colLabels: Record<string, string> }> {
  const known = new Set(req.categories.map((c) => c.code));
  const extra = [...new Set(rows.map((r) => r.category).filter((c) => !known.has(c)))].sort();
  const cols = [...req.categories, ...extra.map((code) => ({ code, label: code }))];
  const colIndex = new Map(cols.map((c, j) => [c.code, j]));
  const sites = await scopeSites(ctx.db, scope.siteIds);
  const arrs = [...new Set([...sites.flatMap((s) => s.arrondissements), ...rows.map((r) => r.arr)])].sort((a, b) =>
    a === 0 ? 1 : b === 0 ? -1 : a - b,
  );
  const rowLabels: LoadedFamily['rowLabels'] = {
    ensemble: { ensemble: 'Ensemble' },
    arrondissement: Object.fromEntries(arrs.map((a) => [String(a), arrondissementLabel(a)])),
    site: Object.fromEntries(sites.map((s) => [s.id, s.name])),
  };
  const groupings: [string, (r: FamilyRow) => string][] = [
    ['ensemble', () => 'ensemble'],
    ['arrondissement', (r) => String(r.arr)],
    ['site', (r) => r.site],
  ];
  if (req.source !== 'population') {
    const months = Array.from({ length: 12 }, (_, i) => shiftMonth(`${req.period}-01`, i));
    rowLabels.mois = Object.fromEntries(months.map((m) => [m, monthLabel(m)]));
    groupings.push(['mois', (r) => r.month]);
  }
  if (req.source === 'population' && req.name === 'ensemble' && canSeeTeamTable(ctx.actor)) {
    const apart = await teamsShownApart(ctx.db, scope.siteIds);
    const teams = [...apart.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
    rowLabels.team = {
      ...Object.fromEntries(teams),
      autres: 'Équipes de moins de 5 professionnels et dossiers sans équipe',
    };
    groupings.push(['team', (r) => (apart.has(r.team) ? r.team : 'autres')]);
  }
  const tables: FamilyTable[] = [];
  for (const [key, rowOf] of groupings) {
    const rowCodes = Object.keys(rowLabels[key]!);
    if (key !== 'ensemble' && rowCodes.length * cols.length > MAX_TWO_WAY_CELLS) continue;
    const index = new Map(rowCodes.map((r, i) => [r, i]));
    const cells = rowCodes.map(() => cols.map(() => 0));
    for (const r of rows) cells[index.get(rowOf(r))!]![colIndex.get(r.category)!]! += r.n;
    tables.push({ key, rows: rowCodes, cells });
  }
  return {
    family: { colVar: req.name, cols: cols.map((c) => c.code), tables, sensitive: req.sensitive },
    rowLabels,
    colLabels: Object.fromEntries(cols.map((c) => [c.code, c.label])),
  };
}
