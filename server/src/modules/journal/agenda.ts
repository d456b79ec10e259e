import { agendaViewOf, canListTodo, parisMidnight, type AgendaItemDto, type Place } from '@jalon/core';
import { type Ctx } from '../../context.js';
import { forbidden, unprocessable } from '../../errors.js';
import { displayName } from '../usagers/index.js';
import { expiringDocuments } from '../documents/index.js';
import { agendaAppointments, pendingOrientations, unreportedAppointments } from './agenda-queries.js';

const DAY = 86_400_000;
export { parisMidnight };
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * Appointments between two dates. A social worker sees their own agenda; a secretary books for the whole site
 * (site view, any worker). Nobody else gets anyone's agenda: no view of a named worker's activity above the worker.
 */
export async function listAgenda(
  ctx: Ctx,
  q: { from: string; to: string; workerId?: string; site?: '1' },
): Promise<{ items: AgendaItemDto[] }> {
  const a = ctx.actor;
  const view = agendaViewOf(a);
  if (!view) throw forbidden('Agenda réservé aux travailleurs sociaux et au secrétariat');
  const from = parisMidnight(q.from);
  const to = parisMidnight(nextDay(q.to));
  if (to.getTime() - from.getTime() > 62 * DAY || to <= from)
    throw unprocessable('invalid_range', 'Période invalide (62 jours au plus)');
  const siteView = view === 'site';
  const worker = siteView ? q.workerId : a.id;
  const rows = await agendaAppointments(ctx.db, a.siteId, from, to, worker);
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseFileId: r.case_file_id,
      fileNumber: r.file_number,
      usagerName: displayName(r),
      workerId: r.appointment_worker_id,
      workerName: r.worker_name,
      startsAt: new Date(r.occurred_at).toISOString(),
      durationMinutes: r.duration_minutes,
      place: r.place as Place | null,
      status: r.appointment_status,
    })),
  };
}

/** "À faire", computed from the data: unreported appointments and orientations waiting for their outcome. */
export async function listTodo(ctx: Ctx) {
  const a = ctx.actor;
  if (!canListTodo(a)) return { unreportedAppointments: [], pendingOrientations: [], expiringDocuments: [] };
  const unreported = await unreportedAppointments(ctx.db, a.id, ctx.now);
  const pending = await pendingOrientations(ctx.db, a.id, new Date(ctx.now.getTime() - 15 * DAY));
  const item = (r: (typeof unreported)[number]) => ({
    entryId: r.id,
    caseFileId: r.case_file_id,
    fileNumber: r.file_number,
    usagerName: displayName(r),
    at: new Date(r.occurred_at).toISOString(),
  });
  return {
    unreportedAppointments: unreported.map(item),
    pendingOrientations: pending.map(item),
    expiringDocuments: await expiringDocuments(ctx),
  };
}
