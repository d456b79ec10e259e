import { canSearchUsagers } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { forbidden } from '../../errors.js';

/** What a site's staff need to assign files: the teams and social workers of their own site. */
export async function siteRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/site/teams', async (req) => {
    const ctx = ctxOf(req, deps);
    if (!canSearchUsagers(ctx.actor) || !ctx.actor.siteId) throw forbidden();
    const items = await ctx.db
      .selectFrom('team')
      .select(['id', 'name'])
      .where('site_id', '=', ctx.actor.siteId)
      .orderBy('name')
      .execute();
    return { items };
  });
  app.get('/api/site/workers', async (req) => {
    const ctx = ctxOf(req, deps);
    if (!canSearchUsagers(ctx.actor) || !ctx.actor.siteId) throw forbidden();
    const rows = await ctx.db
      .selectFrom('app_user as u')
      .select(['u.id', 'u.display_name'])
      .select((eb) =>
        eb
          .selectFrom('user_team')
          .whereRef('user_team.user_id', '=', 'u.id')
          .select((sb) => sb.fn.agg<string[]>('array_agg', ['user_team.team_id']).as('x'))
          .as('team_ids'),
      )
      .where('u.site_id', '=', ctx.actor.siteId)
      .where('u.role', '=', 'travailleur_social')
      .where('u.active', '=', true)
      .orderBy('u.display_name')
      .execute();
    return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, teamIds: r.team_ids ?? [] })) };
  });
}
