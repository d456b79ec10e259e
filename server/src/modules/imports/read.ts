import {
  canImportToSite,
  type ImportCountsDto,
  type ImportDto,
  type ImportPreviewRowDto,
  type ImportProfile,
  type ImportStatus,
  type LegacyMappedField,
  type RowDecision,
  type RowState,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import type { ImportOptions } from './pipeline.js';
import { jobProgress, listImports, listProfiles, rowCounts, rowsForReading } from './queries.js';
import { loadImport } from './service.js';

type ReadRow = Awaited<ReturnType<typeof rowsForReading>>[number];

export const presentRow = (r: ReadRow): ImportPreviewRowDto => ({
  id: r.id,
  seq: r.seq,
  state: r.state as RowState,
  decision: r.decision as RowDecision | null,
  reason: r.reason,
  values: (r.values_preview ?? {}) as Record<string, string | null>,
  matchFileNumber: r.result_number ?? r.match_number ?? null,
});

export function countsOf(rows: { state: string; decision: string | null; n: string }[]): ImportCountsDto {
  const c: ImportCountsDto = {
    total: 0,
    rejected: 0,
    create: 0,
    merge: 0,
    skip: 0,
    history: 0,
    member: 0,
    committed: 0,
    skipped: 0,
  };
  for (const r of rows) {
    const n = Number(r.n);
    c.total += n;
    if (r.state === 'rejected') c.rejected += n;
    if (r.state === 'committed') c.committed += n;
    if (r.state === 'skipped') c.skipped += n;
    if (r.decision && r.decision in c) c[r.decision as keyof ImportCountsDto] += n;
  }
  return c;
}

/** An import's status, counts, preview, first errors and merge proposals (docs/api.md, "Imports"). */
export async function readImport(ctx: Ctx, id: string): Promise<ImportDto> {
  const imp = await loadImport(ctx, id);
  const [counts, preview, errors, merges, job] = await Promise.all([
    rowCounts(ctx.db, id),
    rowsForReading(ctx.db, id, { limit: 20 }),
    rowsForReading(ctx.db, id, { state: 'rejected', limit: 50 }),
    rowsForReading(ctx.db, id, { decision: 'merge', limit: 500 }),
    imp.job_id ? jobProgress(ctx.db, imp.job_id) : undefined,
  ]);
  const options = (imp.options ?? {}) as ImportOptions;
  const status = imp.status as ImportStatus;
  return {
    id: imp.id,
    source: imp.source,
    format: imp.format,
    fileName: imp.file_name,
    siteId: imp.site_id,
    status,
    error: imp.error ?? (job?.state === 'pending' || job?.state === 'dead' ? job.last_error : null),
    createdAt: new Date(imp.created_at).toISOString(),
    committedAt: imp.committed_at ? new Date(imp.committed_at).toISOString() : null,
    progress: job ? { done: job.progress_done ?? 0, total: job.progress_total } : null,
    counts: countsOf(counts),
    profile: imp.profile as ImportProfile,
    unmapped: (options.unmapped ?? []) as { field: LegacyMappedField; value: string; count: number }[],
    preview: preview.map(presentRow),
    errors: errors.map((r) => ({ seq: r.seq, reason: r.reason ?? '' })),
    merges: merges.map(presentRow),
    can: { commit: status === 'ready' && !(options.unmapped ?? []).length, map: status === 'ready' },
  };
}

/** The recent imports of the caller's site (all sites for the administrator). */
export async function listRecentImports(ctx: Ctx) {
  const rows = await listImports(ctx.db, ctx.actor.role === 'admin_fonctionnel' ? null : ctx.actor.siteId);
  return rows
    .filter((r) => canImportToSite(ctx.actor, r.site_id))
    .map((r) => ({
      id: r.id,
      source: r.source,
      fileName: r.file_name,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
    }));
}

/**
 * The column-mapping profiles saved for the sites the caller imports to (every site for the administrator), and the
 * ones saved for every site; nothing for a caller who imports nowhere.
 */
export async function listImportProfiles(ctx: Ctx) {
  const admin = ctx.actor.role === 'admin_fonctionnel';
  if (!admin && !(ctx.actor.role === 'responsable' && ctx.actor.siteId)) return [];
  const rows = await listProfiles(ctx.db, admin ? null : ctx.actor.siteId);
  return rows
    .filter((r) => r.site_id === null || canImportToSite(ctx.actor, r.site_id))
    .map((r) => ({ id: r.id, source: r.source, name: r.name, siteId: r.site_id }));
}
