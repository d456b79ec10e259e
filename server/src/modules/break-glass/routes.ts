import { BreakGlassInput, BreakGlassListQuery, BreakGlassReviewInput, IdParams } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import {
  listBreakGlass,
  listNotifications,
  markNotificationRead,
  requestBreakGlass,
  reviewBreakGlass,
} from './service.js';

const EmptyBody = z.object({}).strict();

/** Motivated access (break-glass), its review queue, and the in-app notifications (docs/api.md, Motivated access, notifications, access export). */
export async function breakGlassRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/api/usagers/:id/break-glass', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await requestBreakGlass(ctx, id, parse(BreakGlassInput, req.body)));
  });
  app.get('/api/break-glass', async (req) => {
    const ctx = ctxOf(req, deps);
    return listBreakGlass(ctx, parse(BreakGlassListQuery, req.query).status);
  });
  app.post('/api/break-glass/:id/review', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reviewBreakGlass(ctx, id, parse(BreakGlassReviewInput, req.body).comment);
  });
  app.get('/api/notifications', async (req) => listNotifications(ctxOf(req, deps)));
  app.post('/api/notifications/:id/read', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    parse(EmptyBody, req.body);
    await markNotificationRead(ctx, id);
    return reply.code(204).send();
  });
}
