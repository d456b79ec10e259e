import type { Queryable } from '../../../db/schema.js';

/** Lookups of the legacy adapter: the site's teams and social workers, the active motifs, a file's household. */
export const teamsOfSite = (db: Queryable, siteId: string) =>
  db.selectFrom('team').select(['id', 'name']).where('site_id', '=', siteId).orderBy('name').execute();

export const workersOfSite = (db: Queryable, siteId: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name'])
    .where('site_id', '=', siteId)
    .where('role', '=', 'travailleur_social')
    .where('active', '=', true)
    .execute();

export const activeMotifCodes = (db: Queryable) =>
  db.selectFrom('motif').select(['code', 'label']).where('active', '=', true).execute();

export const householdOfFile = (db: Queryable, caseFileId: string) =>
  db.selectFrom('case_file').select('household_id').where('id', '=', caseFileId).executeTakeFirst();
