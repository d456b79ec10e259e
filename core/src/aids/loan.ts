/**
 * Interest-free FSL loans (loi 90-449 art. 6; domain.md §4): an échéancier of at most 36 monthly instalments in integer
 * cents, each the amount divided by the months rounded down, the remainder on the last one; repayments are applied to
 * the oldest instalment first, and an instalment past its due date not fully paid is late.
 */
export const LOAN_MAX_MONTHS = 36;

export interface Instalment {
  n: number;
  /** yyyy-mm-dd */
  dueDate: string;
  amountCents: number;
}
export interface Repayment {
  paidOn: string;
  amountCents: number;
}
export interface InstalmentStatus extends Instalment {
  paidCents: number;
  state: 'payee' | 'partielle' | 'a_venir' | 'en_retard';
}
export interface LoanStatus {
  instalments: InstalmentStatus[];
  totalCents: number;
  repaidCents: number;
  outstandingCents: number;
  lateCount: number;
  lateCents: number;
}

export { addMonths } from '../domain/money-and-months.js';
import { addMonths } from '../domain/money-and-months.js';

/** The échéancier: `months` instalments from `firstDue`, monthly. Refuses a schedule the rules do not allow. */
export function loanSchedule(amountCents: number, months: number, firstDue: string, maxMonths = LOAN_MAX_MONTHS) {
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new RangeError('Montant du prêt invalide');
  if (!Number.isInteger(months) || months < 1 || months > maxMonths)
    throw new RangeError(`Durée du prêt : de 1 à ${maxMonths} mois`);
  const base = Math.floor(amountCents / months);
  const out: Instalment[] = [];
  for (let n = 1; n <= months; n++)
    out.push({
      n,
      dueDate: addMonths(firstDue, n - 1),
      amountCents: n === months ? amountCents - base * (months - 1) : base,
    });
  return out;
}

/** Where the loan stands on `today`: repayments cover the oldest instalments first. */
export function loanStatus(
  schedule: readonly Instalment[],
  repayments: readonly Repayment[],
  today: string,
): LoanStatus {
  let pool = repayments.reduce((a, r) => a + r.amountCents, 0);
  const repaidCents = pool;
  const instalments = [...schedule]
    .sort((a, b) => a.n - b.n)
    .map((i): InstalmentStatus => {
      const paidCents = Math.min(pool, i.amountCents);
      pool -= paidCents;
      const state =
        paidCents === i.amountCents
          ? 'payee'
          : i.dueDate < today
            ? 'en_retard'
            : paidCents > 0
              ? 'partielle'
              : 'a_venir';
      return { ...i, paidCents, state };
    });
  const late = instalments.filter((i) => i.state === 'en_retard');
  const totalCents = schedule.reduce((a, i) => a + i.amountCents, 0);
  return {
    instalments,
    totalCents,
    repaidCents,
    outstandingCents: Math.max(0, totalCents - repaidCents),
    lateCount: late.length,
    lateCents: late.reduce((a, i) => a + i.amountCents - i.paidCents, 0),
  };
}
