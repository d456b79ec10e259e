import {
  ABSENCE_KIND_LABELS,
  absenceViewOf,
  canManageAbsence,
  type AbsenceDto,
  type AbsenceInput,
  type Actor,
} from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import { absencesBetween, findAbsence, findWorker, insertAbsence, markDeleted, type AbsenceRow } from './queries.js';

const DAY = 86_400_000;
const fmt = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** "congé du lundi 11 janvier à 09:00 au vendredi 15 janvier à 18:00", Paris time: what a clash names. */
export function describeAbsence(row: Pick<AbsenceRow, 'kind' | 'starts_at' | 'ends_at'>): string {
  const kind = ABSENCE_KIND_LABELS[row.kind].toLowerCase();
  return `${kind} du ${fmt.format(new Date(row.starts_at))} au ${fmt.format(new Date(row.ends_at))}`;
}

const refused = () =>
  forbidden('Les absences sont gérées par le travailleur social, le secrétariat et le responsable du site');

function viewOf(actor: Actor) {
  const view = absenceViewOf(actor);
  if (!view || !actor.siteId) throw refused();
  return { view, siteId: actor.siteId };
}

const present = (actor: Actor, r: AbsenceRow, siteId: string): AbsenceDto => ({
  id: r.id,
  workerId: r.user_id,
  workerName: r.worker_name,
  startsAt: new Date(r.starts_at).toISOString(),
  endsAt: new Date(r.ends_at).toISOString(),
  kind: r.kind,
  kindLabel: ABSENCE_KIND_LABELS[r.kind],
  canDelete: canManageAbsence(actor, { id: r.user_id, siteId, role: 'travailleur_social' }),
});

/**
 * Absences overlapping a period (docs/api.md, "Absences"): a social worker reads their own; a secretary and a
 * responsable those of their site (or of one worker of it). `from`/`to` are instants (the agenda passes Paris days).
 */
export async function absencesOf(
  ctx: Ctx,
  q: { from: Date; to: Date; workerId?: string },
  db: Queryable = ctx.db,
): Promise<AbsenceDto[]> {
  const { view, siteId } = viewOf(ctx.actor);
  if (q.to.getTime() - q.from.getTime() > 62 * DAY || q.to <= q.from)
    throw unprocessable('invalid_range', 'Période invalide (62 jours au plus)');
  const workerId = view === 'own' ? ctx.actor.id : q.workerId;
  const rows = await absencesBetween(db, { siteId, workerId, from: q.from, to: q.to });
  return rows.map((r) => present(ctx.actor, r, siteId));
}

/** Declares an absence: the worker's own, or a worker of the site for a secretary or a responsable. */
export async function declareAbsence(ctx: Ctx, input: AbsenceInput): Promise<{ id: string }> {
  const { siteId } = viewOf(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const worker = await findWorker(trx, input.workerId ?? ctx.actor.id);
    // A worker of another site does not exist for the caller.
    if (!worker || worker.siteId !== siteId) throw notFound('Professionnel');
    if (!canManageAbsence(ctx.actor, worker)) {
      if (worker.role !== 'travailleur_social')
        throw unprocessable('invalid_worker', 'Seules les absences des travailleurs sociaux sont déclarées ici', {
          workerId: 'Choisissez un travailleur social du site',
        });
      throw forbidden(
        'Un travailleur social déclare ses propres absences ; le secrétariat ou le responsable celles de l’équipe',
      );
    }
    const { id } = await insertAbsence(trx, {
      user_id: worker.id,
      site_id: siteId,
      starts_at: new Date(input.startsAt),
      ends_at: new Date(input.endsAt),
      kind: input.kind,
      created_by: ctx.actor.id,
      created_at: ctx.now,
    });
    await audit(trx, ctx, 'absence.create', {
      targetType: 'worker_absence',
      targetId: id,
      diff: { worker: worker.id, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt },
    });
    return { id };
  });
}

/** Withdraws an absence (kept, marked). A social worker who may not see it gets 404, like a missing one. */
export async function withdrawAbsence(ctx: Ctx, absenceId: string): Promise<void> {
  const { view, siteId } = viewOf(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findAbsence(trx, absenceId);
    if (!row || row.site_id !== siteId || (view === 'own' && row.user_id !== ctx.actor.id)) throw notFound('Absence');
    if (!canManageAbsence(ctx.actor, { id: row.user_id, siteId: row.worker_site_id, role: row.role }))
      throw forbidden('Cette absence est gérée par le travailleur social, le secrétariat ou le responsable du site');
    await markDeleted(trx, absenceId, ctx.actor.id, ctx.now);
    await audit(trx, ctx, 'absence.delete', { targetType: 'worker_absence', targetId: absenceId, diff: {} });
  });
}
