import {
  FSL_FAMILIES,
  PARIS_AIDS,
  aidStatistics,
  aidTypeLabel,
  type AidStatisticsDto,
  type DecisionOutcome,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { statThresholds } from '../params/index.js';
import { aidStatRows, sitesOf } from './queries.js';

/**
 * Aid statistics of a calendar year (docs/api.md, "Statistiques des aides"): the administration reads every site, a
 * responsable theirs; nobody else (404, like the statistics pages above one's level). Only aggregates under the
 * disclosure control (core/src/commission/statistics.ts); no figure per worker.
 */
export async function aidStatisticsOf(ctx: Ctx, year: number): Promise<AidStatisticsDto> {
  const a = ctx.actor;
  const scope = a.role === 'admin_fonctionnel' ? null : a.role === 'responsable' && a.siteId ? [a.siteId] : undefined;
  if (scope === undefined) throw notFound('Page');
  const sites = await sitesOf(ctx.db, scope);
  const rows = await aidStatRows(
    ctx.db,
    sites.map((s) => s.id),
    year,
  );
  return aidStatistics({
    year,
    // The aid types counted this year only: a column of zeros discloses nothing and costs the protection time.
    aidTypes: [...FSL_FAMILIES.codes, ...PARIS_AIDS.codes]
      .filter((code) => rows.some((r) => r.aid_type === code))
      .map((code) => ({ code, label: aidTypeLabel(code) })),
    sites,
    thresholds: await statThresholds(ctx.db, ctx.now),
    records: rows.map((r) => ({
      aidType: r.aid_type,
      siteId: r.site_id,
      depositMonth: r.deposit_month,
      decisionMonth: r.decision_month,
      outcome: (r.decision as DecisionOutcome | null) ?? null,
      amountCents: r.decided_cents,
      delayDays: r.delay_days === null ? null : Number(r.delay_days),
    })),
  });
}
