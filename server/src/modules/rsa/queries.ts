import type { Insertable } from 'kysely';
import type { Queryable, RsaPersonTable } from '../../db/schema.js';

/**
 * Every membership of the file's household, current ones first (`m.end_date` null): the RSA tab shows the current
 * members and those who left with RSA data kept on the file.
 */
export const filePersons = (db: Queryable, fileId: string) =>
  db
    .selectFrom('case_file as cf')
    .innerJoin('household_member as m', (j) => j.onRef('m.household_id', '=', 'cf.household_id'))
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select([
      'p.id',
      'm.id as member_id',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'p.caf_number',
      'm.end_date',
      'cf.principal_person_id',
    ])
    .where('cf.id', '=', fileId)
    .orderBy('m.end_date', (ob) => ob.desc().nullsFirst())
    .orderBy('m.relationship')
    .orderBy('p.birth_date')
    .execute();

export const rsaPersonsOfFile = (db: Queryable, fileId: string) =>
  db.selectFrom('rsa_person').selectAll().where('case_file_id', '=', fileId).execute();

export const findRsaPerson = (db: Queryable, personId: string) =>
  db.selectFrom('rsa_person').selectAll().where('person_id', '=', personId).forUpdate().executeTakeFirst();

export const upsertRsaPerson = (db: Queryable, row: Insertable<RsaPersonTable>) =>
  db
    .insertInto('rsa_person')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();

export const insertRsaChange = (
  db: Queryable,
  c: {
    personId: string;
    caseFileId: string;
    at: Date;
    origin: 'typed' | 'imported';
    actorId: string | null;
    source: string | null;
    changes: Record<string, { from: unknown; to: unknown }>;
  },
) =>
  db
    .insertInto('rsa_person_change')
    .values({
      person_id: c.personId,
      case_file_id: c.caseFileId,
      at: c.at,
      origin: c.origin,
      actor_id: c.actorId,
      source: c.source,
      changes: JSON.stringify(c.changes),
    })
    .execute();

/** The dated history of the blocks of a file, newest first, with the author's name when typed. */
export const rsaChangesOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('rsa_person_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.actor_id')
    .select(['c.person_id', 'c.at', 'c.origin', 'c.changes', 'u.display_name'])
    .where('c.case_file_id', '=', fileId)
    .orderBy('c.at', 'desc')
    .orderBy('c.seq', 'desc')
    .execute();

/** The référents RSA of a file's persons (current and past), oldest first. */
export const rsaReferentsOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('rsa_referent as r')
    .leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.person_id',
      'r.kind',
      'r.user_id',
      'r.partner_name',
      'r.organisme',
      'r.start_on',
      'r.end_on',
      'u.display_name',
    ])
    .where('r.case_file_id', '=', fileId)
    .orderBy('r.start_on')
    .orderBy('r.created_at')
    .execute();

/** Closes the current référent of that kind the day the new one starts, then names the new one. */
export async function replaceRsaReferent(
  db: Queryable,
  r: {
    personId: string;
    caseFileId: string;
    kind: 'referent_unique' | 'france_travail';
    userId: string | null;
    partnerName: string | null;
    organisme: string | null;
    startOn: string;
    by: string;
    at: Date;
  },
) {
  await db
    .updateTable('rsa_referent')
    .set({ end_on: r.startOn })
    .where('person_id', '=', r.personId)
    .where('kind', '=', r.kind)
    .where('end_on', 'is', null)
    .execute();
  return db
    .insertInto('rsa_referent')
    .values({
      person_id: r.personId,
      case_file_id: r.caseFileId,
      kind: r.kind,
      user_id: r.userId,
      partner_name: r.partnerName,
      organisme: r.organisme,
      start_on: r.startOn,
      created_by: r.by,
      created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A worker of the file's site (a référent unique RSA must work there). */
export const workerOfSite = (db: Queryable, userId: string, siteId: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('site_id', '=', siteId)
    .where('role', '=', 'travailleur_social')
    .executeTakeFirst();

/** Retention: every RSA row of a file (the statistics keep their aggregates). */
export async function deleteRsaOfFile(db: Queryable, fileId: string): Promise<number> {
  const contracts = db.selectFrom('rsa_contract').select('id').where('case_file_id', '=', fileId);
  await db.deleteFrom('rsa_contract_action').where('contract_id', 'in', contracts).execute();
  let n = 0;
  for (const table of [
    'rsa_contract',
    'rsa_referent',
    'rsa_orientation_decision',
    'rsa_orientation',
    'rsa_person_change',
    'rsa_person',
  ] as const) {
    const r = await db.deleteFrom(table).where('case_file_id', '=', fileId).executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}
