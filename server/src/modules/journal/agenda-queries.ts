import type { Queryable } from '../../db/schema.js';

/** Appointments of a site between two instants, of one worker when given (journal/agenda.ts). */
export const agendaAppointments = (
  db: Queryable,
  siteId: string | null,
  from: Date,
  to: Date,
  worker: string | undefined,
) =>
  db
    .selectFrom('journal_entry as e')
    .innerJoin('case_file as cf', 'cf.id', 'e.case_file_id')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .leftJoin('app_user as w', 'w.id', 'e.appointment_worker_id')
    .select([
      'e.id',
      'e.case_file_id',
      'cf.file_number',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'e.appointment_worker_id',
      'w.display_name as worker_name',
      'e.occurred_at',
      'e.duration_minutes',
      'e.place',
      'e.appointment_status',
    ])
    .where('e.type', '=', 'rendez_vous')
    .where('e.deleted_at', 'is', null)
    .where('cf.site_id', '=', siteId)
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .$if(Boolean(worker), (qb) => qb.where('e.appointment_worker_id', '=', worker ?? ''))
    .orderBy('e.occurred_at')
    .limit(2000)
    .execute();

const todoBase = (db: Queryable) =>
  db
    .selectFrom('journal_entry as e')
    .innerJoin('case_file as cf', 'cf.id', 'e.case_file_id')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .select([
      'e.id',
      'e.case_file_id',
      'cf.file_number',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'e.occurred_at',
      'e.type',
    ])
    .where('e.deleted_at', 'is', null);

/** "À faire": the worker's appointments still "prévu" once started. */
export const unreportedAppointments = (db: Queryable, workerId: string, now: Date) =>
  todoBase(db)
    .where('e.type', '=', 'rendez_vous')
    .where('e.appointment_worker_id', '=', workerId)
    .where('e.appointment_status', '=', 'prevu')
    .where('e.occurred_at', '<', now)
    .orderBy('e.occurred_at')
    .limit(100)
    .execute();

/** "À faire": the author's orientations older than `before` still without an outcome. */
export const pendingOrientations = (db: Queryable, authorId: string, before: Date) =>
  todoBase(db)
    .where('e.type', '=', 'orientation')
    .where('e.author_id', '=', authorId)
    .where('e.orientation_outcome', 'is', null)
    .where('e.occurred_at', '<', before)
    .orderBy('e.occurred_at')
    .limit(100)
    .execute();
