import { canSearchUsagers } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { forbidden } from '../../errors.js';
import { listTeamsOfSite, listWorkersOfSite } from './queries.js';

/** What a site's staff need to assign files: the teams and social workers of their own site. */
export async function siteRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/site/teams', async (req) => {
    const ctx = ctxOf(req, deps);
    if (!canSearchUsagers(ctx.actor) || !ctx.actor.siteId) throw forbidden();
    const items = await listTeamsOfSite(ctx.db, ctx.actor.siteId);
    return { items };
  });
  app.get('/api/site/workers', async (req) => {
    const ctx = ctxOf(req, deps);
    if (!canSearchUsagers(ctx.actor) || !ctx.actor.siteId) throw forbidden();
    const rows = await listWorkersOfSite(ctx.db, ctx.actor.siteId);
    return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, teamIds: r.team_ids ?? [] })) };
  });
}
