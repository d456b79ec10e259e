import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { describeAbsence, overlappingAbsences } from '../absences/index.js';
import { DEFAULT_APPOINTMENT_MINUTES, overlappingAppointments, type ClashRow } from './clash-queries.js';

const timeFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const dayFmt = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "mardi 8 décembre, 10:00–10:30" in Paris time. */
export function describeSlot(row: ClashRow): string {
  const start = new Date(row.occurred_at);
  const end = new Date(start.getTime() + (row.duration_minutes ?? DEFAULT_APPOINTMENT_MINUTES) * 60_000);
  return `${dayFmt.format(start)}, ${timeFmt.format(start)}–${timeFmt.format(end)}`;
}

export interface ClashCheck {
  caseFileId: string;
  workerId: string;
  start: Date;
  durationMinutes: number | null | undefined;
  /** The person booking saw the clash and chose to book anyway. */
  confirmed: boolean;
  /** The appointment being moved, which does not clash with itself. */
  exceptId?: string;
}

/**
 * Double booking (docs/api.md, "Journal", clashes): a worker's appointment is checked before saving against the worker's
 * other appointments and declared absences (docs/api.md, "Absences"). A clash refuses the booking (409
 * `appointment_clash`, the taken slots and absences named in French) unless the caller confirms it; a confirmed clash is
 * saved with an audit row and comes back as a warning.
 */
export async function checkClashes(
  trx: Queryable,
  ctx: Ctx,
  check: ClashCheck,
): Promise<{ code: string; message: string }[]> {
  const minutes = check.durationMinutes ?? DEFAULT_APPOINTMENT_MINUTES;
  const end = new Date(check.start.getTime() + Math.max(minutes, 1) * 60_000);
  const clashes = await overlappingAppointments(trx, check.workerId, check.start, end, check.exceptId);
  const absences = await overlappingAbsences(trx, check.workerId, check.start, end);
  if (!clashes.length && !absences.length) return [];
  const slots = clashes.map(describeSlot);
  const away = absences.map(describeAbsence);
  if (!check.confirmed) {
    const parts = [
      ...(clashes.length
        ? [
            `a déjà ${clashes.length > 1 ? `${clashes.length} rendez-vous` : 'un rendez-vous'} sur ce créneau (${slots.join(' ; ')})`,
          ]
        : []),
      ...(absences.length ? [`est absent : ${away.join(' ; ')}`] : []),
    ];
    throw new AppError(
      409,
      'appointment_clash',
      `Le professionnel ${parts.join(' et ')}. Choisissez un autre horaire ou confirmez la réservation.`,
      {
        occurredAt: [
          ...(slots.length ? [`Créneau déjà pris : ${slots.join(' ; ')}`] : []),
          ...(away.length ? [`Professionnel absent : ${away.join(' ; ')}`] : []),
        ].join(' ; '),
      },
    );
  }
  await audit(trx, ctx, 'appointment.clash_confirmed', {
    caseFileId: check.caseFileId,
    targetType: 'app_user',
    targetId: check.workerId,
    diff: { clashes: clashes.length, absences: absences.length },
  });
  return [
    ...(clashes.length
      ? [
          {
            code: 'overlap',
            message: `Double réservation confirmée : ${clashes.length} autre(s) rendez-vous du professionnel sur ce créneau.`,
          },
        ]
      : []),
    ...(absences.length
      ? [{ code: 'absence', message: `Rendez-vous confirmé pendant une absence déclarée : ${away.join(' ; ')}.` }]
      : []),
  ];
}
