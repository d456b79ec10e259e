import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';

/** Every version of every template, newest first (the admin page shows the current one and its history). */
export const allTemplates = (db: Queryable) =>
  db
    .selectFrom('letter_template as t')
    .leftJoin('app_user as u', 'u.id', 't.created_by')
    .select(['t.id', 't.code', 't.title', 't.body', 't.version', 't.valid_from', 'u.display_name as created_by_name'])
    .orderBy('t.code')
    .orderBy('t.version', 'desc')
    .execute();

/** The version of a template in force at `at`: the latest started. */
export const templateAt = (db: Queryable, code: string, at: Date) =>
  db
    .selectFrom('letter_template')
    .select(['id', 'code', 'title', 'body', 'version'])
    .where('code', '=', code)
    .where('valid_from', '<=', at)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function insertTemplateVersion(
  db: Queryable,
  t: { code: string; title: string; body: string; at: Date; by: string },
): Promise<{ id: string; version: number }> {
  const last = await db
    .selectFrom('letter_template')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', t.code)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await db
    .insertInto('letter_template')
    .values({ code: t.code, title: t.title, body: t.body, version, valid_from: t.at, created_by: t.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, version };
}

/** What a letter of a file prints: the principal person, the household address, the site's header, the référent. */
export const letterFacts = (db: Queryable, fileIds: readonly string[]) =>
  db
    .selectFrom('case_file as f')
    .innerJoin('person as p', 'p.id', 'f.principal_person_id')
    .innerJoin('household as h', 'h.id', 'f.household_id')
    .innerJoin('site as s', 's.id', 'f.site_id')
    .select([
      'f.id',
      'f.opened_at',
      'p.first_names',
      'p.birth_name',
      'p.used_name',
      'h.address_line',
      'h.postal_code',
      'h.city',
      's.name as site_name',
      's.address as site_address',
      's.phone as site_phone',
      's.opening_hours as site_hours',
    ])
    .select((eb) =>
      eb
        .selectFrom('case_file_referent as r')
        .innerJoin('app_user as ru', 'ru.id', 'r.user_id')
        .whereRef('r.case_file_id', '=', 'f.id')
        .where('r.kind', '=', 'referent')
        .where('r.end_at', 'is', null)
        .select('ru.display_name')
        .limit(1)
        .as('referent_name'),
    )
    .where('f.id', 'in', fileIds.length > 0 ? [...fileIds] : ['00000000-0000-0000-0000-000000000000'])
    .execute();
export type LetterFactsRow = Awaited<ReturnType<typeof letterFacts>>[number];

/** The appointment facts of entries: time, place, worker. */
export const appointmentFacts = (db: Queryable, entryIds: readonly string[]) =>
  db
    .selectFrom('journal_entry as e')
    .leftJoin('app_user as w', 'w.id', 'e.appointment_worker_id')
    .select(['e.id', 'e.case_file_id', 'e.occurred_at', 'e.place', 'w.display_name as worker_name'])
    .where('e.id', 'in', entryIds.length > 0 ? [...entryIds] : ['00000000-0000-0000-0000-000000000000'])
    .execute();
export type AppointmentFactsRow = Awaited<ReturnType<typeof appointmentFacts>>[number];

/** The appointments (not cancelled) of a Paris day on the files of a site, in time order. */
export const appointmentsOfDay = (db: Queryable, siteId: string, day: string) =>
  db
    .selectFrom('journal_entry as e')
    .innerJoin('case_file as f', 'f.id', 'e.case_file_id')
    .select(['e.id', 'e.case_file_id'])
    .where('f.site_id', '=', siteId)
    .where('e.type', '=', 'rendez_vous')
    .where('e.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('e.appointment_status', 'is', null), eb('e.appointment_status', '!=', 'annule')]))
    .where(sql<boolean>`(e.occurred_at at time zone 'Europe/Paris')::date = ${day}::date`)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();

export const insertLetterSent = (
  db: Queryable,
  l: { caseFileId: string; templateId: string; entryId: string | null; documentId: string; by: string; at: Date },
) =>
  db
    .insertInto('letter_sent')
    .values({
      case_file_id: l.caseFileId,
      template_id: l.templateId,
      journal_entry_id: l.entryId,
      document_id: l.documentId,
      sent_by: l.by,
      sent_at: l.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** The letters sent for a file, newest first. */
export const lettersOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('letter_sent as l')
    .innerJoin('letter_template as t', 't.id', 'l.template_id')
    .innerJoin('app_user as u', 'u.id', 'l.sent_by')
    .select(['l.id', 't.code', 't.title', 't.version', 'l.document_id', 'l.journal_entry_id', 'l.sent_at'])
    .select('u.display_name as sent_by_name')
    .where('l.case_file_id', '=', fileId)
    .orderBy('l.sent_at', 'desc')
    .execute();

export const deleteLettersOfFile = async (db: Queryable, fileId: string): Promise<number> => {
  const r = await db.deleteFrom('letter_sent').where('case_file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows);
};

/** Any `count` files with their latest appointment, for the bench's batch (no access decision: a measurement). */
export const someAppointments = (db: Queryable, count: number) =>
  db
    .selectFrom('case_file as f')
    .select('f.id as case_file_id')
    .select((eb) =>
      eb
        .selectFrom('journal_entry as e')
        .whereRef('e.case_file_id', '=', 'f.id')
        .where('e.type', '=', 'rendez_vous')
        .select('e.id')
        .orderBy('e.occurred_at', 'desc')
        .limit(1)
        .as('entry_id'),
    )
    .limit(count)
    .execute();
