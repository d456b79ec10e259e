import { LINT_CATEGORY_CODES, type LintFlag, type LintSummary } from './types.js';

/**
 * Counts per category, every category present (0 when absent) so the audit row has a stable shape. This is the only
 * trace of the lint that leaves the editor: the flagged text itself is never stored in the audit.
 */
export const summariseFlags = (flags: readonly Pick<LintFlag, 'category'>[]): LintSummary => {
  const counts = Object.fromEntries(LINT_CATEGORY_CODES.map((c) => [c, 0])) as LintSummary;
  for (const f of flags) counts[f.category] += 1;
  return counts;
};

/** Total number of flags, for the "confirmer l'enregistrement" prompt. */
export const countFlags = (summary: LintSummary): number => Object.values(summary).reduce((a, b) => a + b, 0);
