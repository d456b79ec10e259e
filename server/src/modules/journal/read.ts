import {
  APPOINTMENT_WORKFLOW,
  canReadFullUsager,
  canReadGeneralUsager,
  type EntryDto,
  type TimelineQuery,
} from '@jalon/core';
import { sql } from 'kysely';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { historyOf } from '../workflows/index.js';
import { presentEntry } from './present.js';
import { entriesOfFile, timelineScope } from './queries.js';

export const motifLabels = async (db: Queryable) =>
  new Map((await db.selectFrom('motif').select(['code', 'label']).execute()).map((m) => [m.code, m.label]));

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
  const rows = await entriesOfFile(ctx.db, fileId)
    .$if(scope !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('e.author_id', '=', scope?.authorId ?? ''),
          ...(scope?.types.length ? [eb('e.type', 'in', scope.types)] : []),
        ]),
      ),
    )
    .$if(Boolean(q.type), (qb) => qb.where('e.type', '=', q.type as never))
    .$if(Boolean(q.motif), (qb) => qb.where(sql<boolean>`${q.motif ?? ''} = any(e.motifs)`))
    .$if(Boolean(beforeAt && beforeId), (qb) =>
      qb.where(sql<boolean>`(e.occurred_at, e.id) < (${new Date(beforeAt ?? 0)}, ${beforeId ?? ''}::uuid)`),
    )
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(q.limit + 1)
    .execute();
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
