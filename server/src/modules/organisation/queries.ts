import type { Role } from '@jalon/core';
import type { Insertable, Updateable } from 'kysely';
import type { AppUserTable, Queryable, SiteTable } from '../../db/schema.js';

// Sites and teams (explicit columns, style rule 9).

export const listSiteRows = (db: Queryable) =>
  db.selectFrom('site').select(['id', 'code', 'name', 'kind', 'arrondissements', 'profile']).orderBy('code').execute();

export const siteExists = (db: Queryable, id: string) =>
  db.selectFrom('site').select('id').where('id', '=', id).executeTakeFirst();

export const insertSite = (db: Queryable, values: Insertable<SiteTable>) =>
  db
    .insertInto('site')
    .values(values)
    .returning(['id', 'code', 'name', 'kind', 'arrondissements'])
    .executeTakeFirstOrThrow();

export const findSiteForUpdate = (db: Queryable, id: string) =>
  db.selectFrom('site').select(['name', 'kind', 'arrondissements']).where('id', '=', id).executeTakeFirst();

export const updateSiteRow = (db: Queryable, id: string, set: Updateable<SiteTable>) =>
  db
    .updateTable('site')
    .set(set)
    .where('id', '=', id)
    .returning(['id', 'code', 'name', 'kind', 'arrondissements'])
    .executeTakeFirstOrThrow();

export const listTeamRows = (db: Queryable) =>
  db.selectFrom('team').select(['id', 'site_id as siteId', 'name']).orderBy('site_id').orderBy('name').execute();

export const insertTeam = (db: Queryable, siteId: string, name: string) =>
  db
    .insertInto('team')
    .values({ site_id: siteId, name })
    .returning(['id', 'site_id as siteId', 'name'])
    .executeTakeFirstOrThrow();

export const findTeamName = (db: Queryable, id: string) =>
  db.selectFrom('team').select(['name']).where('id', '=', id).executeTakeFirst();

export const renameTeam = (db: Queryable, id: string, name: string) =>
  db
    .updateTable('team')
    .set({ name })
    .where('id', '=', id)
    .returning(['id', 'site_id as siteId', 'name'])
    .executeTakeFirstOrThrow();

/** The ids among `teamIds` that belong to the site. */
export const teamsOfSite = (db: Queryable, teamIds: readonly string[], siteId: string) =>
  db
    .selectFrom('team')
    .select('id')
    .where('id', 'in', [...teamIds])
    .where('site_id', '=', siteId)
    .execute();

/** The teams of a site, for its staff (assigning files). */
export const listTeamsOfSite = (db: Queryable, siteId: string) =>
  db.selectFrom('team').select(['id', 'name']).where('site_id', '=', siteId).orderBy('name').execute();

/** The active social workers of a site with their teams. */
export const listWorkersOfSite = (db: Queryable, siteId: string) =>
  db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name'])
    .select((eb) =>
      eb
        .selectFrom('user_team')
        .whereRef('user_team.user_id', '=', 'u.id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['user_team.team_id']).as('x'))
        .as('team_ids'),
    )
    .where('u.site_id', '=', siteId)
    .where('u.role', '=', 'travailleur_social')
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute();

// Users.

const userColumns = ['u.id', 'u.email', 'u.display_name', 'u.role', 'u.site_id', 'u.active', 'u.locked_until'] as const;

export const listUserRows = (db: Queryable) =>
  db
    .selectFrom('app_user as u')
    .select([...userColumns])
    .select((eb) =>
      eb
        .selectFrom('user_team')
        .whereRef('user_team.user_id', '=', 'u.id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['user_team.team_id']).as('x'))
        .as('team_ids'),
    )
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('user_second_factor as f')
            .select('f.user_id')
            .whereRef('f.user_id', '=', 'u.id')
            .where('f.enabled_at', 'is not', null),
        )
        .as('second_factor'),
    )
    .orderBy('u.email')
    .execute();

export const findUserRow = (db: Queryable, id: string) =>
  db
    .selectFrom('app_user as u')
    .select([...userColumns])
    .where('u.id', '=', id)
    .executeTakeFirst();

export const insertUser = (
  db: Queryable,
  values: {
    email: string;
    display_name: string;
    role: Role;
    site_id: string | null;
    password_hash: string;
    must_change_password: boolean;
  },
) =>
  db
    .insertInto('app_user')
    .values(values)
    .returning(['id', 'email', 'display_name', 'role', 'site_id', 'active', 'locked_until'])
    .executeTakeFirstOrThrow();

export const updateUserRow = (db: Queryable, id: string, set: Updateable<AppUserTable>) =>
  db.updateTable('app_user').set(set).where('id', '=', id).execute();

export const teamIdsOfUser = async (db: Queryable, userId: string): Promise<string[]> =>
  (await db.selectFrom('user_team').select('team_id').where('user_id', '=', userId).execute()).map((t) => t.team_id);

/** Replaces the teams of a user. */
export async function setUserTeams(db: Queryable, userId: string, teamIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_team').where('user_id', '=', userId).execute();
  if (teamIds.length)
    await db
      .insertInto('user_team')
      .values(teamIds.map((t) => ({ user_id: userId, team_id: t })))
      .execute();
}

/** The user's open référent links, with their file's site and team. */
export const openReferentLinksOf = (db: Queryable, userId: string) =>
  db
    .selectFrom('case_file_referent as r')
    .innerJoin('case_file as cf', 'cf.id', 'r.case_file_id')
    .select(['r.id', 'r.case_file_id', 'r.kind', 'cf.site_id', 'cf.team_id'])
    .where('r.user_id', '=', userId)
    .where('r.end_at', 'is', null)
    .execute();

export async function endReferentLinks(db: Queryable, linkIds: readonly string[], at: Date): Promise<void> {
  await db
    .updateTable('case_file_referent')
    .set({ end_at: at })
    .where('id', 'in', [...linkIds])
    .execute();
}
