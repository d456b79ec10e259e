import { SITE_ROLES, type CreateUserInput, type Role, type UpdateUserInput } from '@jalon/core';
import type { z } from 'zod';
import type { CreateSiteInput, CreateTeamInput, UpdateSiteInput, UpdateTeamInput } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import { assertNotCommonPassword } from '../../auth/common-passwords.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, notFound, unprocessable } from '../../errors.js';

const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/** Turns a unique violation into a French 409 instead of a 500. */
async function unique<T>(fn: () => Promise<T>, message: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('already_exists', message);
    throw e;
  }
}

export const listSites = async (ctx: Ctx) => ({
  items: await ctx.db
    .selectFrom('site')
    .select(['id', 'code', 'name', 'kind', 'arrondissements', 'profile'])
    .orderBy('code')
    .execute(),
});

export const createSite = (ctx: Ctx, input: z.infer<typeof CreateSiteInput>) =>
  unique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('site')
          .values({ code: input.code, name: input.name, kind: input.kind, arrondissements: input.arrondissements })
          .returning(['id', 'code', 'name', 'kind', 'arrondissements'])
          .executeTakeFirstOrThrow();
        await audit(trx, ctx, 'site.create', {
          targetType: 'site',
          targetId: row.id,
          diff: diffFields({}, { ...input }),
        });
        return row;
      }),
    'Un site porte déjà ce code',
  );

export const updateSite = (ctx: Ctx, id: string, input: z.infer<typeof UpdateSiteInput>) =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('site')
      .select(['name', 'kind', 'arrondissements'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Site');
    const row = await trx
      .updateTable('site')
      .set(input)
      .where('id', '=', id)
      .returning(['id', 'code', 'name', 'kind', 'arrondissements'])
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, 'site.update', { targetType: 'site', targetId: id, diff: diffFields(before, input) });
    return row;
  });

export const listTeams = async (ctx: Ctx) => ({
  items: await ctx.db
    .selectFrom('team')
    .select(['id', 'site_id as siteId', 'name'])
    .orderBy('site_id')
    .orderBy('name')
    .execute(),
});

export const createTeam = (ctx: Ctx, input: z.infer<typeof CreateTeamInput>) =>
  unique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const site = await trx.selectFrom('site').select('id').where('id', '=', input.siteId).executeTakeFirst();
        if (!site) throw unprocessable('invalid_site', 'Site inconnu', { siteId: 'Site inconnu' });
        const row = await trx
          .insertInto('team')
          .values({ site_id: input.siteId, name: input.name })
          .returning(['id', 'site_id as siteId', 'name'])
          .executeTakeFirstOrThrow();
        await audit(trx, ctx, 'team.create', {
          targetType: 'team',
          targetId: row.id,
          diff: diffFields({}, { name: input.name, site_id: input.siteId }),
        });
        return row;
      }),
    'Une équipe de ce site porte déjà ce nom',
  );

export const updateTeam = (ctx: Ctx, id: string, input: z.infer<typeof UpdateTeamInput>) =>
  unique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('team').select(['name']).where('id', '=', id).executeTakeFirst();
        if (!before) throw notFound('Équipe');
        const row = await trx
          .updateTable('team')
          .set({ name: input.name })
          .where('id', '=', id)
          .returning(['id', 'site_id as siteId', 'name'])
          .executeTakeFirstOrThrow();
        await audit(trx, ctx, 'team.update', { targetType: 'team', targetId: id, diff: diffFields(before, input) });
        return row;
      }),
    'Une équipe de ce site porte déjà ce nom',
  );

const userColumns = ['u.id', 'u.email', 'u.display_name', 'u.role', 'u.site_id', 'u.active', 'u.locked_until'] as const;

const presentUser = (
  r: {
    id: string;
    email: string;
    display_name: string;
    role: Role;
    site_id: string | null;
    active: boolean;
    locked_until: Date | null;
  },
  teamIds: string[],
) => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  siteId: r.site_id,
  active: r.active,
  locked: r.locked_until !== null && new Date(r.locked_until) > new Date(),
  teamIds,
});

export async function listUsers(ctx: Ctx) {
  const rows = await ctx.db
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
  return { items: rows.map((r) => ({ ...presentUser(r, r.team_ids ?? []), secondFactor: Boolean(r.second_factor) })) };
}

/**
 * Site roles need a site and teams of that site; a social worker belongs to at least one team (access to files goes
 * through the team, docs/security.md); admin and DPO have neither. `requireTeam` is false for an update that leaves
 * the placement alone (deactivating an older account, a new password).
 */
async function checkPlacement(
  trx: Queryable,
  role: Role,
  siteId: string | null,
  teamIds: readonly string[],
  requireTeam = true,
) {
  if (!SITE_ROLES.includes(role)) {
    if (siteId || teamIds.length)
      throw unprocessable(
        'no_site_for_role',
        'Les profils administrateur et DPO ne sont rattachés à aucun site ni équipe',
      );
    return;
  }
  if (!siteId)
    throw unprocessable('site_required', 'Ce profil doit être rattaché à un site', { siteId: 'Site obligatoire' });
  const site = await trx.selectFrom('site').select('id').where('id', '=', siteId).executeTakeFirst();
  if (!site) throw unprocessable('invalid_site', 'Site inconnu', { siteId: 'Site inconnu' });
  if (requireTeam && role === 'travailleur_social' && teamIds.length === 0)
    throw unprocessable('team_required', 'Un travailleur social doit appartenir à une équipe de son site', {
      teamIds: 'Équipe obligatoire',
    });
  if (teamIds.length) {
    const found = await trx
      .selectFrom('team')
      .select('id')
      .where('id', 'in', [...teamIds])
      .where('site_id', '=', siteId)
      .execute();
    if (found.length !== new Set(teamIds).size)
      throw unprocessable('invalid_team', 'Les équipes doivent appartenir au site de l’utilisateur', {
        teamIds: 'Équipe d’un autre site',
      });
  }
}

export const createUser = (ctx: Ctx, input: CreateUserInput) =>
  unique(async () => {
    assertNotCommonPassword(input.password, 'password');
    const passwordHash = await hashPassword(input.password);
    return ctx.db.transaction().execute(async (trx) => {
      await checkPlacement(trx, input.role, input.siteId, input.teamIds);
      const row = await trx
        .insertInto('app_user')
        .values({
          email: input.email,
          display_name: input.displayName,
          role: input.role,
          site_id: input.siteId,
          password_hash: passwordHash,
        })
        .returning(['id', 'email', 'display_name', 'role', 'site_id', 'active', 'locked_until'])
        .executeTakeFirstOrThrow();
      if (input.teamIds.length)
        await trx
          .insertInto('user_team')
          .values(input.teamIds.map((t) => ({ user_id: row.id, team_id: t })))
          .execute();
      await audit(trx, ctx, 'user.create', {
        targetType: 'user',
        targetId: row.id,
        diff: diffFields({}, { role: input.role, site_id: input.siteId }),
      });
      return presentUser(row, input.teamIds);
    });
  }, 'Un compte existe déjà avec cette adresse électronique');

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput) {
  if (input.password) assertNotCommonPassword(input.password, 'password');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('app_user as u')
      .select([...userColumns])
      .where('u.id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Utilisateur');
    const currentTeams = (await trx.selectFrom('user_team').select('team_id').where('user_id', '=', id).execute()).map(
      (t) => t.team_id,
    );
    const role = input.role ?? before.role;
    const siteId = input.siteId !== undefined ? input.siteId : before.site_id;
    const teamIds = input.teamIds ?? (siteId === before.site_id ? currentTeams : []);
    const placementChanged = input.role !== undefined || input.siteId !== undefined || input.teamIds !== undefined;
    await checkPlacement(trx, role, siteId, teamIds, placementChanged);
    const set = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.siteId !== undefined ? { site_id: input.siteId } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(passwordHash
        ? { password_hash: passwordHash, password_changed_at: ctx.now, failed_attempts: 0, locked_until: null }
        : {}),
    };
    if (Object.keys(set).length) await trx.updateTable('app_user').set(set).where('id', '=', id).execute();
    await trx.deleteFrom('user_team').where('user_id', '=', id).execute();
    if (teamIds.length)
      await trx
        .insertInto('user_team')
        .values(teamIds.map((t) => ({ user_id: id, team_id: t })))
        .execute();
    // A change of role, site, activity or password ends the user's sessions: rights never outlive a change.
    if (input.role || input.siteId !== undefined || input.active === false || passwordHash || input.teamIds)
      await deleteUserSessions(trx, id);
    await audit(trx, ctx, 'user.update', {
      targetType: 'user',
      targetId: id,
      diff: { ...diffFields(before, set), ...(passwordHash ? { password: { from: null, to: '[réinitialisé]' } } : {}) },
    });
    const after = await trx
      .selectFrom('app_user as u')
      .select([...userColumns])
      .where('u.id', '=', id)
      .executeTakeFirstOrThrow();
    return presentUser(after, teamIds);
  });
}
