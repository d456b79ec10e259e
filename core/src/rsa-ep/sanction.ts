import type { ParamValues } from '../params/index.js';

/**
 * Sanctions "suspension-remobilisation" (docs/domain.md §3, décret du 30 mai 2025): on a first breach a suspension of
 * 30 % to 100 % for 1 to 2 months; when the breach is repeated, 1 to 4 months; a foyer of several persons is capped at
 * 50 %. Every rate and duration is a dated parameter: a decision reads them on its own date and keeps them.
 */
export type Breach = 'premier' | 'repetition';

export interface SanctionRules {
  minRate: number;
  maxRate: number;
  multiPersonMaxRate: number;
  firstMaxMonths: number;
  repeatMaxMonths: number;
  baseAmountCents: number;
}

/** The sanction rules in force, read from the parameters of the decision's date. */
export const sanctionRulesOf = (p: ParamValues): SanctionRules => ({
  minRate: p['rsa.sanction.minRate'],
  maxRate: p['rsa.sanction.maxRate'],
  multiPersonMaxRate: p['rsa.sanction.multiPersonMaxRate'],
  firstMaxMonths: p['rsa.sanction.firstMaxMonths'],
  repeatMaxMonths: p['rsa.sanction.repeatMaxMonths'],
  baseAmountCents: p['rsa.sanction.baseAmountCents'],
});

export interface SanctionRequest {
  breach: Breach;
  rate: number;
  months: number;
  householdSize: number;
  /** The monthly RSA amount the rate applies to; the parameter's forfaitaire amount when not given. */
  monthlyAmountCents?: number | null;
}

export interface SanctionComputed {
  breach: Breach;
  rate: number;
  months: number;
  maxRate: number;
  maxMonths: number;
  monthlyAmountCents: number;
  /** Withheld each month, rounded to the cent. */
  monthlyWithheldCents: number;
  totalWithheldCents: number;
}

export type SanctionCheck =
  | { ok: true; value: SanctionComputed }
  | { ok: false; code: 'sanction_rate' | 'sanction_months'; field: 'rate' | 'months'; message: string };

/** The highest rate allowed for this foyer (capped for a foyer of several persons). */
export const maxRateFor = (rules: SanctionRules, householdSize: number): number =>
  householdSize > 1 ? Math.min(rules.maxRate, rules.multiPersonMaxRate) : rules.maxRate;

/** The longest duration allowed for this breach. */
export const maxMonthsFor = (rules: SanctionRules, breach: Breach): number =>
  breach === 'premier' ? rules.firstMaxMonths : rules.repeatMaxMonths;

/** Checks a proposed sanction against the rules in force and computes the amounts withheld. Pure. */
export function computeSanction(rules: SanctionRules, req: SanctionRequest): SanctionCheck {
  const maxRate = maxRateFor(rules, req.householdSize);
  const maxMonths = maxMonthsFor(rules, req.breach);
  if (!Number.isInteger(req.rate) || req.rate < rules.minRate || req.rate > maxRate) {
    const capped = req.householdSize > 1 && maxRate < rules.maxRate ? ' (foyer de plusieurs personnes)' : '';
    return {
      ok: false,
      code: 'sanction_rate',
      field: 'rate',
      message: `Le taux de suspension doit être compris entre ${rules.minRate} % et ${maxRate} %${capped}`,
    };
  }
  if (!Number.isInteger(req.months) || req.months < 1 || req.months > maxMonths) {
    const which = req.breach === 'premier' ? 'un premier manquement' : 'un manquement répété';
    return {
      ok: false,
      code: 'sanction_months',
      field: 'months',
      message: `Pour ${which}, la suspension dure de 1 à ${maxMonths} mois`,
    };
  }
  const monthlyAmountCents = req.monthlyAmountCents ?? rules.baseAmountCents;
  const monthlyWithheldCents = Math.round((monthlyAmountCents * req.rate) / 100);
  return {
    ok: true,
    value: {
      breach: req.breach,
      rate: req.rate,
      months: req.months,
      maxRate,
      maxMonths,
      monthlyAmountCents,
      monthlyWithheldCents,
      totalWithheldCents: monthlyWithheldCents * req.months,
    },
  };
}

/** yyyy-mm-dd → number of whole months from `start` (first day of the first suspended month) to `day`, started ones. */
const monthsStarted = (start: string, day: string): number => {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [dy, dm] = day.split('-').map(Number) as [number, number];
  return Math.max(0, (dy - sy) * 12 + (dm - sm) + 1);
};

/**
 * Remobilisation (docs/domain.md §3): the sanction is lifted and the sums withheld so far are paid back; the months not
 * yet reached are not withheld. `startMonth` is the first suspended month (yyyy-mm-01), `day` the remobilisation date.
 */
export function remobilisationReversal(
  s: { startMonth: string; months: number; monthlyWithheldCents: number },
  day: string,
): { monthsWithheld: number; reversedCents: number; monthsCancelled: number } {
  const monthsWithheld = Math.min(s.months, day < s.startMonth ? 0 : monthsStarted(s.startMonth, day));
  return {
    monthsWithheld,
    reversedCents: monthsWithheld * s.monthlyWithheldCents,
    monthsCancelled: s.months - monthsWithheld,
  };
}

/** The first day of the month after `day` (a suspension starts on the month following its notification). */
export const nextMonthStart = (day: string): string => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-01`;
};

export { euros } from '../domain/money-and-months.js';
