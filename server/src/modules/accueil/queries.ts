import type { Queryable } from '../../db/schema.js';

/** The site's reception list between two instants, with the usager's name and who received them. */
export const visitsOfSite = (db: Queryable, siteId: string, from: Date, to: Date) =>
  db
    .selectFrom('accueil_visit as v')
    .innerJoin('case_file as cf', 'cf.id', 'v.case_file_id')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .leftJoin('app_user as w', 'w.id', 'v.seen_by')
    .select([
      'v.id',
      'v.case_file_id',
      'cf.file_number',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'v.arrived_at',
      'v.motifs',
      'v.seen_by',
      'w.display_name as seen_by_name',
      'v.seen_at',
      'v.entry_id',
    ])
    .where('v.site_id', '=', siteId)
    .where('v.arrived_at', '>=', from)
    .where('v.arrived_at', '<', to)
    .orderBy('v.arrived_at')
    .limit(500);

export const findVisit = (db: Queryable, visitId: string) =>
  db.selectFrom('accueil_visit').selectAll().where('id', '=', visitId).executeTakeFirst();

export const insertVisit = (
  db: Queryable,
  v: { siteId: string; caseFileId: string; arrivedAt: Date; motifs: string[]; createdBy: string },
) =>
  db
    .insertInto('accueil_visit')
    .values({
      site_id: v.siteId,
      case_file_id: v.caseFileId,
      arrived_at: v.arrivedAt,
      motifs: v.motifs,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const setSeen = (db: Queryable, visitId: string, workerId: string, at: Date) =>
  db.updateTable('accueil_visit').set({ seen_by: workerId, seen_at: at }).where('id', '=', visitId).execute();

/** Links the recorded entry, once: false when another request recorded it first. */
export const linkEntry = async (db: Queryable, visitId: string, entryId: string) =>
  (
    await db
      .updateTable('accueil_visit')
      .set({ entry_id: entryId })
      .where('id', '=', visitId)
      .where('entry_id', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows > 0n;

/** A social worker, active, of the site. */
export const isSiteWorker = async (db: Queryable, siteId: string, userId: string) =>
  Boolean(
    await db
      .selectFrom('app_user')
      .select('id')
      .where('id', '=', userId)
      .where('site_id', '=', siteId)
      .where('role', '=', 'travailleur_social')
      .where('active', '=', true)
      .executeTakeFirst(),
  );

/** How many of the codes are active motifs of the catalogue. */
export const countActiveMotifs = async (db: Queryable, codes: readonly string[]) =>
  codes.length
    ? (
        await db
          .selectFrom('motif')
          .select('code')
          .where('code', 'in', [...codes])
          .where('active', '=', true)
          .execute()
      ).length
    : 0;

/** Anonymisation or purge of a file (docs/adr/005-retention-anonymisation.md): its reception visits go. */
export const deleteVisitsOfFile = async (db: Queryable, caseFileId: string): Promise<number> =>
  Number(
    (await db.deleteFrom('accueil_visit').where('case_file_id', '=', caseFileId).executeTakeFirst()).numDeletedRows,
  );
