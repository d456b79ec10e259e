import { canManageOrganisation } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { forbidden } from '../../errors.js';
import { recentJobs } from './queries.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The administrator's page of background jobs: recent runs with their outcome and progress (no usager data). */
export async function jobRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/admin/jobs', async (req) => {
    const ctx = ctxOf(req, deps);
    if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
    const rows = await recentJobs(ctx.db);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        state: r.state,
        runAt: iso(r.run_at),
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
        progress: r.progress_done === null ? null : { done: r.progress_done, total: r.progress_total },
        lastError: r.last_error,
        createdAt: iso(r.created_at),
        startedAt: iso(r.started_at),
        finishedAt: iso(r.finished_at),
      })),
    };
  });
}
