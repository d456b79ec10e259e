import type { Actor } from '@jalon/core';
import type { Ctx } from '../context.js';
import type { Db } from '../db/schema.js';
import { defaultPeriod, parseFilter } from '../modules/statistics/params.js';
import { refreshStatistics } from '../modules/statistics/refresh.js';
import { clearStatisticsCache, indicatorTable } from '../modules/statistics/service.js';
import { scopeView, teamTable, waitingTime } from '../modules/statistics/views.js';
import { stats, type Stats } from './measure.js';

export interface StatisticsBench {
  /** Refresh of the aggregates before the pages: full on an empty database or when asked, else incremental. */
  refreshMs: number;
  refreshFull: boolean;
  /** One opening of the statistics page by a responsable, cold cache: the five requests it makes, one after the other. */
  page: Stats;
}

const INDICATORS = [
  'trancheAge',
  'sexe',
  'contexteFamilial',
  'logementStocd',
  'statutProfessionnel',
  'niveauScolarite',
  'entreesParType',
  'entreesParMotif',
];

/** The statistics figure (docs/benchmarks.md): the statistics page of one site over one year answers in ≤ 1 s. */
export async function measureStatistics(
  db: Db,
  opts: { pages: number; fullRefresh?: boolean; log: (s: string) => void },
): Promise<StatisticsBench> {
  const now = new Date();
  const refreshed = await refreshStatistics(db, now, { rebuild: opts.fullRefresh === true });
  opts.log(
    `  agrégats statistiques recalculés (${refreshed.full ? 'complet' : 'incrémental'}) en ${(refreshed.durationMs / 1000).toFixed(1)} s`,
  );
  const sites = await db.selectFrom('site').select('id').orderBy('code').execute();
  const samples: number[] = [];
  for (let i = 0; i < opts.pages; i++) {
    const actor: Actor = {
      id: '00000000-0000-0000-0000-000000000000',
      role: 'responsable',
      siteId: sites[i % sites.length]!.id,
      teamIds: [],
    };
    const ctx: Ctx = { db, actor, now, requestId: `bench-stat-${i}` };
    const filter = parseFilter(defaultPeriod(now), now, []);
    const indicator = INDICATORS[i % INDICATORS.length]!;
    clearStatisticsCache();
    const t0 = performance.now();
    await scopeView(ctx);
    await indicatorTable(ctx, { indicator, groupBy: null, category: null, compare: false, filter });
    if (!indicator.startsWith('entrees'))
      await indicatorTable(ctx, { indicator, groupBy: 'arrondissement', category: 'total', compare: false, filter });
    await waitingTime(ctx, filter);
    await teamTable(ctx, filter);
    samples.push(performance.now() - t0);
  }
  return { refreshMs: refreshed.durationMs, refreshFull: refreshed.full, page: stats(samples) };
}
