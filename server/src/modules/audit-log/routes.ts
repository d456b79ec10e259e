import { canReadAuditLog, hasNoControlChars } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../app.js';
import { audit } from '../../audit/audit.js';
import type { AppDeps } from '../../context.js';
import { forbidden, parse } from '../../errors.js';

const AuditQuery = z.object({
  purpose: z
    .string({ error: 'Le motif est obligatoire' })
    .trim()
    .min(10, { error: 'Motif : 10 caractères au moins' })
    .max(300, { error: 'Motif : 300 caractères au maximum' })
    .refine(hasNoControlChars, { error: 'Motif : caractères de contrôle non autorisés' }),
  action: z.string().trim().max(60).refine(hasNoControlChars, { error: 'Action : caractères de contrôle non autorisés' }).optional(),
  before: z.coerce.number().int().positive().optional(),
});

/**
 * The DPO reads the security log, always with a stated purpose that is itself logged
 * (logs serve security only, never the appraisal of workers: domain.md §1.7).
 */
export async function dpoRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/dpo/audit-events', async (req) => {
    const ctx = ctxOf(req, deps);
    if (!canReadAuditLog(ctx.actor)) throw forbidden('Accès réservé au délégué à la protection des données');
    const q = parse(AuditQuery, req.query);
    await audit(ctx.db, ctx, 'audit_log.search', { targetType: 'audit_event', diff: { purpose: q.purpose, action: q.action ?? null } });
    const rows = await ctx.db
      .selectFrom('audit_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.actor_id')
      .leftJoin('site as s', 's.id', 'u.site_id')
      .select(['e.id', 'e.at', 'e.action', 'e.actor_role', 'e.case_file_id', 'e.target_type', 'e.target_id', 's.name as site_name'])
      .$if(Boolean(q.action), (qb) => qb.where('e.action', '=', q.action ?? ''))
      .$if(q.before !== undefined, (qb) => qb.where('e.id', '<', String(q.before)))
      .orderBy('e.id', 'desc')
      .limit(100)
      .execute();
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        action: r.action,
        actorRole: r.actor_role,
        siteName: r.site_name,
        caseFileId: r.case_file_id,
        targetType: r.target_type,
        targetId: r.target_id,
      })),
    };
  });
}
