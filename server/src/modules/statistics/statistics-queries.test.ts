import {
  recoverAcrossQueries,
  type PublishedTable,
  type PublishedValue,
  type QueryAnswer,
  type StatisticsTableDto,
  type TeamTableDto,
  type WaitingTimeDto,
} from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, loginAs, type Session } from '../../test/factories.js';

/**
 * The attacker model of docs/security.md (Statistics): any sequence of queries the API allows, to one scope. A small
 * seeded site (aggregates written directly: months, arrondissements, categories with small counts), its responsable
 * sends every query of a superset of the query space — every period between the candidate bounds, every grouping,
 * every category, every subset of arrondissements and of sites, the comparison, the team table and the waiting time —
 * and the API's answer is kept when it accepts the query (a refused query teaches nothing). Each published value is an
 * equation over the seeded counts; `recoverAcrossQueries` (exact rationals) must find no hidden value determined.
 * Periods outside the seeded months only add zeros, so the candidate bounds cover every distinct answer.
 */
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];
const FROMS = ['2026-01', ...MONTHS];
const TOS = [...MONTHS, '2026-12'];
const ARRS = [18, 19];
const FLOW_CATS = ['visite_domicile', 'appel_entrant', 'entretien_bureau'];
const SEX = ['F', 'M', 'I', 'NR'];
// [month, arrondissement, category, count]: small counts on purpose.
const FLOWS: [string, number, string, number][] = [
  ['2026-08', 18, 'visite_domicile', 7],
  ['2026-08', 18, 'appel_entrant', 3],
  ['2026-08', 19, 'visite_domicile', 6],
  ['2026-09', 18, 'visite_domicile', 9],
  ['2026-09', 18, 'entretien_bureau', 2],
  ['2026-09', 19, 'appel_entrant', 8],
  ['2026-10', 18, 'visite_domicile', 12],
  ['2026-10', 18, 'appel_entrant', 1],
  ['2026-10', 19, 'entretien_bureau', 6],
];
const POPULATION: [string, number, string, number][] = [
  ['2026-08', 18, 'F', 14],
  ['2026-08', 18, 'M', 9],
  ['2026-08', 19, 'F', 3],
  ['2026-08', 19, 'M', 6],
  ['2026-09', 18, 'F', 15],
  ['2026-09', 18, 'M', 9],
  ['2026-09', 18, 'I', 2],
  ['2026-09', 19, 'M', 7],
  ['2026-10', 18, 'F', 16],
  ['2026-10', 18, 'M', 11],
  ['2026-10', 19, 'F', 2],
  ['2026-10', 19, 'M', 8],
];
/** The aid applications deposited (an aid indicator of the statistics module), by aid type: small counts too. */
const AID_CATS = ['maintien', 'energie', 'paris_energie_familles'];
const AID_FLOWS: [string, number, string, number][] = [
  ['2026-08', 18, 'maintien', 4],
  ['2026-08', 19, 'energie', 7],
  ['2026-09', 18, 'energie', 9],
  ['2026-09', 18, 'paris_energie_familles', 1],
  ['2026-10', 19, 'maintien', 6],
  ['2026-10', 18, 'energie', 3],
];
const FLOW_INDICATORS: Record<string, { cats: string[]; flows: [string, number, string, number][] }> = {
  entreesParType: { cats: FLOW_CATS, flows: FLOWS },
  aidesDemandes: { cats: AID_CATS, flows: AID_FLOWS },
};
const WAITS: [string, number, number][] = [
  ['2026-08', 18, 6],
  ['2026-09', 18, 3],
  ['2026-09', 19, 5],
  ['2026-10', 18, 7],
];

let t: TestApp;
let session: Session;
let admin: Session;
let siteId = '';
let teamId = '';
let otherId = '';

/** Atoms: the seeded counts the reader reasons about, by key. */
const atoms = new Map<string, number>();
const atom = (key: string) => {
  if (!atoms.has(key)) atoms.set(key, atoms.size);
  return atoms.get(key)!;
};
const flowAtom = (ind: string, site: string, m: string, a: number, c: string) =>
  atom(`flow|${ind}|${site}|${m}|${a}|${c}`);
const popAtom = (site: string, m: string, a: number, c: string) => atom(`pop|${site}|${m}|${a}|${c}`);
const waitAtom = (site: string, m: string, a: number) => atom(`wait|${site}|${m}|${a}`);
/** The other site: the same counts shifted, so that "all sites" and one site differ by small counts. */
const OTHER = (n: number) => (n > 6 ? n - 5 : n + 1);

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  siteId = site.id;
  teamId = site.teamA;
  await t.db.updateTable('site').set({ arrondissements: ARRS }).where('id', '=', siteId).execute();
  const other = await buildSite(t.db);
  otherId = other.id;
  await t.db.updateTable('site').set({ arrondissements: ARRS }).where('id', '=', otherId).execute();
  session = await loginAs(t.app, await buildUser(t.db, 'responsable', siteId));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  for (const [site, team, f] of [
    [siteId, teamId, (n: number) => n],
    [otherId, other.teamA, OTHER],
  ] as const) {
    const base = { site_id: site, team_id: team };
    for (const [indicator, { flows }] of Object.entries(FLOW_INDICATORS))
      for (const [m, a, c, n] of flows)
        await t.db
          .insertInto('stat_flow')
          .values({ ...base, month: `${m}-01`, arrondissement: a, indicator, category: c, count: f(n) })
          .execute();
    for (const [m, a, c, n] of POPULATION)
      for (const [dimension, category] of [
        ['sexe', c],
        ['ensemble', 'total'],
      ] as const)
        await t.db
          .insertInto('stat_population')
          .values({ ...base, month: `${m}-01`, arrondissement: a, dimension, category, persons: f(n) })
          .execute();
    for (const [m, a, n] of WAITS)
      await t.db
        .insertInto('stat_wait')
        .values({ ...base, month: `${m}-01`, arrondissement: a, days: 10, persons: f(n) })
        .execute();
  }
  await t.db
    .insertInto('stat_refresh')
    .values({ id: 1, refreshed_at: t.clock.now(), first_month: '2024-12-01', duration_ms: 1 })
    .execute();
});
afterAll(() => t.close());

const monthsOf = (from: string, to: string) => MONTHS.filter((m) => m >= from && m <= to);

interface Ask {
  from: string;
  to: string;
  arrs: number[];
  /** Sites the answer covers (the scope, or the filter). */
  sites: string[];
}

/** The atoms behind one position of a published table. */
type Picker = (row: string | null, col: string | null) => number[];

const answersOf = (p: PublishedTable, pick: Picker, source: string): QueryAnswer[] => {
  if (p.status !== 'released') return [];
  const out: QueryAnswer[] = [];
  const add = (v: PublishedValue, row: string | null, col: string | null, where: string) =>
    out.push({ atoms: pick(row, col), value: v, threshold: p.threshold, source: `${source} ${where}` });
  const oneWay = p.rowVar === null;
  p.cells.forEach((r, i) =>
    r.forEach((v, j) => add(v, oneWay ? null : p.rows[i]!, p.cols[j]!, `[${oneWay ? '' : p.rows[i]}|${p.cols[j]}]`)),
  );
  p.rowTotals.forEach((v, i) => add(v, p.rows[i]!, null, `[${p.rows[i]}|total]`));
  p.colTotals.forEach((v, j) => add(v, null, p.cols[j]!, `[total|${p.cols[j]}]`));
  add(p.grandTotal, null, null, '[total]');
  return out;
};

/** Atoms of a value, given the query and what its row and column stand for. */
const pickFor =
  (
    kind: 'flow' | 'pop',
    q: Ask,
    rowKind: string,
    colKind: 'category' | 'rows',
    category: string | null,
    indicator = 'entreesParType',
  ): Picker =>
  (row, col) => {
    const cats = kind === 'flow' ? FLOW_INDICATORS[indicator]!.cats : SEX;
    let months = kind === 'flow' ? monthsOf(q.from, q.to) : MONTHS.filter((m) => m === q.to);
    let arrs = q.arrs.length ? q.arrs : ARRS;
    let sites = q.sites;
    let cs = category && category !== 'total' ? [category] : cats;
    // In a one-way table along the rows (category given), the "column" is the row value.
    const r = colKind === 'rows' ? col : row;
    if (colKind === 'category' && col !== null) cs = cs.filter((c) => c === col);
    if (r !== null && rowKind === 'arrondissement') arrs = arrs.filter((a) => String(a) === r);
    if (r !== null && rowKind === 'mois') months = months.filter((m) => m === r);
    if (r !== null && rowKind === 'site') sites = sites.filter((x) => x === r);
    const out: number[] = [];
    for (const x of sites)
      for (const m of months)
        for (const a of arrs)
          for (const c of cs) out.push(kind === 'flow' ? flowAtom(indicator, x, m, a, c) : popAtom(x, m, a, c));
    return out;
  };

async function collect(
  who: Session,
  scopeSites: string[],
): Promise<{ answers: QueryAnswer[]; asked: number; accepted: number }> {
  const answers: QueryAnswer[] = [];
  let asked = 0;
  let accepted = 0;
  const get = async (url: string) => {
    asked++;
    const res = await t.app.inject({ method: 'GET', url, headers: who.get });
    if (res.statusCode !== 200) {
      expect(res.statusCode, `${url}: ${res.body}`).toBe(422);
      return null;
    }
    accepted++;
    return res.json();
  };
  const arrSets = [[], [18], [19], [18, 19]];
  const periods = FROMS.flatMap((from) => TOS.filter((to) => from <= to).map((to) => ({ from, to })));
  for (const { from, to } of periods)
    for (const arrs of arrSets)
      for (const chosen of [[], ...scopeSites.map((x) => [x]), ...(scopeSites.length > 1 ? [scopeSites] : [])]) {
        const sites = chosen.length ? `&siteIds=${chosen.join(',')}` : '';
        const q: Ask = { from, to, arrs, sites: chosen.length ? chosen : scopeSites };
        const base = `from=${from}&to=${to}${arrs.length ? `&arrondissements=${arrs.join(',')}` : ''}${sites}`;
        for (const [indicator, kind] of [
          ['entreesParType', 'flow'],
          ['aidesDemandes', 'flow'],
          ['sexe', 'pop'],
        ] as const) {
          const cats = kind === 'flow' ? FLOW_INDICATORS[indicator]!.cats : SEX;
          const src = (g: string) => `${indicator} ${base} ${g}`;
          for (const groupBy of ['', 'arrondissement', 'mois', 'site'])
            for (const category of groupBy ? ['', 'total', ...cats] : ['']) {
              const url = `/api/statistics/table?indicator=${indicator}&${base}${groupBy ? `&groupBy=${groupBy}` : ''}${category ? `&category=${category}` : ''}`;
              const dto = (await get(url)) as StatisticsTableDto | null;
              if (!dto) continue;
              const cat = category || null;
              const pick = pickFor(kind, q, groupBy || 'none', category ? 'rows' : 'category', cat, indicator);
              answers.push(...answersOf(dto.table, pick, src(`${groupBy}/${category}`)));
            }
          const cmp = (await get(
            `/api/statistics/table?indicator=${indicator}&${base}&compare=1`,
          )) as StatisticsTableDto | null;
          for (const [name, c] of Object.entries(cmp?.comparison ?? {}))
            answers.push(
              ...answersOf(
                c.table,
                pickFor(kind, { ...q, from: c.fromMonth, to: c.toMonth }, 'none', 'category', null, indicator),
                src(name),
              ),
            );
        }
        const teams = (await get(`/api/statistics/teams?${base}`)) as TeamTableDto | null;
        if (teams)
          answers.push(
            ...answersOf(
              teams.table,
              (_r, col) =>
                col === 'autres' || col === null || col === teamId
                  ? pickFor('pop', q, 'none', 'category', null)(null, null)
                  : [],
              `teams ${base}`,
            ),
          );
        const wait = (await get(`/api/statistics/waiting-time?${base}`)) as WaitingTimeDto | null;
        if (wait)
          answers.push({
            atoms: q.sites.flatMap((x) =>
              monthsOf(from, to).flatMap((m) => (arrs.length ? arrs : ARRS).map((a) => waitAtom(x, m, a))),
            ),
            value: wait.persons,
            threshold: wait.threshold,
            source: `waiting-time ${base}`,
          });
      }
  return { answers, asked, accepted };
}

const attack = async (who: Session, scopeSites: string[]) => {
  const { answers, asked, accepted } = await collect(who, scopeSites);
  expect(accepted).toBeGreaterThan(50);
  expect(answers.some((a) => typeof a.value !== 'number')).toBe(true);
  const found = recoverAcrossQueries(atoms.size, answers, 5);
  const names = [...atoms.keys()];
  console.log(`${asked} queries, ${accepted} accepted, ${answers.length} values, ${found.length} disclosed`);
  return found.map((f) => `${f.kind === 'atom' ? names[Number(f.what)] : f.what} = ${f.value}`);
};

describe('statistics: the protection holds across every query of a scope', () => {
  it('no hidden count of a seeded site is determined by the union of the answers its responsable can get', async () => {
    expect(await attack(session, [siteId])).toEqual([]);
  }, 600_000);

  it('nor by the union of the answers of the admin (every site, one site, all sites)', async () => {
    expect(await attack(admin, [siteId, otherId])).toEqual([]);
  }, 600_000);
});
