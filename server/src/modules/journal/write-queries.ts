import type { Insertable, Updateable } from 'kysely';
import type { JournalEntryTable, JournalEntryVersionTable, Queryable } from '../../db/schema.js';

// The writes of the journal (service.ts) and the checks they make: SQL stays here.

/** The active motifs among `codes`. */
export const activeMotifs = (db: Queryable, codes: readonly string[]) =>
  db
    .selectFrom('motif')
    .select('code')
    .where('code', 'in', [...codes])
    .where('active', '=', true)
    .execute();

/** The active users of the site among `ids` (social workers only, with `role`). */
export const activeSiteUsers = (db: Queryable, siteId: string, ids: readonly string[], role?: 'travailleur_social') =>
  db
    .selectFrom('app_user')
    .select('id')
    .where('id', 'in', [...ids])
    .where('site_id', '=', siteId)
    .where('active', '=', true)
    .$if(Boolean(role), (q) => q.where('role', '=', role ?? 'travailleur_social'))
    .execute();

/** The worker's appointments (not cancelled) starting in [from, to), but `exceptId`. */
export const appointmentsOfWorker = (db: Queryable, workerId: string, from: Date, to: Date, exceptId?: string) =>
  db
    .selectFrom('journal_entry')
    .select(['id', 'occurred_at', 'duration_minutes'])
    .where('type', '=', 'rendez_vous')
    .where('appointment_worker_id', '=', workerId)
    .where('deleted_at', 'is', null)
    .where('appointment_status', '<>', 'annule')
    .where('occurred_at', '<', to)
    .where('occurred_at', '>', from)
    .$if(Boolean(exceptId), (q) => q.where('id', '<>', exceptId ?? ''))
    .execute();

/** The persons among `personIds` who are members (now or once) of the file's household. */
export const membersOfFileAmong = (db: Queryable, fileId: string, personIds: string[]) =>
  db
    .selectFrom('household_member as m')
    .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
    .select('m.person_id')
    .where('cf.id', '=', fileId)
    .where('m.person_id', 'in', personIds)
    .execute();

export const activePartner = (db: Queryable, id: string) =>
  db.selectFrom('partner').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst();

export const insertEntry = (db: Queryable, values: Insertable<JournalEntryTable>) =>
  db.insertInto('journal_entry').values(values).returning('id').executeTakeFirstOrThrow();

export async function addEntryWorkers(db: Queryable, entryId: string, userIds: string[]): Promise<void> {
  if (userIds.length)
    await db
      .insertInto('journal_entry_worker')
      .values(userIds.map((u) => ({ entry_id: entryId, user_id: u })))
      .execute();
}

export async function addEntryPersons(db: Queryable, entryId: string, personIds: string[]): Promise<void> {
  if (personIds.length)
    await db
      .insertInto('journal_entry_person')
      .values(personIds.map((p) => ({ entry_id: entryId, person_id: p })))
      .execute();
}

export const insertEntryVersion = (db: Queryable, values: Insertable<JournalEntryVersionTable>) =>
  db.insertInto('journal_entry_version').values(values).execute();

export const updateEntryRow = (db: Queryable, id: string, set: Updateable<JournalEntryTable>) =>
  db.updateTable('journal_entry').set(set).where('id', '=', id).execute();
