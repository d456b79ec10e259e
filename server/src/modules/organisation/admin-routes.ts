import {
  CreateSiteInput,
  CreateTeamInput,
  CreateUserInput,
  IdParams,
  UpdateSiteInput,
  UpdateTeamInput,
  UpdateUserInput,
  canManageOrganisation,
} from '@jalon/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { forbidden, parse } from '../../errors.js';
import {
  createSite,
  createTeam,
  createUser,
  listSites,
  listTeams,
  listUsers,
  updateSite,
  updateTeam,
  updateUser,
} from './admin-service.js';

/** Sites, teams and users: for the functional admin only (who has no access to any usager content). */
export async function adminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const adminCtx = (req: FastifyRequest) => {
    const ctx = ctxOf(req, deps);
    if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
    return ctx;
  };
  app.get('/api/admin/sites', async (req) => listSites(adminCtx(req)));
  app.post('/api/admin/sites', async (req, reply) => {
    const ctx = adminCtx(req);
    return reply.code(201).send(await createSite(ctx, parse(CreateSiteInput, req.body)));
  });
  app.patch('/api/admin/sites/:id', async (req) => {
    const ctx = adminCtx(req);
    return updateSite(ctx, parse(IdParams, req.params).id, parse(UpdateSiteInput, req.body));
  });
  app.get('/api/admin/teams', async (req) => listTeams(adminCtx(req)));
  app.post('/api/admin/teams', async (req, reply) => {
    const ctx = adminCtx(req);
    return reply.code(201).send(await createTeam(ctx, parse(CreateTeamInput, req.body)));
  });
  app.patch('/api/admin/teams/:id', async (req) => {
    const ctx = adminCtx(req);
    return updateTeam(ctx, parse(IdParams, req.params).id, parse(UpdateTeamInput, req.body));
  });
  app.get('/api/admin/users', async (req) => listUsers(adminCtx(req)));
  app.post('/api/admin/users', async (req, reply) => {
    const ctx = adminCtx(req);
    return reply.code(201).send(await createUser(ctx, parse(CreateUserInput, req.body)));
  });
  app.patch('/api/admin/users/:id', async (req) => {
    const ctx = adminCtx(req);
    return updateUser(ctx, parse(IdParams, req.params).id, parse(UpdateUserInput, req.body));
  });
}
