import { z } from 'zod';
import { AnyDate, Uuid, choiceError } from './common.js';

/**
 * Why a worker is away, from a short list: never free text, never the health reason of a sick leave
 * (docs/api.md, "Absences").
 */
export const ABSENCE_KINDS = ['conge', 'formation', 'reunion', 'autre'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const ABSENCE_KIND_LABELS: Record<AbsenceKind, string> = {
  conge: 'Congé',
  formation: 'Formation',
  reunion: 'Réunion extérieure',
  autre: 'Absence',
};

/** An instant with its offset, between 1900 and 2100. */
const Instant = z.iso
  .datetime({ offset: true, error: 'Date et heure invalides : saisissez jj/mm/aaaa et hh:mm' })
  .refine((d) => d >= '1900-01-01' && d < '2101-01-01', { error: 'Date et heure hors limites (1900 à 2100)' });

/** A declared absence: the worker's own (no `workerId`), or a worker of the site for a secretary or a responsable. */
export const AbsenceInput = z
  .object({
    workerId: Uuid.optional(),
    startsAt: Instant,
    endsAt: Instant,
    kind: z.enum(ABSENCE_KINDS, { error: choiceError('Motif d’absence') }),
  })
  .strict()
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), {
    error: 'La fin de l’absence doit suivre son début',
    path: ['endsAt'],
  })
  .refine((a) => Date.parse(a.endsAt) - Date.parse(a.startsAt) <= 366 * 86_400_000, {
    error: 'Une absence dure un an au plus',
    path: ['endsAt'],
  });
export type AbsenceInput = z.infer<typeof AbsenceInput>;

/** The absences of a period (at most 62 days), of one worker or of the caller's site. */
export const AbsenceQuery = z.object({
  from: z.iso.date({ error: 'Date de début invalide : saisissez jj/mm/aaaa' }).pipe(AnyDate),
  to: z.iso.date({ error: 'Date de fin invalide : saisissez jj/mm/aaaa' }).pipe(AnyDate),
  workerId: Uuid.optional(),
});

export const AbsenceParams = z.object({ absenceId: Uuid });
/** Withdrawing an absence takes no body. */
export const AbsenceDeleteInput = z.object({}).strict();

export interface AbsenceDto {
  id: string;
  workerId: string;
  workerName: string;
  startsAt: string;
  endsAt: string;
  kind: AbsenceKind;
  kindLabel: string;
  /** The caller may withdraw it (its worker, or a secretary or responsable of the site). */
  canDelete: boolean;
}
