import {
  APPOINTMENT_WORKFLOW,
  canReadFullUsager,
  canReadGeneralUsager,
  type EntryDto,
  type TimelineQuery,
} from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { historyOf } from '../workflows/index.js';
import { presentEntry } from './present.js';
import { motifCodeLabels, timelinePage, timelineScope } from './queries.js';

export const motifLabels = async (db: Queryable) => new Map((await motifCodeLabels(db)).map((m) => [m.code, m.label]));

/**
 * The file's timeline, newest first, filterable by type and motif, paginated by keyset on (occurred_at, id).
 * Which entries appear is decided in SQL; which notes are shown, by the presenter.
 */
export async function listTimeline(
  ctx: Ctx,
  fileId: string,
  q: TimelineQuery,
): Promise<{ items: EntryDto[]; next: string | null }> {
  const file = await loadAuthorizedUsager(ctx.db, ctx.actor, fileId, canReadGeneralUsager);
  const secretary = ctx.actor.role === 'secretaire' && ctx.actor.siteId === file.siteId;
  const scope = timelineScope(ctx.actor, canReadFullUsager(ctx.actor, file), secretary);
  const [beforeAt, beforeId] = q.before ? q.before.split('|') : [undefined, undefined];
  const rows = await timelinePage(ctx.db, fileId, scope, {
    type: q.type,
    motif: q.motif,
    before: beforeAt && beforeId ? { at: new Date(beforeAt), id: beforeId } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const labels = await motifLabels(ctx.db);
  const history = await historyOf(
    ctx.db,
    APPOINTMENT_WORKFLOW.name,
    page.filter((r) => r.type === 'rendez_vous').map((r) => r.id),
  );
  const items = page.map((r) =>
    presentEntry(ctx.actor, file, r, labels, {
      now: ctx.now,
      history: history
        .filter((h) => h.subjectId === r.id)
        .map((h) => ({ from: h.from, to: h.to, at: h.at.toISOString(), actorName: h.actorName, reason: h.reason })),
    }),
  );
  await logAccess(
    ctx.db,
    ctx,
    fileId,
    items.some((i) => i.note !== undefined && i.note !== null) ? 'journal_notes' : 'journal',
  );
  const last = page[page.length - 1];
  return {
    items,
    next: rows.length > q.limit && last ? `${new Date(last.occurred_at).toISOString()}|${last.id}` : null,
  };
}
