import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';

/**
 * Appointments of a site per Paris day and per team of the file, not cancelled: counts only, never a worker's name
 * (no view of a named worker's activity above the worker, docs/security.md).
 */
export const siteAgendaLoad = (db: Queryable, siteId: string, from: Date, to: Date) =>
  db
    .selectFrom('journal_entry as e')
    .innerJoin('case_file as cf', 'cf.id', 'e.case_file_id')
    .leftJoin('team as t', 't.id', 'cf.team_id')
    .select([
      sql<string>`to_char(e.occurred_at at time zone 'Europe/Paris', 'YYYY-MM-DD')`.as('day'),
      't.name as team_name',
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('e.type', '=', 'rendez_vous')
    .where('e.deleted_at', 'is', null)
    .where('e.appointment_status', '<>', 'annule')
    .where('cf.site_id', '=', siteId)
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .groupBy([sql`1`, 't.name'])
    .orderBy(sql`1`)
    .execute();
