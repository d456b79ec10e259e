import { agendaViewOf, canListTodo, parisMidnight, type AgendaItemDto, type Place } from '@jalon/core';
import { type Ctx } from '../../context.js';
import { forbidden, unprocessable } from '../../errors.js';
import { displayName } from '../usagers/index.js';
import { expiringDocuments } from '../documents/index.js';

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
  const rows = await ctx.db
    .selectFrom('journal_entry as e')
    .innerJoin('case_file as cf', 'cf.id', 'e.case_file_id')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .leftJoin('app_user as w', 'w.id', 'e.appointment_worker_id')
    .select([
      'e.id',
      'e.case_file_id',
      'cf.file_number',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'e.appointment_worker_id',
      'w.display_name as worker_name',
      'e.occurred_at',
      'e.duration_minutes',
      'e.place',
      'e.appointment_status',
    ])
    .where('e.type', '=', 'rendez_vous')
    .where('e.deleted_at', 'is', null)
    .where('cf.site_id', '=', a.siteId)
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .$if(Boolean(worker), (qb) => qb.where('e.appointment_worker_id', '=', worker ?? ''))
    .orderBy('e.occurred_at')
    .limit(2000)
    .execute();
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
  const base = () =>
    ctx.db
      .selectFrom('journal_entry as e')
      .innerJoin('case_file as cf', 'cf.id', 'e.case_file_id')
      .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
      .select([
        'e.id',
        'e.case_file_id',
        'cf.file_number',
        'p.birth_name',
        'p.used_name',
        'p.first_names',
        'e.occurred_at',
        'e.type',
      ])
      .where('e.deleted_at', 'is', null);
  const unreported = await base()
    .where('e.type', '=', 'rendez_vous')
    .where('e.appointment_worker_id', '=', a.id)
    .where('e.appointment_status', '=', 'prevu')
    .where('e.occurred_at', '<', ctx.now)
    .orderBy('e.occurred_at')
    .limit(100)
    .execute();
  const pending = await base()
    .where('e.type', '=', 'orientation')
    .where('e.author_id', '=', a.id)
    .where('e.orientation_outcome', 'is', null)
    .where('e.occurred_at', '<', new Date(ctx.now.getTime() - 15 * DAY))
    .orderBy('e.occurred_at')
    .limit(100)
    .execute();
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
