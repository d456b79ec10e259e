import {
  AddMemberInput,
  CreateUsagerInput,
  DuplicateQuery,
  EndMemberInput,
  IdParams,
  MemberParams,
  SearchQuery,
  SetReferentsInput,
  UpdateUsagerInput,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { addMember, endMember, setReferents } from './household.js';
import { getUsager, listConsultations, listMyFiles, listTeamFiles } from './read.js';
import { searchUsagers } from './search.js';
import { createUsager, previewDuplicates, updateUsager } from './service.js';

/** Thin routes (style rule 6): validate, call one use-case, answer. */
export async function usagerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/search', async (req) => searchUsagers(ctxOf(req, deps), parse(SearchQuery, req.query)));
  app.get('/api/usagers/mine', async (req) => listMyFiles(ctxOf(req, deps)));
  app.get('/api/usagers/team', async (req) => listTeamFiles(ctxOf(req, deps)));
  app.get('/api/usagers/duplicates', async (req) =>
    previewDuplicates(ctxOf(req, deps), parse(DuplicateQuery, req.query)),
  );
  app.post('/api/usagers', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const created = await createUsager(ctx, parse(CreateUsagerInput, req.body));
    if ('duplicates' in created) {
      const message =
        'Cette personne a peut-être déjà un dossier : vérifiez les dossiers proposés, ou confirmez la création.';
      return reply.code(409).send({ error: { code: 'likely_duplicate', message }, duplicates: created.duplicates });
    }
    return reply.code(201).send(created);
  });
  app.get('/api/usagers/:id', async (req) => {
    const ctx = ctxOf(req, deps);
    return getUsager(ctx, parse(IdParams, req.params).id);
  });
  app.patch('/api/usagers/:id', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return updateUsager(ctx, id, parse(UpdateUsagerInput, req.body));
  });
  app.post('/api/usagers/:id/members', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await addMember(ctx, id, parse(AddMemberInput, req.body)));
  });
  app.patch('/api/usagers/:id/members/:memberId', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id, memberId } = parse(MemberParams, req.params);
    return endMember(ctx, id, memberId, parse(EndMemberInput, req.body));
  });
  app.put('/api/usagers/:id/referents', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return setReferents(ctx, id, parse(SetReferentsInput, req.body));
  });
  app.get('/api/usagers/:id/consultations', async (req) => {
    const ctx = ctxOf(req, deps);
    return listConsultations(ctx, parse(IdParams, req.params).id);
  });
}
