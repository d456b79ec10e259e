import { renderProtectedCsv } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { defaultPeriod, parseFilter, parseReportParams, parseTableParams } from './params.js';
import { siteReportPdf } from './report-pdf.js';
import { indicatorTable } from './service.js';
import { statisticsScope } from './scope.js';
import { myActivity, scopeView, teamTable, waitingTime } from './views.js';

/**
 * Statistics (docs/api.md, Statistics): read from the aggregate tables, protected by core/src/statistics before they leave.
 * Secretaries and the DPO: 404 on every route (statisticsScope).
 */
export async function statisticsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/statistics/scope', async (req) => scopeView(ctxOf(req, deps)));

  app.get('/api/statistics/table', async (req) => {
    const ctx = ctxOf(req, deps);
    statisticsScope(ctx);
    return indicatorTable(ctx, parseTableParams(req.query, ctx.now));
  });

  app.get('/api/statistics/table.csv', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    statisticsScope(ctx);
    const dto = await indicatorTable(ctx, { ...parseTableParams(req.query, ctx.now), compare: false });
    const csv = renderProtectedCsv(dto.table, { ...dto.labels, rowVar: dto.labels.rowVar ?? undefined });
    const name = `statistiques-${dto.indicator.id}${dto.groupBy ? `-par-${dto.groupBy}` : ''}-${dto.period.fromMonth}-${dto.period.toMonth}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(csv);
  });

  app.get('/api/statistics/waiting-time', async (req) => {
    const ctx = ctxOf(req, deps);
    statisticsScope(ctx);
    return waitingTime(ctx, parseFilter(req.query, ctx.now, []));
  });

  app.get('/api/statistics/teams', async (req) => {
    const ctx = ctxOf(req, deps);
    statisticsScope(ctx);
    return teamTable(ctx, parseFilter(req.query, ctx.now, []));
  });

  app.get('/api/statistics/my-activity', async (req) => {
    const ctx = ctxOf(req, deps);
    statisticsScope(ctx);
    return myActivity(ctx, parseFilter(req.query, ctx.now, []));
  });

  app.get('/api/statistics/report.pdf', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const q = parseReportParams(req.query);
    const { pdf, filename } = await siteReportPdf(ctx, q.siteId, q.year, defaultPeriod(ctx.now).to);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(pdf);
  });
}
