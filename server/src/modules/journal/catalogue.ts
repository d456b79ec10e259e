import { MotifInput, PartnerInput, UpdateMotifInput, IdParams, canManageOrganisation } from '@jalon/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../context.js';
import { audit } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import type { AppDeps } from '../../context.js';
import { conflict, forbidden, notFound, parse } from '../../errors.js';
import {
  findMotif,
  findPartner,
  insertMotif,
  insertPartner,
  listMotifs,
  listPartners,
  motifExists,
  updateMotifRow,
  updatePartnerRow,
} from './queries.js';

const CodeParams = z.object({ code: z.string().regex(/^[a-z0-9_]{2,40}$/, { error: 'Code invalide' }) });

/** The motif catalogue and the partner directory: read by everyone logged in, edited by the functional admin. */
export async function catalogueRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const adminCtx = (req: FastifyRequest) => {
    const ctx = ctxOf(req, deps);
    if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
    return ctx;
  };
  app.get('/api/motifs', async (req) => {
    ctxOf(req, deps);
    return {
      items: await listMotifs(deps.db),
    };
  });
  app.post('/api/admin/motifs', async (req, reply) => {
    const ctx = adminCtx(req);
    const input = parse(MotifInput, req.body);
    const row = await ctx.db.transaction().execute(async (trx) => {
      if (await motifExists(trx, input.code)) throw conflict('already_exists', 'Un motif porte déjà ce code');
      const created = await insertMotif(trx, input);
      await audit(trx, ctx, 'motif.create', {
        targetType: 'motif',
        targetId: input.code,
        diff: diffFields('motif.create', {}, { code: input.code, name: input.label }),
      });
      return created;
    });
    return reply.code(201).send(row);
  });
  app.patch('/api/admin/motifs/:code', async (req) => {
    const ctx = adminCtx(req);
    const { code } = parse(CodeParams, req.params);
    const input = parse(UpdateMotifInput, req.body);
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findMotif(trx, code);
      if (!before) throw notFound('Motif');
      const row = await updateMotifRow(trx, code, input);
      await audit(trx, ctx, 'motif.update', {
        targetType: 'motif',
        targetId: code,
        diff: diffFields(
          'motif.update',
          { name: before.label, active: before.active },
          { name: input.label, active: input.active },
        ),
      });
      return row;
    });
  });
  app.get('/api/partners', async (req) => {
    ctxOf(req, deps);
    return {
      items: await listPartners(deps.db),
    };
  });
  app.post('/api/admin/partners', async (req, reply) => {
    const ctx = adminCtx(req);
    const input = parse(PartnerInput, req.body);
    const row = await ctx.db.transaction().execute(async (trx) => {
      const created = await insertPartner(trx, {
        name: input.name,
        kind: input.kind,
        address: input.address ?? null,
        phone: input.phone ?? null,
        active: input.active,
      });
      await audit(trx, ctx, 'partner.create', {
        targetType: 'partner',
        targetId: created.id,
        diff: diffFields('partner.create', {}, { name: input.name, kind: input.kind }),
      });
      return created;
    });
    return reply.code(201).send(row);
  });
  app.patch('/api/admin/partners/:id', async (req) => {
    const ctx = adminCtx(req);
    const { id } = parse(IdParams, req.params);
    const input = parse(PartnerInput.partial().strict(), req.body);
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findPartner(trx, id);
      if (!before) throw notFound('Partenaire');
      const row = await updatePartnerRow(trx, id, input);
      await audit(trx, ctx, 'partner.update', {
        targetType: 'partner',
        targetId: id,
        diff: diffFields('partner.update', before, input),
      });
      return row;
    });
  });
}
