import {
  canPlanEpSession,
  canReadRsaEp,
  canSeeEpSessions,
  type EpPassageDto,
  type EpSessionDto,
  type EpSessionInput,
} from '@jalon/core';
import { authorizedFileIds } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import { historyOf } from '../workflows/index.js';
import { presentPassage, presentSession } from './present.js';
import { findSession, insertSession, listSessions, passagesOfSession, sanctionsOfPassages } from './queries.js';

/** EP sessions of the caller's site (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"). */

const today = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

export async function listEpSessions(ctx: Ctx): Promise<EpSessionDto[]> {
  if (!canSeeEpSessions(ctx.actor)) throw forbidden();
  const from = new Date(ctx.now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const rows = await listSessions(ctx.db, ctx.actor.siteId ?? '', from);
  return rows.map((r) => presentSession(r, Number(r.passage_count ?? 0)));
}

export async function createEpSession(ctx: Ctx, input: EpSessionInput): Promise<{ id: string }> {
  if (!canPlanEpSession(ctx.actor)) throw forbidden('Seul·e le·la responsable de site planifie une séance d’EP');
  if (input.date < today(ctx))
    throw unprocessable('ep_session_past', 'Une séance se planifie à partir d’aujourd’hui', {
      date: 'Date passée',
    });
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertSession(trx, {
      siteId: ctx.actor.siteId ?? '',
      date: input.date,
      place: input.place ?? null,
      members: input.members,
      representatives: input.representatives,
      by: ctx.actor.id,
      at: ctx.now,
    });
    await audit(trx, ctx, 'rsa_ep_session.create', {
      targetType: 'rsa_ep_session',
      targetId: id,
      diff: { date: input.date, members: input.members.length, representatives: input.representatives.length },
    });
    return { id };
  });
}

/**
 * A session with the passages the caller may see: the site manager (who decides) sees every passage of the site's
 * session, a worker those of the files they follow; each file shown is access-logged.
 */
export async function readEpSession(
  ctx: Ctx,
  sessionId: string,
): Promise<EpSessionDto & { passages: EpPassageDto[]; hidden: number }> {
  const session = await findSession(ctx.db, sessionId);
  if (!session || !canSeeEpSessions(ctx.actor) || session.site_id !== ctx.actor.siteId) throw notFound('Séance');
  const rows = (await passagesOfSession(ctx.db, sessionId)).filter((r) => r.state !== 'annule');
  const ids = [...new Set(rows.map((r) => r.case_file_id))];
  const visible = new Set(
    ctx.actor.role === 'responsable' ? ids : await authorizedFileIds(ctx.db, ctx.actor, ids, canReadRsaEp),
  );
  const shown = rows.filter((r) => visible.has(r.case_file_id));
  const sanctions = new Map(
    (
      await sanctionsOfPassages(
        ctx.db,
        shown.map((r) => r.id),
      )
    ).map((s) => [s.passage_id, s]),
  );
  const history = await historyOf(
    ctx.db,
    'rsa_ep',
    shown.map((r) => r.id),
  );
  for (const fileId of new Set(shown.map((r) => r.case_file_id))) await logAccess(ctx.db, ctx, fileId, 'rsa_ep');
  return {
    ...presentSession(session, rows.length),
    passages: shown.map((r) =>
      presentPassage(
        r,
        sanctions.get(r.id),
        history.filter((h) => h.subjectId === r.id),
        ctx.actor,
        ctx.now,
      ),
    ),
    hidden: rows.length - shown.length,
  };
}
