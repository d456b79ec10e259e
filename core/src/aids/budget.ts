import type { ChargeType, DebtType, ResourceType } from './codes.js';

/**
 * The household budget (domain.md §6.8): monthly amounts in integer cents, never floats. The reste à vivre is shown per
 * month, per consumption unit (modified OECD scale) and per day; each view leaves out the resources its rules exclude.
 */
export interface BudgetResource {
  /** A person of the household, or null for a resource of the whole household. */
  personId?: string | null;
  type: ResourceType;
  monthlyCents: number;
  label?: string | null;
}
export interface BudgetCharge {
  type: ChargeType;
  monthlyCents: number;
  label?: string | null;
}
export interface BudgetDebt {
  type: DebtType;
  creditor: string;
  amountCents: number;
  /** The monthly repayment of an agreed plan (plan d'apurement), 0 without one. */
  monthlyRepaymentCents: number;
}
export interface Budget {
  resources: readonly BudgetResource[];
  charges: readonly BudgetCharge[];
  debts: readonly BudgetDebt[];
}

/**
 * Which resources a view leaves out. The FSL counts the whole household except the aides au logement, the ARS and the
 * AEEH (service-public F1334, domain.md §4); the Paris optional aids also leave out scholarships and the family
 * benefits (règlement municipal, Titre I, domain.md §5).
 */
export const BUDGET_VIEWS = {
  complet: [] as ResourceType[],
  fsl: ['al_apl', 'ars', 'aeeh'] as ResourceType[],
  paris: ['al_apl', 'ars', 'aeeh', 'prestations_familiales', 'bourse'] as ResourceType[],
} as const;
export type BudgetView = keyof typeof BUDGET_VIEWS;

/** Days in a month for the reste à vivre per day (the usual social-work convention: 30). */
export const DAYS_PER_MONTH = 30;

/**
 * Consumption units in tenths (modified OECD scale, INSEE): 10 for the first person aged 14 or more, 5 for each other
 * person aged 14 or more, 3 for each child under 14. A household of children only still counts its eldest as 10.
 */
export function consumptionUnitsTenths(ages: readonly number[]): number {
  if (ages.length === 0) return 10;
  const sorted = [...ages].sort((a, b) => b - a);
  return sorted.reduce((sum, age, i) => sum + (i === 0 ? 10 : age >= 14 ? 5 : 3), 0);
}

/** Age in whole years on `day` (yyyy-mm-dd) of someone born on `birthDate` (yyyy-mm-dd). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface BudgetSummary {
  view: BudgetView;
  resourcesCents: number;
  /** Resources the view leaves out (shown, not counted). */
  excludedCents: number;
  chargesCents: number;
  debtRepaymentsCents: number;
  debtsTotalCents: number;
  resteAVivreCents: number;
  /** Consumption units in tenths (15 = 1.5 UC). */
  ucTenths: number;
  resteAVivreParUcCents: number;
  resteAVivreParJourCents: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The budget seen by one view. Reste à vivre = counted resources − charges − monthly debt repayments; per UC and per
 * day are rounded down to the cent (Math.floor, so a negative one never looks better than it is).
 */
export function summariseBudget(budget: Budget, ages: readonly number[], view: BudgetView = 'complet'): BudgetSummary {
  const excluded = new Set<ResourceType>(BUDGET_VIEWS[view]);
  const counted = budget.resources.filter((r) => !excluded.has(r.type));
  const resourcesCents = sum(counted.map((r) => r.monthlyCents));
  const excludedCents = sum(budget.resources.filter((r) => excluded.has(r.type)).map((r) => r.monthlyCents));
  const chargesCents = sum(budget.charges.map((c) => c.monthlyCents));
  const debtRepaymentsCents = sum(budget.debts.map((d) => d.monthlyRepaymentCents));
  const resteAVivreCents = resourcesCents - chargesCents - debtRepaymentsCents;
  const ucTenths = consumptionUnitsTenths(ages);
  return {
    view,
    resourcesCents,
    excludedCents,
    chargesCents,
    debtRepaymentsCents,
    debtsTotalCents: sum(budget.debts.map((d) => d.amountCents)),
    resteAVivreCents,
    ucTenths,
    resteAVivreParUcCents: Math.floor((resteAVivreCents * 10) / ucTenths),
    resteAVivreParJourCents: Math.floor(resteAVivreCents / DAYS_PER_MONTH),
  };
}

/** Sum of the monthly resources of some types (the AL of a taux d'effort, for example). */
export const resourcesOfType = (budget: Budget, types: readonly ResourceType[]): number =>
  sum(budget.resources.filter((r) => types.includes(r.type)).map((r) => r.monthlyCents));

/** Sum of the monthly charges of some types. */
export const chargesOfType = (budget: Budget, types: readonly ChargeType[]): number =>
  sum(budget.charges.filter((c) => types.includes(c.type)).map((c) => c.monthlyCents));

/** Euros for people: 123456 → "1 234,56 €" (narrow no-break spaces as French typography wants). */
export const formatCents = (cents: number): string => {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${neg ? '−' : ''}${euros},${String(abs % 100).padStart(2, '0')}\u00a0€`;
};
