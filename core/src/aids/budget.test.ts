import { describe, expect, it } from 'vitest';
import { ageOn, consumptionUnitsTenths, formatCents, summariseBudget, type Budget } from './budget.js';

const budget: Budget = {
  resources: [
    { type: 'salaire', monthlyCents: 145_033 },
    { type: 'al_apl', monthlyCents: 25_000 },
    { type: 'ars', monthlyCents: 3_000 },
    { type: 'aeeh', monthlyCents: 15_000 },
    { type: 'prestations_familiales', monthlyCents: 14_000 },
  ],
  charges: [
    { type: 'loyer', monthlyCents: 70_000 },
    { type: 'energie', monthlyCents: 6_001 },
  ],
  debts: [{ type: 'loyer', creditor: 'Bailleur', amountCents: 180_000, monthlyRepaymentCents: 5_000 }],
};

describe('consumption units (modified OECD scale)', () => {
  it('counts 1 for the first person of 14 or more, 0.5 for the others of 14 or more, 0.3 under 14', () => {
    expect(consumptionUnitsTenths([40])).toBe(10);
    expect(consumptionUnitsTenths([40, 38])).toBe(15);
    expect(consumptionUnitsTenths([40, 38, 15, 13, 2])).toBe(10 + 5 + 5 + 3 + 3);
    expect(consumptionUnitsTenths([35, 4, 1])).toBe(16);
    // Order does not matter; a household of children counts its eldest as the first.
    expect(consumptionUnitsTenths([2, 35])).toBe(13);
    expect(consumptionUnitsTenths([13, 10])).toBe(13);
    expect(consumptionUnitsTenths([])).toBe(10);
  });
  it('computes ages on a day, birthday included', () => {
    expect(ageOn('2012-12-07', '2026-12-07')).toBe(14);
    expect(ageOn('2012-12-08', '2026-12-07')).toBe(13);
    expect(ageOn('1960-02-29', '2026-02-28')).toBe(65);
  });
});

describe('reste à vivre', () => {
  it('the full view counts every resource; integers all along', () => {
    const s = summariseBudget(budget, [40, 38, 10], 'complet');
    expect(s.resourcesCents).toBe(202_033);
    expect(s.excludedCents).toBe(0);
    expect(s.chargesCents).toBe(76_001);
    expect(s.debtRepaymentsCents).toBe(5_000);
    expect(s.debtsTotalCents).toBe(180_000);
    expect(s.resteAVivreCents).toBe(121_032);
    expect(s.ucTenths).toBe(18);
    expect(s.resteAVivreParUcCents).toBe(67_240); // 121032 / 1.8 = 67240
    expect(s.resteAVivreParJourCents).toBe(4_034); // 121032 / 30 = 4034.4
    for (const v of Object.values(s)) if (typeof v === 'number') expect(Number.isInteger(v)).toBe(true);
  });
  it('the FSL view leaves out AL/APL, ARS and AEEH; the Paris view also the family benefits', () => {
    const fsl = summariseBudget(budget, [40], 'fsl');
    expect(fsl.resourcesCents).toBe(145_033 + 14_000);
    expect(fsl.excludedCents).toBe(43_000);
    const paris = summariseBudget(budget, [40], 'paris');
    expect(paris.resourcesCents).toBe(145_033);
    expect(paris.excludedCents).toBe(57_000);
  });
  it('rounds a negative reste à vivre down (never looks better than it is)', () => {
    const s = summariseBudget(
      {
        resources: [{ type: 'rsa', monthlyCents: 60_000 }],
        charges: [{ type: 'loyer', monthlyCents: 60_001 }],
        debts: [],
      },
      [30, 5],
    );
    expect(s.resteAVivreCents).toBe(-1);
    expect(s.resteAVivreParJourCents).toBe(-1);
    expect(s.resteAVivreParUcCents).toBe(-1);
  });
  it('an empty budget is zero everywhere', () => {
    const s = summariseBudget({ resources: [], charges: [], debts: [] }, [30]);
    expect(s.resteAVivreCents).toBe(0);
    expect(s.resteAVivreParUcCents).toBe(0);
  });
  it('formats euros in French', () => {
    expect(formatCents(123_456)).toBe('1\u202f234,56\u00a0€');
    expect(formatCents(5)).toBe('0,05\u00a0€');
    expect(formatCents(-250)).toBe('−2,50\u00a0€');
  });
});
