import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  FLOW_MONTHS,
  POPULATION_MONTHS,
  addMonths,
  clearAggregates,
  clearMonths,
  dateText,
  fillMissingMonths,
  insertFlows,
  insertPopulation,
  insertWaits,
  lockRefreshState,
  parisMonthOf,
  saveRefreshState,
  takeDirtyMonths,
} from './refresh-queries.js';

/**
 * Refreshes the aggregate tables the statistics are read from (docs/api.md, Statistics: "aggregate tables maintained as data changes
 * or refreshed by a job"). Run at boot, every few minutes by the job, and by `npm run stats:refresh`. The SQL:
 * refresh-queries.ts.
 *
 * - Population (stock) is a snapshot at the end of each month: the months already ended keep the snapshot taken when
 *   they ended (a photograph, not a rewrite of the past); the current month and the month that was current at the
 *   previous refresh are recomputed.
 * - Flows and waiting times are recomputed for every month marked dirty by the triggers (stat_dirty_month) and for
 *   the current month.
 * - The first refresh (or `rebuild`) computes FLOW_MONTHS of flows and POPULATION_MONTHS of snapshots, from the files'
 *   opening and closing dates and their present characteristics (the only history there is).
 * - A `full` refresh once the aggregates exist recomputes every month still open and every month marked dirty, and
 *   keeps the closed months: a published month is stable, never recomputed from rows the retention engine has since
 *   anonymised (docs/security.md, Statistics and retention). Only `rebuild` (a new installation, a change of the
 *   aggregation rules) rewrites the past.
 * - A file leaves the active population when it is closed, archived or anonymised, whichever comes first.
 */
export interface RefreshReport {
  full: boolean;
  populationFrom: string;
  flowMonths: string[];
  durationMs: number;
}

export async function refreshStatistics(
  db: Kysely<DB>,
  now: Date,
  opts: { full?: boolean; rebuild?: boolean } = {},
): Promise<RefreshReport> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    // One refresh at a time (the job and the command may overlap): the state row is locked for the transaction.
    const state = await lockRefreshState(trx);
    const current = await parisMonthOf(trx, now);
    const full = opts.rebuild === true || !state;
    let populationFrom: string;
    let flowMonths: string[];
    if (full) {
      populationFrom = addMonths(current, -(POPULATION_MONTHS - 1));
      const firstFlow = addMonths(current, -(FLOW_MONTHS - 1));
      flowMonths = Array.from({ length: FLOW_MONTHS }, (_, i) => addMonths(firstFlow, i));
      await clearAggregates(trx);
    } else {
      const previous = await parisMonthOf(trx, state.refreshed_at);
      populationFrom = previous < current ? previous : current;
      const dirty = await takeDirtyMonths(trx);
      const oldest = addMonths(current, -(FLOW_MONTHS - 1));
      // `full`: the months of the window that no refresh has computed yet are computed too (closed ones are kept).
      if (opts.full) await fillMissingMonths(trx, current);
      const set = new Set([current, populationFrom, ...dirty].filter((m) => m >= oldest && m <= current));
      flowMonths = [...set].sort();
      await clearMonths(trx, populationFrom, flowMonths);
    }
    await insertPopulation(trx, populationFrom, current);
    if (flowMonths.length) {
      await insertFlows(trx, flowMonths);
      await insertWaits(trx, flowMonths, now);
    }
    const durationMs = Math.round(performance.now() - started);
    const firstMonth = full ? flowMonths[0]! : dateText(state.first_month);
    await saveRefreshState(trx, { now, firstMonth, durationMs });
    return { full, populationFrom, flowMonths, durationMs };
  });
}
