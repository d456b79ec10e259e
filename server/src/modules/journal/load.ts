import type { Ctx } from '../../context.js';
import { forbidden, unprocessable } from '../../errors.js';
import { parisMidnight } from './agenda.js';
import { siteAgendaLoad } from './load-queries.js';

const DAY = 86_400_000;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * The team's agenda load for the responsable of a site: appointments per day and per team, counts only. Never per
 * worker: a responsable sees how busy the teams are, not anyone's productivity.
 */
export async function agendaLoad(ctx: Ctx, q: { from: string; to: string }) {
  const a = ctx.actor;
  if (a.role !== 'responsable' || !a.siteId) throw forbidden('Charge des agendas réservée au responsable du site');
  const from = parisMidnight(q.from);
  const to = parisMidnight(nextDay(q.to));
  if (to.getTime() - from.getTime() > 62 * DAY || to <= from)
    throw unprocessable('invalid_range', 'Période invalide (62 jours au plus)');
  const rows = await siteAgendaLoad(ctx.db, a.siteId, from, to);
  return {
    items: rows.map((r) => ({ day: r.day, teamName: r.team_name ?? 'Sans équipe', appointments: Number(r.n) })),
  };
}
