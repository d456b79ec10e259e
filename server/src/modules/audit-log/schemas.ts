import {
  ACCESS_PARTS,
  AnyDate,
  hasNoControlChars,
  hasNoLoneSurrogate,
  loneSurrogateError,
  Uuid,
  type AccessPart,
} from '@jalon/core';
import { z } from 'zod';

const purpose = z
  .string({ error: 'Le motif est obligatoire' })
  .trim()
  .min(10, { error: 'Motif : 10 caractères au moins' })
  .max(300, { error: 'Motif : 300 caractères au maximum' })
  .refine(hasNoControlChars, { error: 'Motif : caractères de contrôle non autorisés' })
  .refine(hasNoLoneSurrogate, loneSurrogateError('Motif'));

/** Filters common to both logs: who (user), which file, which period (Paris days, inclusive). */
const common = {
  purpose,
  userId: Uuid.optional(),
  caseFileId: Uuid.optional(),
  /** The file number people read (the id stays accepted for links). */
  fileNumber: z
    .string()
    .trim()
    .max(40, { error: 'Numéro de dossier : 40 caractères au maximum' })
    .refine(hasNoControlChars, { error: 'Numéro de dossier : caractères de contrôle non autorisés' })
    .optional(),
  from: AnyDate.optional(),
  to: AnyDate.optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodError = { error: 'Période : la date de début doit précéder la date de fin', path: ['to'] };

export const AuditSearchQuery = z
  .object({
    ...common,
    action: z
      .string()
      .trim()
      .max(60)
      .refine(hasNoControlChars, { error: 'Action : caractères de contrôle non autorisés' })
      .refine(hasNoLoneSurrogate, loneSurrogateError('Action'))
      .optional(),
  })
  .refine(periodInOrder, periodError);
export type AuditSearchQuery = z.infer<typeof AuditSearchQuery>;

/** The parts come from the one catalogue in core (core/src/labels): every part a read logs can be filtered on. */
export const AccessSearchQuery = z
  .object({
    ...common,
    part: z
      .enum(ACCESS_PARTS as [AccessPart, ...AccessPart[]], {
        error: 'Partie consultée : choisissez une valeur de la liste',
      })
      .optional(),
  })
  .refine(periodInOrder, periodError);
export type AccessSearchQuery = z.infer<typeof AccessSearchQuery>;
