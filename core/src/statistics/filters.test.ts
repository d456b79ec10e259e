import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatisticsError } from './errors.js';
import { normaliseFilter, type StatisticsFilter, type StatisticsFilterInput } from './filters.js';

const month = (from: string, to: string) => {
  const f = normaliseFilter({ from, to });
  return [f.fromMonth, f.toMonth];
};

describe('normaliseFilter: periods snap to whole calendar months', () => {
  it.each([
    ['2025-03-01', '2025-03-31', '2025-03', '2025-03'],
    ['2025-03-01', '2025-04-01', '2025-03', '2025-03'], // a month plus a day
    ['2025-03-02', '2025-04-01', '2025-03', '2025-03'], // the same month shifted by a day
    ['2025-03-01', '2025-03-30', '2025-03', '2025-03'], // a month minus a day
    ['2025-03-10', '2025-03-12', '2025-03', '2025-03'], // a few days: the month around them
    ['2025-03-20', '2025-06-10', '2025-04', '2025-05'],
    ['2024-12-20', '2025-01-20', '2025-01', '2025-01'], // across a year end, mostly January
    ['2025-02', '2025-04', '2025-02', '2025-04'], // whole months given as YYYY-MM
    ['2024-02-15', '2024-02-29', '2024-02', '2024-02'], // leap day
  ])('%s → %s gives %s … %s', (from, to, a, b) => {
    expect(month(from, to)).toEqual([a, b]);
  });

  it('gives SQL bounds and a canonical key', () => {
    const f = normaliseFilter({
      from: '2025-11-03',
      to: '2026-01-31',
      siteIds: ['b', 'a', 'b'],
      arrondissements: [18, 10, 18],
    });
    expect(f).toEqual({
      fromMonth: '2025-11',
      toMonth: '2026-01',
      from: '2025-11-01',
      toExclusive: '2026-02-01',
      siteIds: ['a', 'b'],
      arrondissements: [10, 18],
      key: '2025-11..2026-01|sites:a,b|arr:10,18',
    });
    expect(
      normaliseFilter({ from: '2025-11-01', to: '2026-02-01', siteIds: ['a', 'b'], arrondissements: [10, 18] }).key,
    ).toBe(f.key);
  });

  it.each([
    [{ from: '2025-13-01', to: '2025-12-31' }, 'invalid_period'],
    [{ from: '2025-02-30', to: '2025-03-31' }, 'invalid_period'],
    [{ from: '2025-04-01', to: '2025-03-01' }, 'invalid_period'],
    [{ to: '2025-03-01' }, 'invalid_period'],
    [{ from: '2025-03-01', to: '2025-03-31', arrondissements: [21] }, 'invalid_filter'],
    [{ from: '2025-03-01', to: '2025-03-31', siteIds: 'abc' }, 'invalid_filter'],
    [{ from: '2025-03-01', to: '2025-03-31', teamIds: ['t1'] }, 'filter_too_fine'],
    [{ from: '2025-03-01', to: '2025-03-31', workerId: 'u1' }, 'filter_too_fine'],
    [{ from: '2025-03-01', to: '2025-03-31', day: 'lundi' }, 'filter_too_fine'],
    [{ from: '2025-03-01', to: '2025-03-31', iris: '751186920' }, 'filter_too_fine'],
  ])('refuses %j with %s and a French message', (input, code) => {
    try {
      normaliseFilter(input as unknown as StatisticsFilterInput);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StatisticsError);
      expect((e as StatisticsError).code).toBe(code);
      expect((e as StatisticsError).message).toMatch(/[éèàû]|Filtre|Date|Arrondissement|Liste|Identifiant/);
    }
  });
});

/** A synthetic population: one person per (day, site) pattern, so that raw day-level differences would isolate someone. */
const SITES = ['s1', 's2', 's3'];
const people = Array.from({ length: 900 }, (_, k) => {
  const day = new Date(Date.UTC(2024, 0, 1) + ((k * 7919) % 730) * 86_400_000).toISOString().slice(0, 10);
  return { id: k, day, site: SITES[k % 3]!, arr: (k % 20) + 1 };
});
const select = (f: StatisticsFilter) =>
  new Set(
    people
      .filter((p) => p.day >= f.from && p.day < f.toExclusive)
      .filter((p) => f.siteIds.length === 0 || f.siteIds.includes(p.site))
      .filter((p) => f.arrondissements.length === 0 || f.arrondissements.includes(p.arr))
      .map((p) => p.id),
  );
const rawSelect = (from: string, to: string) =>
  new Set(people.filter((p) => p.day >= from && p.day <= to).map((p) => p.id));

describe('differencing: two overlapping queries cannot isolate a person', () => {
  it('a month and the same month plus one day are the same query', () => {
    const a = { from: '2024-03-01', to: '2024-03-31' };
    const b = { from: '2024-03-01', to: '2024-04-01' };
    const rawDiff = [...rawSelect(b.from, b.to)].filter((id) => !rawSelect(a.from, a.to).has(id));
    expect(rawDiff.length).toBeGreaterThan(0); // the persons who arrived on 1 April, isolated by raw dates
    expect(normaliseFilter(b)).toEqual(normaliseFilter(a));
    expect(select(normaliseFilter(b))).toEqual(select(normaliseFilter(a)));
  });

  it('for any two queries, what one counts and the other does not is made of whole month × site × arrondissement groups', () => {
    const date = fc
      .integer({ min: 0, max: 729 })
      .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const query = fc
      .record({ a: date, b: date, sites: fc.subarray(SITES), arrs: fc.subarray([1, 2, 3, 10, 18, 20]) })
      .map((q) => ({
        from: q.a < q.b ? q.a : q.b,
        to: q.a < q.b ? q.b : q.a,
        siteIds: q.sites,
        arrondissements: q.arrs,
      }));
    const group = (id: number) => {
      const p = people[id]!;
      return `${p.day.slice(0, 7)}|${p.site}|${p.arr}`;
    };
    const wholeGroups = (a: Set<number>, b: Set<number>) => {
      const diff = new Set([...a].filter((id) => !b.has(id)));
      const groups = new Set([...diff].map(group));
      // Every member of a group present in the difference is in the difference: no one is singled out within a group.
      return people.every((p) => !groups.has(group(p.id)) || diff.has(p.id));
    };
    fc.assert(
      fc.property(query, query, (qa, qb) => wholeGroups(select(normaliseFilter(qa)), select(normaliseFilter(qb)))),
      { numRuns: 300, seed: 6 },
    );
    // Control: on raw day-level periods the same property fails, so the test has teeth.
    const raw = fc.check(
      fc.property(query, query, (qa, qb) => wholeGroups(rawSelect(qa.from, qa.to), rawSelect(qb.from, qb.to))),
      { numRuns: 300, seed: 6 },
    );
    expect(raw.failed).toBe(true);
  });
});
