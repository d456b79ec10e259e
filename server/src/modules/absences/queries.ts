import type { Queryable } from '../../db/schema.js';
import type { WorkerAbsenceTable } from '../../db/schema.js';
import type { Insertable } from 'kysely';

/** The worker an absence is about: the facts `canManageAbsence` decides on. */
export const findWorker = (db: Queryable, userId: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'site_id as siteId', 'role', 'display_name'])
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();

export const insertAbsence = (db: Queryable, row: Insertable<WorkerAbsenceTable>) =>
  db.insertInto('worker_absence').values(row).returning('id').executeTakeFirstOrThrow();

/** A live (not withdrawn) absence with its worker. */
export const findAbsence = (db: Queryable, id: string) =>
  db
    .selectFrom('worker_absence as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'a.site_id', 'u.role', 'u.site_id as worker_site_id'])
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();

export const markDeleted = (db: Queryable, id: string, by: string, at: Date) =>
  db.updateTable('worker_absence').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).execute();

export interface AbsenceRow {
  id: string;
  user_id: string;
  worker_name: string;
  starts_at: Date | string;
  ends_at: Date | string;
  kind: WorkerAbsenceTable['kind'];
}

/** Live absences of a site (or of one worker of it) overlapping [from, to). */
export const absencesBetween = (
  db: Queryable,
  q: { siteId: string; workerId?: string; from: Date; to: Date },
): Promise<AbsenceRow[]> =>
  db
    .selectFrom('worker_absence as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'u.display_name as worker_name', 'a.starts_at', 'a.ends_at', 'a.kind'])
    .where('a.site_id', '=', q.siteId)
    .where('a.deleted_at', 'is', null)
    .where('a.starts_at', '<', q.to)
    .where('a.ends_at', '>', q.from)
    .$if(Boolean(q.workerId), (b) => b.where('a.user_id', '=', q.workerId ?? ''))
    .orderBy('a.starts_at')
    .limit(2000)
    .execute();

/** Live absences of a worker overlapping [start, end): what a booking on that slot clashes with. */
export const overlappingAbsences = (db: Queryable, workerId: string, start: Date, end: Date): Promise<AbsenceRow[]> =>
  db
    .selectFrom('worker_absence as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'u.display_name as worker_name', 'a.starts_at', 'a.ends_at', 'a.kind'])
    .where('a.user_id', '=', workerId)
    .where('a.deleted_at', 'is', null)
    .where('a.starts_at', '<', end)
    .where('a.ends_at', '>', start)
    .orderBy('a.starts_at')
    .execute();
