import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';

/** Every entry of the file that is not deleted, oldest first, with its (sealed) note: the person sees them all. */
export const journalOfFile = (db: Queryable, caseFileId: string) =>
  db
    .selectFrom('journal_entry as e')
    .leftJoin('partner as p', 'p.id', 'e.partner_id')
    .select([
      'e.id',
      'e.author_id',
      'e.visibility',
      'e.type',
      'e.occurred_at',
      'e.duration_minutes',
      'e.place',
      'e.motifs',
      'e.note',
      'e.appointment_status',
      'e.orientation_reason',
      'e.orientation_outcome',
      'p.name as partner_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('journal_entry_worker as jw')
        .whereRef('jw.entry_id', '=', 'e.id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['jw.user_id']).as('x'))
        .as('worker_ids'),
    )
    .where('e.case_file_id', '=', caseFileId)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();

/** Who consulted the file: role, site and date, never the worker (the access log keeps the rest for the DPO). */
export const consultationsOfFile = (db: Queryable, caseFileId: string) =>
  db
    .selectFrom('access_log as l')
    .leftJoin('site as s', 's.id', 'l.actor_site_id')
    .select(['l.at', 'l.actor_role', 'l.part', 's.name as site_name'])
    .where('l.case_file_id', '=', caseFileId)
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(5000)
    .execute();

interface ShareRow {
  shared_on: string;
  recipient_name: string | null;
  recipient_organisation: string;
  legal_ground: string;
  sections: string[];
  person_informed: boolean;
}

/**
 * The shares of the file (`file_share`, written by the sharing module, docs/api.md, Partage and consents). Read with plain SQL and only when
 * the table exists, so the export does not depend on that module being installed; null when it is not.
 */
export async function sharesOfFile(db: Queryable, caseFileId: string): Promise<ShareRow[] | null> {
  const exists = await sql<{ t: string | null }>`select to_regclass('file_share')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const r = await sql<ShareRow>`
    select to_char(shared_on, 'YYYY-MM-DD') as shared_on, recipient_name, recipient_organisation, legal_ground, sections, person_informed
    from file_share where case_file_id = ${caseFileId} order by shared_on desc, created_at desc`.execute(db);
  return r.rows;
}
