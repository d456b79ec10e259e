import type { ContractKind, HoursReason } from './codes.js';

/**
 * Pure rules of the RSA follow-up (docs/api.md, "RSA"): delays, contract dates, weekly hours. Days are yyyy-mm-dd
 * strings; every delay or threshold comes from a dated parameter read by the caller at the decision's date.
 */

const DAY_MS = 86_400_000;
const toDay = (d: Date) => d.toISOString().slice(0, 10);
const parseDay = (s: string) => new Date(`${s}T00:00:00Z`);

export { addMonths } from '../domain/money-and-months.js';
import { addMonths } from '../domain/money-and-months.js';
export const addDays = (day: string, n: number): string => toDay(new Date(parseDay(day).getTime() + n * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);

/** The last day of a contract starting `start` for `months` months. */
export const contractEnd = (start: string, months: number): string => addDays(addMonths(start, months), -1);

/**
 * The delay from entry into droits et devoirs to the orientation decision (or to today while none was taken),
 * against the target in force (weeks, décret of 2024): `late` when it is exceeded.
 */
export function orientationDelay(input: {
  ddSince: string | null;
  decidedOn: string | null;
  today: string;
  targetWeeks: number;
}): { days: number; targetDays: number; dueOn: string; late: boolean; decided: boolean } | null {
  if (!input.ddSince) return null;
  const end = input.decidedOn ?? input.today;
  const days = Math.max(0, daysBetween(input.ddSince, end));
  const targetDays = input.targetWeeks * 7;
  return {
    days,
    targetDays,
    dueOn: addDays(input.ddSince, targetDays),
    late: days > targetDays,
    decided: input.decidedOn !== null,
  };
}

/** The contract must be signed within `months` of the notification of the orientation decision (décrets 30/12/2024). */
export const signatureDueOn = (notifiedOn: string, months: number): string => addMonths(notifiedOn, months);

/**
 * Weekly hours of a contrat d'engagement: at least `minHours`, or fewer (0 = waived) with a reason, "autre" with its
 * text. The legacy contracts (CER, PPAE, CEJ, PACEA), kept as history, carry no hours rule.
 */
export function hoursRefusal(input: {
  kind: ContractKind;
  weeklyHours: number | null;
  reason: HoursReason | null;
  reasonText: string | null;
  minHours: number;
}): string | null {
  if (input.kind !== 'contrat_engagement') return null;
  if (input.weeklyHours === null) return 'Indiquez la durée hebdomadaire d’activité';
  if (input.weeklyHours >= input.minHours) return null;
  if (!input.reason)
    return `Une durée inférieure à ${input.minHours} heures par semaine demande un motif (santé, parent isolé…)`;
  if (input.reason === 'autre' && !input.reasonText) return 'Précisez le motif de la durée réduite';
  return null;
}

/** A contract is in force on `day` when signed and `day` lies between its start and its end. */
export const inForce = (c: { startOn: string; endOn: string; signedOn: string | null }, day: string): boolean =>
  c.signedOn !== null && c.startOn <= day && day <= c.endOn;

/** To renew: in force, ending within `withinDays`, and not already renewed. */
export const toRenew = (
  c: { startOn: string; endOn: string; signedOn: string | null; renewed: boolean },
  day: string,
  withinDays: number,
): boolean => !c.renewed && c.signedOn !== null && c.endOn >= day && daysBetween(day, c.endOn) <= withinDays;
