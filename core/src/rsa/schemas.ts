import { z } from 'zod';
import { AnyDate, OptionalText, RequiredText, Uuid, choiceError } from '../schemas/common.js';
import {
  ACTION_STATUSES,
  CONTRACT_DURATIONS,
  CONTRACT_KINDS,
  ETATDOSRSA,
  HOURS_REASONS,
  NATPF,
  ORGANISMES,
  ORIENTATION_KINDS,
  ROLEPERS,
  SITPERSDEMRSA,
} from './codes.js';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const codeOf = <T extends Record<string, string>>(o: T, label: string) =>
  z.enum(keys(o), { error: choiceError(label) });
const nullableCode = <T extends Record<string, string>>(o: T, label: string) =>
  z.preprocess((v) => (v === '' ? null : v), codeOf(o, label).nullable());
/** A date that may be left empty (null); `label` names the field in the message. */
const optionalDay = (label: string) =>
  z.preprocess(
    (v) => (v === '' ? null : v),
    z.iso
      .date({ error: `${label} : date invalide (jj/mm/aaaa)` })
      .pipe(AnyDate)
      .nullable(),
  );

/** `PUT /api/usagers/:id/rsa/members/:memberId`: the whole block of one person (null = unknown). */
export const RsaBlockInput = z
  .object({
    etatdosrsa: nullableCode(ETATDOSRSA, 'État du droit'),
    natpf: nullableCode(NATPF, 'Nature de la prestation'),
    toppersdrodevorsa: z.boolean({ error: 'Soumis aux droits et devoirs : oui ou non' }),
    rolepers: nullableCode(ROLEPERS, 'Rôle dans le foyer'),
    dateOuverture: optionalDay('Date d’ouverture du droit'),
    numAllocataire: z.preprocess(
      (v) => (v === '' ? null : v),
      z
        .string({ error: 'N° allocataire : texte attendu' })
        .trim()
        .regex(/^\d{7}$/, { error: 'N° allocataire CAF : 7 chiffres' })
        .nullable(),
    ),
    sitpersdemrsa: nullableCode(SITPERSDEMRSA, 'Situation à la demande'),
    ddSince: optionalDay('Entrée dans les droits et devoirs'),
  })
  .strict();
export type RsaBlockInput = z.infer<typeof RsaBlockInput>;
export const RSA_BLOCK_FIELDS = [
  'etatdosrsa',
  'natpf',
  'toppersdrodevorsa',
  'rolepers',
  'dateOuverture',
  'numAllocataire',
  'sitpersdemrsa',
  'ddSince',
] as const satisfies readonly (keyof RsaBlockInput)[];
export type RsaBlockField = (typeof RSA_BLOCK_FIELDS)[number];

export const RsaMemberParams = z.object({ id: Uuid, memberId: Uuid });

/** A transition of the orientation workflow. */
export const OrientationInput = z.discriminatedUnion(
  'to',
  [
    z.object({ to: z.literal('demandee'), requestedOn: AnyDate, reason: OptionalText(500, 'Motif') }).strict(),
    z
      .object({
        to: z.literal('orientee'),
        kind: codeOf(ORIENTATION_KINDS, 'Type d’orientation'),
        organisme: codeOf(ORGANISMES, 'Organisme référent'),
        decidedOn: AnyDate,
        notifiedOn: optionalDay('Date de notification').optional(),
        reason: OptionalText(500, 'Motif'),
      })
      .strict(),
    z
      .object({
        to: z.literal('reorientation_demandee'),
        requestedOn: AnyDate,
        reason: RequiredText(500, 'Motif de la réorientation'),
        epReference: OptionalText(200, 'Référence de l’avis de l’équipe pluridisciplinaire'),
      })
      .strict(),
    z.object({ to: z.literal('non_orientee'), reason: RequiredText(500, 'Motif du retrait') }).strict(),
  ],
  { error: 'Changement d’orientation inconnu' },
);
export type OrientationInput = z.infer<typeof OrientationInput>;

/** Naming the référent unique RSA (a worker) or the France Travail référent (a partner, by name). */
export const RsaReferentInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('referent_unique'), userId: Uuid, startOn: AnyDate }).strict(),
    z
      .object({
        kind: z.literal('france_travail'),
        partnerName: RequiredText(150, 'Nom du référent France Travail'),
        organisme: OptionalText(150, 'Agence'),
        startOn: AnyDate,
      })
      .strict(),
  ],
  { error: 'Type de référent inconnu' },
);
export type RsaReferentInput = z.infer<typeof RsaReferentInput>;

const ContractActionInput = z
  .object({
    actionId: Uuid,
    status: codeOf(ACTION_STATUSES, 'Statut de l’action').default('prevue'),
    note: OptionalText(500, 'Précision'),
  })
  .strict();

/** A contract (contrat d'engagement, or a legacy one entered as history) with its plan d'action. */
export const ContractInput = z
  .object({
    kind: codeOf(CONTRACT_KINDS, 'Type de contrat'),
    startOn: AnyDate,
    durationMonths: z.union(
      CONTRACT_DURATIONS.map((d) => z.literal(d)),
      { error: 'Durée : 3, 6, 9 ou 12 mois' },
    ),
    weeklyHours: z
      .number({ error: 'Heures par semaine : nombre attendu' })
      .int({ error: 'Heures par semaine : nombre entier attendu' })
      .min(0, { error: 'Heures par semaine : 0 au minimum' })
      .max(35, { error: 'Heures par semaine : 35 au maximum' })
      .nullable(),
    hoursReason: nullableCode(HOURS_REASONS, 'Motif de la durée réduite').optional(),
    hoursReasonText: OptionalText(300, 'Précision du motif'),
    signedOn: optionalDay('Date de signature').optional(),
    /** The contract this one renews (same person). */
    renewalOf: Uuid.nullable().optional(),
    actions: z.array(ContractActionInput, { error: 'Plan d’action : liste attendue' }).max(30).default([]),
  })
  .strict();
export type ContractInput = z.infer<typeof ContractInput>;

export const ContractParams = z.object({ id: Uuid, contractId: Uuid });
/** The plan d'action's statuses (and added actions), as a whole: `PUT …/contracts/:contractId/plan`. */
export const ContractPlanInput = z
  .object({ actions: z.array(ContractActionInput, { error: 'Plan d’action : liste attendue' }).max(30) })
  .strict();
export type ContractPlanInput = z.infer<typeof ContractPlanInput>;
export const ContractSignInput = z.object({ signedOn: AnyDate, documentId: Uuid.nullable().optional() }).strict();

/** Admin: one action of the referential (theme → objective → action). */
export const ActionRefInput = z
  .object({
    theme: RequiredText(100, 'Thème'),
    objective: RequiredText(150, 'Objectif'),
    label: RequiredText(200, 'Action'),
    active: z.boolean({ error: 'Active : oui ou non' }).default(true),
  })
  .strict();
export type ActionRefInput = z.infer<typeof ActionRefInput>;

/** Strict, like every statistics query: an unknown filter is refused, never ignored (docs/security.md, Statistics). */
export const OarsaQuery = z.strictObject({
  year: z.coerce
    .number({ error: 'Année attendue' })
    .int({ error: 'Année attendue' })
    .min(2009, { error: 'Année : 2009 au plus tôt' })
    .max(2100, { error: 'Année : 2100 au plus tard' }),
});
