import type { Insertable, Updateable } from 'kysely';
import type { CaseFileTable, HouseholdMemberTable, HouseholdTable, PersonTable, Queryable } from '../../db/schema.js';

// The writes of a file (service.ts, household.ts): SQL stays here (docs/architecture.md, "A request, end to end").

/** The columns an edit of the principal person may change: read before the edit for the audit diff. */
const PERSON_EDITABLE = [
  'birth_name',
  'used_name',
  'first_names',
  'sex',
  'birth_date',
  'birth_place',
  'phone',
  'email',
  'caf_number',
  'france_travail_id',
  'nationality',
  'marital_status',
  'employment_status',
  'caf_activity',
  'education_level',
] as const;

const HOUSEHOLD_EDITABLE = [
  'address_line',
  'postal_code',
  'city',
  'domiciliation',
  'domiciliation_organism',
  'housing_status',
  'housing_nature',
  'family_type',
] as const;

export const teamOfSite = (db: Queryable, teamId: string, siteId: string) =>
  db.selectFrom('team').select('id').where('id', '=', teamId).where('site_id', '=', siteId).executeTakeFirst();

/** The site's first team by name: the default of a new file. */
export const firstTeamOfSite = (db: Queryable, siteId: string) =>
  db.selectFrom('team').select('id').where('site_id', '=', siteId).orderBy('name').executeTakeFirst();

export const activeWorkerOfSite = (db: Queryable, siteId: string, userId: string) =>
  db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('site_id', '=', siteId)
    .where('role', '=', 'travailleur_social')
    .where('active', '=', true)
    .executeTakeFirst();

export const insertPerson = (db: Queryable, values: Insertable<PersonTable>) =>
  db.insertInto('person').values(values).returning('id').executeTakeFirstOrThrow();

export const insertHousehold = (db: Queryable, values: Insertable<HouseholdTable>) =>
  db.insertInto('household').values(values).returning('id').executeTakeFirstOrThrow();

export const insertMember = (db: Queryable, values: Insertable<HouseholdMemberTable>) =>
  db.insertInto('household_member').values(values).returning('id').executeTakeFirstOrThrow();

export const insertCaseFile = (db: Queryable, values: Insertable<CaseFileTable>) =>
  db.insertInto('case_file').values(values).returning('id').executeTakeFirstOrThrow();

/** The file's row for an edit, locked until the end of the transaction. */
export const lockCaseFile = (db: Queryable, id: string) =>
  db
    .selectFrom('case_file')
    .select(['principal_person_id', 'household_id', 'version', 'status', 'closing_reason'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findEditablePerson = (db: Queryable, id: string) =>
  db.selectFrom('person').select(PERSON_EDITABLE).where('id', '=', id).executeTakeFirstOrThrow();

export const updatePerson = (db: Queryable, id: string, set: Updateable<PersonTable>) =>
  db.updateTable('person').set(set).where('id', '=', id).execute();

export const findEditableHousehold = (db: Queryable, id: string) =>
  db.selectFrom('household').select(HOUSEHOLD_EDITABLE).where('id', '=', id).executeTakeFirstOrThrow();

export const updateHousehold = (db: Queryable, id: string, set: Updateable<HouseholdTable>) =>
  db.updateTable('household').set(set).where('id', '=', id).execute();

export const updateCaseFile = (db: Queryable, id: string, set: Updateable<CaseFileTable>) =>
  db.updateTable('case_file').set(set).where('id', '=', id).execute();

/** A change to the household or the référents is a change of the file: its version moves (optimistic locking). */
export const bumpFileVersion = (db: Queryable, id: string, now: Date) =>
  db
    .updateTable('case_file')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();

export const householdOfFile = (db: Queryable, id: string) =>
  db.selectFrom('case_file').select(['household_id']).where('id', '=', id).executeTakeFirstOrThrow();

/** Whether the person is a member (now or once) of a household of one of the site's files. */
export const personKnownOnSite = (db: Queryable, personId: string, siteId: string) =>
  db
    .selectFrom('household_member as m')
    .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
    .select('m.person_id')
    .where('m.person_id', '=', personId)
    .where('cf.site_id', '=', siteId)
    .executeTakeFirst();

export const openMembershipsOfPerson = (db: Queryable, personId: string) =>
  db
    .selectFrom('household_member')
    .select(['id', 'household_id', 'start_date'])
    .where('person_id', '=', personId)
    .where('end_date', 'is', null)
    .execute();

export const endMembership = (db: Queryable, memberId: string, endDate: string, reason: string) =>
  db
    .updateTable('household_member')
    .set({ end_date: endDate, end_reason: reason })
    .where('id', '=', memberId)
    .execute();

export const filesOfHousehold = (db: Queryable, householdId: string) =>
  db.selectFrom('case_file').select('id').where('household_id', '=', householdId).execute();

/** A membership of the file's household, with the file's principal person. */
export const findMemberOfFile = (db: Queryable, memberId: string, fileId: string) =>
  db
    .selectFrom('household_member as m')
    .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
    .select(['m.id', 'm.start_date', 'm.end_date', 'm.person_id', 'cf.principal_person_id'])
    .where('m.id', '=', memberId)
    .where('cf.id', '=', fileId)
    .executeTakeFirst();

export const currentReferents = (db: Queryable, fileId: string) =>
  db
    .selectFrom('case_file_referent')
    .select(['id', 'user_id', 'kind'])
    .where('case_file_id', '=', fileId)
    .where('end_at', 'is', null)
    .execute();

export async function endReferents(db: Queryable, ids: string[], now: Date): Promise<void> {
  if (ids.length) await db.updateTable('case_file_referent').set({ end_at: now }).where('id', 'in', ids).execute();
}

export async function addReferents(
  db: Queryable,
  fileId: string,
  rows: [userId: string, kind: 'referent' | 'co_referent'][],
  now: Date,
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('case_file_referent')
      .values(rows.map(([userId, kind]) => ({ case_file_id: fileId, user_id: userId, kind, start_at: now })))
      .execute();
}
