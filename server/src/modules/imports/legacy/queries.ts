import type { Queryable } from '../../../db/schema.js';

/** Lookups of the legacy adapter: the site's teams and social workers, the active motifs. */
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
