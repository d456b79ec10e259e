import { z } from 'zod';
import { AnyDate, OptionalText, RequiredText, Uuid } from '../schemas/common.js';
import { EP_MOTIFS, type EpMotif } from './workflow.js';

/** Inputs of the équipe pluridisciplinaire (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"). */

export const EP_OUTCOMES = ['sanction', 'pas_de_sanction', 'reorientation', 'maintien'] as const;
export type EpOutcome = (typeof EP_OUTCOMES)[number];
export const EP_OUTCOME_LABELS: Record<EpOutcome, string> = {
  sanction: 'Suspension-remobilisation',
  pas_de_sanction: 'Pas de sanction',
  reorientation: 'Réorientation',
  maintien: 'Maintien de l’orientation',
};
/** The outcomes that answer each motif. */
export const OUTCOMES_BY_MOTIF: Record<EpMotif, readonly EpOutcome[]> = {
  manquement: ['sanction', 'pas_de_sanction'],
  reorientation: ['reorientation', 'maintien'],
};

const Member = z
  .object({
    organisation: RequiredText(120, 'Organisme'),
    name: RequiredText(120, 'Nom du membre'),
  })
  .strict();
const Representative = z.object({ name: RequiredText(120, 'Nom du représentant') }).strict();

export const EpSessionInput = z
  .object({
    date: AnyDate,
    place: OptionalText(200, 'Lieu'),
    members: z
      .array(Member, { error: 'Membres : liste attendue' })
      .min(1, { error: 'Indiquez au moins un membre' })
      .max(40, { error: '40 membres au maximum' }),
    representatives: z
      .array(Representative, { error: 'Représentants : liste attendue' })
      .max(10, { error: '10 représentants au maximum' })
      .default([]),
  })
  .strict();
export type EpSessionInput = z.infer<typeof EpSessionInput>;

export const EpInscriptionInput = z
  .object({
    sessionId: Uuid,
    /** The person inscribed; the file's principal person when not given. */
    personId: Uuid.optional(),
    motif: z.enum(EP_MOTIFS, { error: 'Motif : réorientation ou manquement' }),
    facts: RequiredText(2000, 'Exposé des faits'),
  })
  .strict();
export type EpInscriptionInput = z.infer<typeof EpInscriptionInput>;

export const EpObservationsInput = z
  .object({ text: RequiredText(4000, 'Observations'), receivedOn: AnyDate.optional() })
  .strict();
export type EpObservationsInput = z.infer<typeof EpObservationsInput>;

export const EpAvisInput = z
  .object({
    avis: z.enum(EP_OUTCOMES, { error: 'Avis : choisissez une valeur de la liste' }),
    text: OptionalText(2000, 'Motivation de l’avis'),
  })
  .strict();
export type EpAvisInput = z.infer<typeof EpAvisInput>;

const Int = (label: string, max: number) =>
  z
    .number({ error: `${label} : nombre attendu` })
    .int({ error: `${label} : nombre entier attendu` })
    .min(0, { error: `${label} : valeur positive attendue` })
    .max(max, { error: `${label} : ${max} au maximum` });

export const EpDecisionInput = z
  .object({
    outcome: z.enum(EP_OUTCOMES, { error: 'Décision : choisissez une valeur de la liste' }),
    rate: Int('Taux', 100).optional(),
    months: Int('Durée', 12).optional(),
    monthlyAmountCents: Int('Montant mensuel', 1_000_000).optional(),
    reason: OptionalText(2000, 'Motivation'),
  })
  .strict();
export type EpDecisionInput = z.infer<typeof EpDecisionInput>;

export const RemobilisationInput = z.object({ day: AnyDate.optional(), reason: OptionalText(2000, 'Motif') }).strict();
export type RemobilisationInput = z.infer<typeof RemobilisationInput>;

export const EpPassageParams = z.object({ id: Uuid, passageId: Uuid });
export const EpSessionParams = z.object({ sessionId: Uuid });
