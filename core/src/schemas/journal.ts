import { z } from 'zod';
import { APPOINTMENT_STATUSES, ENTRY_TYPES, NOTE_VISIBILITIES, PLACES, type EntryType } from '../domain/journal.js';
import {
  AnyDate,
  OptionalText,
  RequiredText,
  Uuid,
  hasNoControlChars,
  hasNoLoneSurrogate,
  loneSurrogateError,
} from './common.js';

/** An instant with its offset, between 1900 and 2100 (the database refuses year 0). */
const DateTime = z.iso
  .datetime({ offset: true, error: 'Date et heure invalides' })
  .refine((d) => d >= '1900-01-01' && d < '2101-01-01', { error: 'Date et heure hors limites (1900 à 2100)' });
/** A motif code as sent in a list or a filter: control characters never reach the database. */
const MotifCode = z
  .string()
  .trim()
  .max(40)
  .refine(hasNoControlChars, { error: 'Motif : caractères de contrôle non autorisés' })
  .refine(hasNoLoneSurrogate, loneSurrogateError('Motif'));

/** A new journal entry. Only the type and the date are required: a phone call is recorded in a few keys. */
export const CreateEntryInput = z
  .object({
    type: z.enum(ENTRY_TYPES, { error: 'Type d’entrée invalide' }),
    occurredAt: DateTime,
    durationMinutes: z
      .number({ error: 'Durée : nombre de minutes' })
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .optional(),
    /** End of an appointment; defaults to the start + duration. */
    place: z.enum(PLACES, { error: 'Lieu invalide' }).nullable().optional(),
    motifs: z
      .array(MotifCode.pipe(z.string().min(1)))
      .max(10, { error: '10 motifs au maximum' })
      .default([]),
    /** Household members concerned, besides the file's principal person. */
    personIds: z.array(Uuid).max(20).default([]),
    /** Other workers present (co-intervention). */
    workerIds: z.array(Uuid).max(5).default([]),
    /** For an appointment booked for another worker of the site (secretaries book for anyone). */
    appointmentWorkerId: Uuid.optional(),
    note: OptionalText(20_000, 'Note'),
    visibility: z.enum(NOTE_VISIBILITIES, { error: 'Visibilité invalide' }).default('referents'),
    /** Required when the linter flags the note: the author confirms the wording. */
    confirmFlags: z.boolean().default(false),
    /** An appointment over a slot the worker already has is saved only when the person booking confirms it. */
    confirmClash: z.boolean().default(false),
    partnerId: Uuid.optional(),
    orientationReason: OptionalText(500, 'Motif de l’orientation'),
  })
  .strict();
export type CreateEntryInput = z.infer<typeof CreateEntryInput>;

export const UpdateEntryInput = z
  .object({
    version: z.number().int().nonnegative(),
    occurredAt: DateTime.optional(),
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .optional(),
    place: z.enum(PLACES, { error: 'Lieu invalide' }).nullable().optional(),
    motifs: z
      .array(MotifCode.pipe(z.string().min(1)))
      .max(10)
      .optional(),
    note: OptionalText(20_000, 'Note'),
    visibility: z.enum(NOTE_VISIBILITIES, { error: 'Visibilité invalide' }).optional(),
    confirmFlags: z.boolean().default(false),
    orientationOutcome: OptionalText(500, 'Suite donnée'),
    /** An appointment moved to another worker of the site (the slot is checked again). */
    appointmentWorkerId: Uuid.optional(),
    /** Moving an appointment onto a taken slot or an absence is saved only when the person confirms it. */
    confirmClash: z.boolean().default(false),
  })
  .strict();
export type UpdateEntryInput = z.infer<typeof UpdateEntryInput>;

export const DeleteEntryInput = z.object({ reason: RequiredText(300, 'Le motif de suppression') }).strict();

export const AppointmentStatusInput = z
  .object({
    status: z.enum(APPOINTMENT_STATUSES, { error: 'Statut invalide' }),
    /** Why (a correction, a cancellation): kept in the workflow history. */
    reason: z.string().trim().max(300, { error: 'Motif trop long (300 caractères au plus)' }).optional(),
  })
  .strict();

export const EntryParams = z.object({ id: Uuid, entryId: Uuid });

export const TimelineQuery = z.object({
  type: z.enum(ENTRY_TYPES, { error: 'Type d’entrée invalide' }).optional(),
  motif: MotifCode.optional(),
  /** Keyset cursor: the last entry seen, as "occurredAt|id". */
  before: z
    .string()
    .regex(/^[0-9TZ:.+-]+\|[0-9a-f-]{36}$/, { error: 'Curseur invalide' })
    .refine((c) => DateTime.safeParse(c.split('|')[0]).success && Uuid.safeParse(c.split('|')[1]).success, {
      error: 'Curseur invalide',
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const AgendaQuery = z.object({
  from: z.iso.date({ error: 'Date de début invalide' }).pipe(AnyDate),
  to: z.iso.date({ error: 'Date de fin invalide' }).pipe(AnyDate),
  workerId: Uuid.optional(),
  /** Site view (secretaries, responsables): every worker of the site. */
  site: z.enum(['1']).optional(),
});

/** The responsable's view of the teams' agenda load: a period of at most 62 days. */
export const AgendaLoadQuery = z.object({
  from: z.iso.date({ error: 'Date de début invalide' }).pipe(AnyDate),
  to: z.iso.date({ error: 'Date de fin invalide' }).pipe(AnyDate),
});

export const PartnerInput = z
  .object({
    name: RequiredText(150, 'Le nom du partenaire'),
    kind: RequiredText(60, 'Le type de partenaire'),
    address: OptionalText(200, 'Adresse'),
    phone: OptionalText(30, 'Téléphone'),
    active: z.boolean().default(true),
  })
  .strict();

export const MotifInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,40}$/, { error: 'Code : minuscules, chiffres et _ (2 à 40)' }),
    label: RequiredText(100, 'Le libellé'),
    active: z.boolean().default(true),
  })
  .strict();
export const UpdateMotifInput = MotifInput.omit({ code: true }).partial().strict();

/** The fields that belong to one entry type only; the others never carry them (docs/api.md, Journal, agenda, catalogues). */
export type EntryTypeField = 'partnerId' | 'orientationReason' | 'appointmentWorkerId';

export interface EntryTypeRule {
  /** Fields of this type, sent and stored only for it. */
  fields: readonly EntryTypeField[];
  /** The field it cannot go without, with the French answer when it is missing (code, message, field message). */
  required?: { field: EntryTypeField; code: string; message: string; fieldMessage: string };
}

/**
 * Rules keyed on the entry type, one table for the server's check and the web form: an orientation needs a partner,
 * a rendez-vous a worker (the social worker recording it when none is named, so the server checks after that default).
 */
export const ENTRY_TYPE_RULES: Partial<Record<EntryType, EntryTypeRule>> = {
  orientation: {
    fields: ['partnerId', 'orientationReason'],
    required: {
      field: 'partnerId',
      code: 'partner_required',
      message: 'Choisissez le partenaire vers lequel vous orientez',
      fieldMessage: 'Partenaire obligatoire',
    },
  },
  rendez_vous: {
    fields: ['appointmentWorkerId'],
    required: {
      field: 'appointmentWorkerId',
      code: 'worker_required',
      message: 'Indiquez le professionnel du rendez-vous',
      fieldMessage: 'Professionnel obligatoire',
    },
  },
};

/** Whether `field` belongs to entries of `type`. */
export const entryTypeHasField = (type: EntryType, field: EntryTypeField): boolean =>
  ENTRY_TYPE_RULES[type]?.fields.includes(field) ?? false;

/** The requirement of `type` that `values` leave unmet, or null. */
export const missingForEntryType = (
  type: EntryType,
  values: Partial<Record<EntryTypeField, string | null | undefined>>,
): EntryTypeRule['required'] | null => {
  const required = ENTRY_TYPE_RULES[type]?.required;
  return required && !values[required.field] ? required : null;
};
