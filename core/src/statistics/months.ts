/**
 * Calendar months as text (`YYYY-MM`) and as integers (months since year 0), so that month arithmetic is integer
 * arithmetic: the statistics filters, the server's default period and refresh, and the web statistics page share them.
 */

/** Months since year 0 of a year and a month (1–12). */
export const monthIndex = ({ y, m }: { y: number; m: number }): number => y * 12 + (m - 1);

/** The `YYYY-MM` month of a month index. */
export const monthFromIndex = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The month `n` months after `month` (before when `n` is negative); `month` is `YYYY-MM` or a date `YYYY-MM-DD`. */
export const shiftMonth = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthFromIndex(monthIndex({ y, m }) + n);
};
