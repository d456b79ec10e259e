import {
  AbsenceDeleteInput,
  AbsenceInput,
  AbsenceParams,
  AbsenceQuery,
  nextCalendarDay,
  parisMidnight,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { absencesOf, declareAbsence, withdrawAbsence } from './service.js';

export async function absenceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/absences', async (req) => {
    const ctx = ctxOf(req, deps);
    const q = parse(AbsenceQuery, req.query);
    const items = await absencesOf(ctx, {
      from: parisMidnight(q.from),
      to: parisMidnight(nextCalendarDay(q.to)),
      workerId: q.workerId,
    });
    return { items };
  });
  app.post('/api/absences', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    return reply.code(201).send(await declareAbsence(ctx, parse(AbsenceInput, req.body)));
  });
  app.post('/api/absences/:absenceId/delete', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { absenceId } = parse(AbsenceParams, req.params);
    parse(AbsenceDeleteInput, req.body);
    await withdrawAbsence(ctx, absenceId);
    return reply.code(204).send();
  });
}
