import { ROLE_LABELS, accessPartLabel, auditActionLabel, canReadAuditLog, type Role } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import { audit } from '../../audit/audit.js';
import type { Ctx, AppDeps } from '../../context.js';
import { forbidden, parse } from '../../errors.js';
import { listAccounts, searchAccessLog, searchAuditEvents } from './queries.js';
import { AccessSearchQuery, AuditSearchQuery } from './schemas.js';

const dpoOnly = (ctx: Ctx) => {
  if (!canReadAuditLog(ctx.actor)) throw forbidden('Accès réservé au délégué à la protection des données');
};
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The DPO reads the security log, always with a stated purpose that is itself logged (with the filters used):
 * logs serve security only, never the appraisal of workers (domain.md §1.7). No other role has any route here.
 */
export async function dpoRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/dpo/audit-events', async (req) => {
    const ctx = ctxOf(req, deps);
    dpoOnly(ctx);
    const q = parse(AuditSearchQuery, req.query);
    await audit(ctx.db, ctx, 'audit_log.search', { targetType: 'audit_event', diff: { ...q, log: 'audit_event' } });
    const rows = await searchAuditEvents(ctx.db, q);
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        seq: Number(r.seq),
        at: iso(r.at),
        action: r.action,
        actionLabel: auditActionLabel(r.action),
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        actorRoleLabel: r.actor_role ? (ROLE_LABELS[r.actor_role as Role] ?? 'Agent') : null,
        siteName: r.site_name,
        caseFileId: r.case_file_id,
        fileNumber: r.file_number,
        targetType: r.target_type,
        targetId: r.target_id,
      })),
    };
  });

  app.get('/api/dpo/access-events', async (req) => {
    const ctx = ctxOf(req, deps);
    dpoOnly(ctx);
    const q = parse(AccessSearchQuery, req.query);
    await audit(ctx.db, ctx, 'audit_log.search', { targetType: 'access_log', diff: { ...q, log: 'access_log' } });
    const rows = await searchAccessLog(ctx.db, q);
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        seq: Number(r.seq),
        at: iso(r.at),
        part: r.part,
        partLabel: accessPartLabel(r.part),
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        actorRoleLabel: r.actor_role ? (ROLE_LABELS[r.actor_role as Role] ?? 'Agent') : null,
        siteName: r.site_name,
        caseFileId: r.case_file_id,
        fileNumber: r.file_number,
      })),
    };
  });

  /** Who can be named in a search (no activity here: that needs a purpose). */
  app.get('/api/dpo/accounts', async (req) => {
    const ctx = ctxOf(req, deps);
    dpoOnly(ctx);
    const rows = await listAccounts(ctx.db);
    return {
      items: rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        email: r.email,
        role: r.role,
        active: r.active,
        siteName: r.site_name,
      })),
    };
  });
}
