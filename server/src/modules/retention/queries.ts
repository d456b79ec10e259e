import { RETENTION_PERIODS, type Actor } from '@jalon/core';
import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';

/** Deadline of the active base in SQL, the same rule as `retentionDeadline` (core/src/rgpd/retention.ts). */
export const deadlineSql = (activeDays: number = RETENTION_PERIODS.dossier.activeDays) => sql<Date>`greatest(
  coalesce(cf.last_contact_at, cf.opened_at) + make_interval(days => ${activeDays}::int),
  case when cf.retention_hold_kind = 'prolongation' then (cf.retention_hold_until + 1)::timestamp at time zone 'UTC' end)`;

const FACTS = [
  'cf.id',
  'cf.retention_state',
  'cf.last_contact_at',
  'cf.opened_at',
  'cf.retention_hold_kind',
  'cf.retention_hold_until',
] as const;

/** Files the engine must act on today: active past their deadline, archived past their archive period. */
export const dueFiles = (db: Queryable, now: Date, activeDays?: number) =>
  db
    .selectFrom('case_file as cf')
    .select([...FACTS])
    .where((eb) =>
      eb.or([
        eb.and([eb('cf.retention_state', '=', 'active'), eb(deadlineSql(activeDays), '<=', now)]),
        eb.and([
          eb('cf.retention_state', '=', 'archived'),
          eb.or([
            eb('cf.retention_hold_until', 'is', null),
            eb(sql`(cf.retention_hold_until + 1)::timestamp at time zone 'UTC'`, '<=', now),
          ]),
        ]),
      ]),
    )
    .orderBy('cf.id')
    .execute();
export type DueFile = Awaited<ReturnType<typeof dueFiles>>[number];

/** Active files whose deadline falls within the notice period (30 days). */
export const countNoticed = async (db: Queryable, now: Date, activeDays?: number): Promise<number> => {
  const soon = new Date(now.getTime() + RETENTION_PERIODS.dossier.noticeDays * 86_400_000);
  const r = await db
    .selectFrom('case_file as cf')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('cf.retention_state', '=', 'active')
    .where(deadlineSql(activeDays), '>', now)
    .where(deadlineSql(activeDays), '<=', soon)
    .executeTakeFirstOrThrow();
  return Number(r.n);
};

/** The référent's files nearing (or past, not yet processed) their deadline. */
export const upcomingForReferent = (db: Queryable, actor: Actor, now: Date, activeDays?: number) => {
  const soon = new Date(now.getTime() + RETENTION_PERIODS.dossier.noticeDays * 86_400_000);
  return db
    .selectFrom('case_file as cf')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .select([
      'cf.id',
      'cf.file_number',
      'cf.last_contact_at',
      'cf.retention_hold_kind',
      'cf.retention_hold_until',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
    ])
    .select(deadlineSql(activeDays).as('deadline'))
    .where('cf.retention_state', '=', 'active')
    .where(deadlineSql(activeDays), '<=', soon)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_file_referent as r')
          .select('r.id')
          .whereRef('r.case_file_id', '=', 'cf.id')
          .where('r.end_at', 'is', null)
          .where('r.user_id', '=', actor.id),
      ),
    )
    .orderBy(deadlineSql(activeDays))
    .limit(200)
    .execute();
};

/** Security-log rows the purge would remove (dry run). */
export const countOldLogRows = async (db: Queryable, cutoff: Date): Promise<Record<string, number>> => {
  const r = await sql<{ audit_event: string; access_log: string }>`
    select (select count(*) from audit_event where at < ${cutoff})::text as audit_event,
           (select count(*) from access_log where at < ${cutoff})::text as access_log`.execute(db);
  const row = r.rows[0];
  return { audit_event: Number(row?.audit_event ?? 0), access_log: Number(row?.access_log ?? 0) };
};

/** The last runs of the engine, newest first. */
export const retentionRuns = (db: Queryable) =>
  db
    .selectFrom('retention_run')
    .select([
      'id',
      'started_at',
      'finished_at',
      'trigger',
      'dry_run',
      'archived',
      'anonymised',
      'noticed',
      'failed',
      'log_purged',
    ])
    .orderBy('started_at', 'desc')
    .limit(100)
    .execute();

export const fileRetentionState = (db: Queryable, fileId: string) =>
  db.selectFrom('case_file').select(['retention_state']).where('id', '=', fileId).executeTakeFirst();
