import type { Insertable, Updateable } from 'kysely';
import type { Queryable, RsaEpPassageTable, RsaSanctionTable } from '../../db/schema.js';

/** All SQL of the RSA équipe pluridisciplinaire (docs/architecture.md, "A request, end to end", step 4). */

export const sessionAad = (id: string) => `rsa_ep_session:${id}`;
export const passageAad = (column: string, id: string) => `rsa_ep_passage.${column}:${id}`;

export const insertSession = (
  db: Queryable,
  v: {
    siteId: string;
    date: string;
    place: string | null;
    members: unknown;
    representatives: unknown;
    by: string;
    at: Date;
  },
) =>
  db
    .insertInto('rsa_ep_session')
    .values({
      site_id: v.siteId,
      session_date: v.date,
      place: v.place,
      members: JSON.stringify(v.members),
      representatives: JSON.stringify(v.representatives),
      created_by: v.by,
      created_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const sessionColumns = ['s.id', 's.site_id', 's.session_date', 's.place', 's.members', 's.representatives'] as const;

export const listSessions = (db: Queryable, siteId: string, fromDay: string) =>
  db
    .selectFrom('rsa_ep_session as s')
    .select(sessionColumns)
    .select((eb) =>
      eb
        .selectFrom('rsa_ep_passage as p')
        .whereRef('p.session_id', '=', 's.id')
        .where('p.state', '!=', 'annule')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('passage_count'),
    )
    .where('s.site_id', '=', siteId)
    .where('s.session_date', '>=', fromDay)
    .orderBy('s.session_date')
    .limit(200)
    .execute();

export const findSession = (db: Queryable, id: string) =>
  db.selectFrom('rsa_ep_session as s').select(sessionColumns).where('s.id', '=', id).executeTakeFirst();

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export const insertPassage = (db: Queryable, v: Insertable<RsaEpPassageTable>) =>
  db.insertInto('rsa_ep_passage').values(v).returning('id').executeTakeFirstOrThrow();

export const updatePassage = (db: Queryable, id: string, version: number, v: Updateable<RsaEpPassageTable>) =>
  db
    .updateTable('rsa_ep_passage')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();

const passageSelect = (db: Queryable) =>
  db
    .selectFrom('rsa_ep_passage as p')
    .innerJoin('rsa_ep_session as s', 's.id', 'p.session_id')
    .innerJoin('person as pe', 'pe.id', 'p.person_id')
    .leftJoin('app_user as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select(['s.session_date', 's.site_id as session_site_id', 'd.display_name as decided_by_name'])
    .select(['pe.birth_name', 'pe.used_name', 'pe.first_names']);

export const findPassage = (db: Queryable, id: string) => passageSelect(db).where('p.id', '=', id).executeTakeFirst();

/** Locks the passage row for its transition (one decision at a time). */
export const lockPassage = (db: Queryable, id: string) =>
  db.selectFrom('rsa_ep_passage').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export type PassageRow = NonNullable<Awaited<ReturnType<typeof findPassage>>>;

export const passagesOfFile = (db: Queryable, caseFileId: string) =>
  passageSelect(db).where('p.case_file_id', '=', caseFileId).orderBy('s.session_date', 'desc').execute();

export const passagesOfSession = (db: Queryable, sessionId: string) =>
  passageSelect(db).where('p.session_id', '=', sessionId).orderBy('pe.birth_name').execute();

/** Open passages of some files (task lists): inscribed, avis not yet rendered or decision to take. */
export const openPassagesOfSite = (db: Queryable, siteId: string) =>
  passageSelect(db)
    .where('s.site_id', '=', siteId)
    .where('p.state', 'in', ['inscrit', 'avis_rendu'])
    .orderBy('s.session_date')
    .limit(500)
    .execute();

export const personOfFile = (db: Queryable, caseFileId: string, personId: string | undefined) => {
  const q = db
    .selectFrom('case_file as c')
    .innerJoin('household_member as m', 'm.household_id', 'c.household_id')
    .select('m.person_id')
    .where('c.id', '=', caseFileId)
    .where('m.end_date', 'is', null);
  return (personId ? q.where('m.person_id', '=', personId) : q.whereRef('m.person_id', '=', 'c.principal_person_id'))
    .limit(1)
    .executeTakeFirst();
};

/** Current members of the file's household: a foyer of several persons has the rate capped. */
export async function householdSize(db: Queryable, caseFileId: string): Promise<number> {
  const r = await db
    .selectFrom('case_file as c')
    .innerJoin('household_member as m', 'm.household_id', 'c.household_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.id', '=', caseFileId)
    .where('m.end_date', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Earlier sanctions of the person: one makes the new breach a repeated one. */
export async function priorSanctions(db: Queryable, personId: string): Promise<number> {
  const r = await db
    .selectFrom('rsa_sanction')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const insertSanction = (db: Queryable, v: Insertable<RsaSanctionTable>) =>
  db.insertInto('rsa_sanction').values(v).returning('id').executeTakeFirstOrThrow();

export const sanctionsOfPassages = (db: Queryable, passageIds: readonly string[]) =>
  passageIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('rsa_sanction').selectAll().where('passage_id', 'in', passageIds).execute();

export type SanctionRow = Awaited<ReturnType<typeof sanctionsOfPassages>>[number];

export const liftSanction = (db: Queryable, id: string, v: { day: string; by: string; reversedCents: number }) =>
  db
    .updateTable('rsa_sanction')
    .set({ status: 'levee', lifted_on: v.day, lifted_by: v.by, reversed_cents: v.reversedCents })
    .where('id', '=', id)
    .where('status', '=', 'en_cours')
    .executeTakeFirst();

export const siteHeaderOf = (db: Queryable, siteId: string) =>
  db
    .selectFrom('site')
    .select(['name', 'address', 'phone', 'opening_hours'])
    .where('id', '=', siteId)
    .executeTakeFirstOrThrow();

/** Retention: a file's passages and sanctions go with it. */
export async function deleteEpOfFile(db: Queryable, caseFileId: string): Promise<number> {
  await db.deleteFrom('rsa_sanction').where('case_file_id', '=', caseFileId).execute();
  const r = await db.deleteFrom('rsa_ep_passage').where('case_file_id', '=', caseFileId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Retention, anonymisation in place: the free texts go, the dated passages and sanctions stay for the indicators. */
export async function anonymiseEpOfFile(db: Queryable, caseFileId: string): Promise<number> {
  const r = await db
    .updateTable('rsa_ep_passage')
    .set({ facts: null, observations: null, avis_text: null, decision_reason: null })
    .where('case_file_id', '=', caseFileId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** OARSA: the passages of the year's sessions (a site, or every site), their motif and outcome. */
export const epPassagesInYear = (db: Queryable, siteId: string | null, from: string, to: string) => {
  const q = db
    .selectFrom('rsa_ep_passage as p')
    .innerJoin('rsa_ep_session as s', 's.id', 'p.session_id')
    .select(['p.motif', 'p.outcome', 'p.decided_on'])
    .where('p.state', '!=', 'annule')
    .where('s.session_date', '>=', from)
    .where('s.session_date', '<=', to);
  return (siteId ? q.where('s.site_id', '=', siteId) : q).execute();
};

/** OARSA: the sanctions decided in the year, by breach and whether a remobilisation lifted them. */
export const sanctionsInYear = (db: Queryable, siteId: string | null, from: string, to: string) => {
  const q = db
    .selectFrom('rsa_sanction as x')
    .innerJoin('rsa_ep_passage as p', 'p.id', 'x.passage_id')
    .innerJoin('rsa_ep_session as s', 's.id', 'p.session_id')
    .select(['x.breach', 'x.status', 'x.lifted_on'])
    .where('p.decided_on', '>=', from)
    .where('p.decided_on', '<=', to);
  return (siteId ? q.where('s.site_id', '=', siteId) : q).execute();
};
