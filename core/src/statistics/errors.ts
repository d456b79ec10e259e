/**
 * Errors of the statistics core. Each carries a stable `code` the API maps to a status (422 for a refused filter or
 * grouping) and a French message meant for the user, so that no caller has to invent its own wording for a refusal.
 */
export type StatisticsErrorCode =
  'invalid_table' | 'inconsistent_table' | 'invalid_period' | 'invalid_filter' | 'filter_too_fine' | 'grouping_refused';

export class StatisticsError extends Error {
  constructor(
    readonly code: StatisticsErrorCode,
    message: string,
    /** The input field at fault, when there is one (e.g. `from`, `groupBy`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StatisticsError';
  }
}
