import {
  SITE_ROLES,
  type AdminUserDto,
  type CreateUserInput,
  type ItemsDto,
  type SiteDto,
  type TeamDto,
  type Role,
  type UpdateUserInput,
} from '@jalon/core';
import type { z } from 'zod';
import type { CreateSiteInput, CreateTeamInput, UpdateSiteInput, UpdateTeamInput } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import { assertNotCommonPassword } from '../../auth/common-passwords.js';
import { hashPassword } from '../../auth/passwords.js';
import { clearAccountAttempts } from '../../auth/login-throttle.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import { endReferentLinksOutside } from './referent-links.js';
import {
  findSiteForUpdate,
  findTeamName,
  findUserRow,
  insertSite,
  insertTeam,
  insertUser,
  listSiteRows,
  listTeamRows,
  listUserRows,
  renameTeam,
  setUserTeams,
  siteExists,
  teamIdsOfUser,
  teamsOfSite,
  updateSiteRow,
  updateUserRow,
} from './queries.js';

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

export const listSites = async (ctx: Ctx): Promise<ItemsDto<SiteDto>> => ({
  items: await listSiteRows(ctx.db),
});

export const createSite = (ctx: Ctx, input: z.infer<typeof CreateSiteInput>) =>
  unique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const row = await insertSite(trx, {
          code: input.code,
          name: input.name,
          kind: input.kind,
          arrondissements: input.arrondissements,
        });
        await audit(trx, ctx, 'site.create', {
          targetType: 'site',
          targetId: row.id,
          diff: diffFields('site.create', {}, { ...input }),
        });
        return row;
      }),
    'Un site porte déjà ce code',
  );

export const updateSite = (ctx: Ctx, id: string, input: z.infer<typeof UpdateSiteInput>) =>
  ctx.db.transaction().execute(async (trx) => {
    const before = await findSiteForUpdate(trx, id);
    if (!before) throw notFound('Site');
    const row = await updateSiteRow(trx, id, input);
    await audit(trx, ctx, 'site.update', {
      targetType: 'site',
      targetId: id,
      diff: diffFields('site.update', before, input),
    });
    return row;
  });

export const listTeams = async (ctx: Ctx): Promise<ItemsDto<TeamDto>> => ({
  items: await listTeamRows(ctx.db),
});

export const createTeam = (ctx: Ctx, input: z.infer<typeof CreateTeamInput>) =>
  unique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        if (!(await siteExists(trx, input.siteId)))
          throw unprocessable('invalid_site', 'Site inconnu', { siteId: 'Site inconnu' });
        const row = await insertTeam(trx, input.siteId, input.name);
        await audit(trx, ctx, 'team.create', {
          targetType: 'team',
          targetId: row.id,
          diff: diffFields('team.create', {}, { name: input.name, site_id: input.siteId }),
        });
        return row;
      }),
    'Une équipe de ce site porte déjà ce nom',
  );

export const updateTeam = (ctx: Ctx, id: string, input: z.infer<typeof UpdateTeamInput>) =>
  unique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const before = await findTeamName(trx, id);
        if (!before) throw notFound('Équipe');
        const row = await renameTeam(trx, id, input.name);
        await audit(trx, ctx, 'team.update', {
          targetType: 'team',
          targetId: id,
          diff: diffFields('team.update', before, input),
        });
        return row;
      }),
    'Une équipe de ce site porte déjà ce nom',
  );

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
): AdminUserDto => ({
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
  const rows = await listUserRows(ctx.db);
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
  if (!(await siteExists(trx, siteId))) throw unprocessable('invalid_site', 'Site inconnu', { siteId: 'Site inconnu' });
  if (requireTeam && role === 'travailleur_social' && teamIds.length === 0)
    throw unprocessable('team_required', 'Un travailleur social doit appartenir à une équipe de son site', {
      teamIds: 'Équipe obligatoire',
    });
  if (teamIds.length) {
    const found = await teamsOfSite(trx, teamIds, siteId);
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
      const row = await insertUser(trx, {
        email: input.email,
        display_name: input.displayName,
        role: input.role,
        site_id: input.siteId,
        password_hash: passwordHash,
        // Chosen by the administrator: the user replaces it at first login (docs/security.md, Login).
        must_change_password: true,
      });
      await setUserTeams(trx, row.id, input.teamIds);
      await audit(trx, ctx, 'user.create', {
        targetType: 'user',
        targetId: row.id,
        diff: diffFields('user.create', {}, { role: input.role, site_id: input.siteId }),
      });
      return presentUser(row, input.teamIds);
    });
  }, 'Un compte existe déjà avec cette adresse électronique');

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput) {
  if (input.password) assertNotCommonPassword(input.password, 'password');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUserRow(trx, id);
    if (!before) throw notFound('Utilisateur');
    const currentTeams = await teamIdsOfUser(trx, id);
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
        ? {
            password_hash: passwordHash,
            password_changed_at: ctx.now,
            must_change_password: true,
            failed_attempts: 0,
            locked_until: null,
          }
        : {}),
    };
    if (Object.keys(set).length) await updateUserRow(trx, id, set);
    await setUserTeams(trx, id, teamIds);
    if (input.role !== undefined || input.siteId !== undefined || input.teamIds !== undefined)
      await endReferentLinksOutside(trx, ctx, id, {
        role,
        siteId,
        teamIds,
        leftTeamIds: currentTeams.filter((t) => !teamIds.includes(t)),
      });
    // A change of role, site, activity or password ends the user's sessions: rights never outlive a change.
    if (input.role || input.siteId !== undefined || input.active === false || passwordHash || input.teamIds)
      await deleteUserSessions(trx, id);
    // A reset also lifts the login delays of the account, from every address (auth/login-throttle.ts).
    if (passwordHash) await clearAccountAttempts(trx, before.email);
    await audit(trx, ctx, 'user.update', {
      targetType: 'user',
      targetId: id,
      diff: {
        ...diffFields('user.update', before, set),
        ...(passwordHash ? { password: { from: null, to: '[réinitialisé]' } } : {}),
      },
    });
    const after = await findUserRow(trx, id);
    if (!after) throw notFound('Utilisateur');
    return presentUser(after, teamIds);
  });
}
