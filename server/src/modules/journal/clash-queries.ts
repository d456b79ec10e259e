import type { Queryable } from '../../db/schema.js';

/** A slot already taken by the worker: another appointment, not cancelled. */
export interface ClashRow {
  id: string;
  occurred_at: Date | string;
  duration_minutes: number | null;
}

/** Default length of an appointment whose duration was not given (the agenda shows it as 30 minutes). */
export const DEFAULT_APPOINTMENT_MINUTES = 30;

/**
 * Appointments of the worker that overlap [start, end): not deleted, not cancelled. Appointments last at most a day,
 * so only those starting in the 24 h before the end can overlap.
 */
export async function overlappingAppointments(
  db: Queryable,
  workerId: string,
  start: Date,
  end: Date,
  exceptId?: string,
): Promise<ClashRow[]> {
  const rows = await db
    .selectFrom('journal_entry')
    .select(['id', 'occurred_at', 'duration_minutes'])
    .where('type', '=', 'rendez_vous')
    .where('appointment_worker_id', '=', workerId)
    .where('deleted_at', 'is', null)
    .where('appointment_status', '<>', 'annule')
    .where('occurred_at', '<', end)
    .where('occurred_at', '>', new Date(start.getTime() - 24 * 3600_000))
    .$if(Boolean(exceptId), (q) => q.where('id', '<>', exceptId ?? ''))
    .orderBy('occurred_at')
    .execute();
  return rows.filter(
    (r) =>
      new Date(r.occurred_at).getTime() + (r.duration_minutes ?? DEFAULT_APPOINTMENT_MINUTES) * 60_000 >
      start.getTime(),
  );
}
