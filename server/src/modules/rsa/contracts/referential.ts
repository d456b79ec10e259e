import { canManageOrganisation, type ActionRefDto, type ActionRefInput, type Actor } from '@jalon/core';
import { audit } from '../../../audit/audit.js';
import type { Ctx } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { allActionRefs, insertActionRef, updateActionRef } from './queries.js';

const present = (r: Awaited<ReturnType<typeof allActionRefs>>[number]): ActionRefDto => ({
  id: r.id,
  theme: r.theme,
  objective: r.objective,
  label: r.label,
  active: r.active,
});

/** Those who write a plan d'action: the social workers of a site. */
const canReadReferential = (a: Actor) => a.role === 'travailleur_social' && a.siteId !== null;

/** The active actions of the referential (theme → objective → action), for the plan d'action. */
export async function listActions(ctx: Ctx): Promise<{ items: ActionRefDto[] }> {
  if (!canReadReferential(ctx.actor)) throw forbidden('Le référentiel des actions sert aux travailleurs sociaux');
  return { items: (await allActionRefs(ctx.db)).filter((r) => r.active).map(present) };
}

const adminOnly = (ctx: Ctx) => {
  if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
};

/** The whole referential, inactive actions included (admin page). */
export async function listActionsAdmin(ctx: Ctx): Promise<{ items: ActionRefDto[] }> {
  adminOnly(ctx);
  return { items: (await allActionRefs(ctx.db)).map(present) };
}

/** Adds an action; an action is never deleted (plans refer to it): it is made inactive. */
export const createAction = (ctx: Ctx, input: ActionRefInput) => {
  adminOnly(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertActionRef(trx, { ...input, created_at: ctx.now });
    await audit(trx, ctx, 'rsa_action_ref.save', { targetType: 'rsa_action_ref', targetId: id, diff: input });
    return { id };
  });
};

export const updateAction = (ctx: Ctx, id: string, input: ActionRefInput) => {
  adminOnly(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await updateActionRef(trx, id, input);
    if (Number(r.numUpdatedRows) === 0) throw notFound('Action');
    await audit(trx, ctx, 'rsa_action_ref.save', { targetType: 'rsa_action_ref', targetId: id, diff: input });
    return { id };
  });
};
