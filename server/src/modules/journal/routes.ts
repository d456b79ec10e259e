import {
  AgendaLoadQuery,
  AgendaQuery,
  AppointmentStatusInput,
  CreateEntryInput,
  DeleteEntryInput,
  EntryParams,
  IdParams,
  TimelineQuery,
  UpdateEntryInput,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { listAgenda, listTodo } from './agenda.js';
import { agendaLoad } from './load.js';
import { listTimeline } from './read.js';
import { setAppointmentStatus } from './appointment-status.js';
import { createEntry, deleteEntry, updateEntry } from './service.js';

export async function journalRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/journal', async (req) => {
    const ctx = ctxOf(req, deps);
    return listTimeline(ctx, parse(IdParams, req.params).id, parse(TimelineQuery, req.query));
  });
  app.post('/api/usagers/:id/journal', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await createEntry(ctx, id, parse(CreateEntryInput, req.body)));
  });
  app.patch('/api/usagers/:id/journal/:entryId', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id, entryId } = parse(EntryParams, req.params);
    const { warnings } = await updateEntry(ctx, id, entryId, parse(UpdateEntryInput, req.body));
    // A confirmed double booking comes back as a warning; otherwise nothing to say.
    return warnings.length ? reply.code(200).send({ warnings }) : reply.code(204).send();
  });
  app.post('/api/usagers/:id/journal/:entryId/delete', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id, entryId } = parse(EntryParams, req.params);
    await deleteEntry(ctx, id, entryId, parse(DeleteEntryInput, req.body).reason);
    return reply.code(204).send();
  });
  app.put('/api/usagers/:id/journal/:entryId/status', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id, entryId } = parse(EntryParams, req.params);
    await setAppointmentStatus(ctx, id, entryId, parse(AppointmentStatusInput, req.body));
    return reply.code(204).send();
  });
  app.get('/api/agenda', async (req) => listAgenda(ctxOf(req, deps), parse(AgendaQuery, req.query)));
  app.get('/api/todo', async (req) => listTodo(ctxOf(req, deps)));
  app.get('/api/agenda/load', async (req) => agendaLoad(ctxOf(req, deps), parse(AgendaLoadQuery, req.query)));
}
