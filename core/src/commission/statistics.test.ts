import { describe, expect, it } from 'vitest';
import { aidStatistics, type AidStatRecord } from './statistics.js';

const TYPES = [
  { code: 'maintien', label: 'FSL maintien' },
  { code: 'energie', label: 'FSL énergie' },
];
const SITES = [
  { id: 's1', name: 'EPS 18e' },
  { id: 's2', name: 'EPS 19e' },
];
const rec = (over: Partial<AidStatRecord>): AidStatRecord => ({
  aidType: 'maintien',
  siteId: 's1',
  depositMonth: '2026-03',
  decisionMonth: '2026-04',
  outcome: 'accord',
  amountCents: 50_000,
  delayDays: 20,
  ...over,
});
const many = (n: number, over: Partial<AidStatRecord>) => Array.from({ length: n }, () => rec(over));
const table = (s: ReturnType<typeof aidStatistics>, key: string) => {
  const t = s.tables.find((x) => x.key === key);
  if (!t) throw new Error(key);
  return t;
};

describe('aid statistics', () => {
  it('publishes counts, amounts and delays where the counts reach the threshold', () => {
    const records = [...many(12, {}), ...many(8, { siteId: 's2', amountCents: 10_000, delayDays: 10 })];
    const s = aidStatistics({ year: 2026, records, aidTypes: TYPES, sites: SITES });
    const bySite = table(s, 'Demandes déposées|site');
    expect(bySite.rows.map((r) => r.values[0])).toEqual(['12', '8']);
    expect(bySite.total.total).toBe('20');
    const amounts = table(s, 'Montants accordés|site');
    expect(amounts.rows[0]?.values[0]).toBe('6 000,00 €');
    expect(amounts.total.values[0]).toBe('6 800,00 €');
    expect(amounts.rows[0]?.values[1]).toBe('—');
    const delay = table(s, 'Délai moyen dépôt-décision (jours)|site');
    expect(delay.total.values[0]).toBe('16');
  });

  it('hides a small count, the amount it sums and what would recompute them', () => {
    const records = [
      ...many(12, {}),
      ...many(2, { siteId: 's2', amountCents: 99_900 }),
      ...many(9, { siteId: 's2', aidType: 'energie' }),
    ];
    const s = aidStatistics({ year: 2026, records, aidTypes: TYPES, sites: SITES });
    const bySite = table(s, 'Demandes déposées|site');
    expect(bySite.rows[1]?.values[0]).toBe('< 5');
    // The margin of "maintien" (14) minus site 1 (12) would give site 2: one of them is hidden too.
    expect([bySite.rows[0]?.values[0], bySite.total.values[0]]).toContain('secret');
    const amounts = table(s, 'Montants accordés|site');
    expect(amounts.rows[1]?.values[0]).toBe('< 5');
    expect(JSON.stringify(s)).not.toContain('1 998,00');
  });

  it('counts only the year asked and the sites of the scope', () => {
    const records = [
      ...many(6, {}),
      ...many(6, { depositMonth: '2025-12', decisionMonth: '2025-12' }),
      ...many(6, { siteId: 'other' }),
    ];
    const s = aidStatistics({ year: 2026, records, aidTypes: TYPES, sites: SITES });
    expect(table(s, 'Demandes déposées|mois').total.total).toBe('6');
    expect(table(s, 'Demandes déposées|mois').rows[2]?.values[0]).toBe('6');
  });
});
