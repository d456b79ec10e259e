import { formatCents } from '@jalon/core';

/** Amounts in integer cents, shown in euros the French way. */
export const euros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '—' : formatCents(cents);
