import { z } from 'zod';
import { RETENTION_HOLD_REASONS } from '../rgpd/retention.js';
import { SECTIONS } from '../rgpd/field-catalogue.js';
import { SENSITIVE_SECTIONS, type SensitiveSection } from '../sections/domain.js';
import { AnyDate, OptionalText, PastDate, RequiredText, Uuid, choiceError } from './common.js';

/** Legal grounds of a share (domain.md §2), or the written consent of the person. */
export const LEGAL_GROUNDS = {
  casf_l121_6_2: 'CASF L121-6-2 : professionnels de l’action sociale intervenant auprès de la même personne',
  casf_l226_2_2: 'CASF L226-2-2 : protection de l’enfance',
  csp_l1110_4: 'CSP L1110-4 : coordination des soins et du suivi médico-social et social',
  casf_l226_2_1: 'CASF L226-2-1 : information préoccupante à la CRIP',
  consentement: 'Consentement écrit de la personne',
} as const;
export type LegalGround = keyof typeof LEGAL_GROUNDS;

/** The file's core sections an extract may hold; the notes of the journal never. */
export const SHAREABLE_CORE_SECTIONS = [
  'identity',
  'contact',
  'identifiers',
  'situation',
  'household',
  'members',
  'followUp',
  'journal',
] as const;
/**
 * Sections an extract may hold: the core ones, and the optional sensitive sections (séjour, langue, santé, enfance en
 * danger, commune de rattachement) — a sensitive section only when it is open on the file (checked by the server).
 */
export const SHAREABLE_SECTIONS = [...SHAREABLE_CORE_SECTIONS, ...SENSITIVE_SECTIONS] as const;
export type ShareableSection = (typeof SHAREABLE_SECTIONS)[number];
export const isSensitiveShareSection = (s: ShareableSection): s is SensitiveSection =>
  (SENSITIVE_SECTIONS as readonly string[]).includes(s);
export const shareableSectionLabel = (s: ShareableSection): string => SECTIONS[s].label;

export const ShareParams = z.object({ id: Uuid, shareId: Uuid });
export const ConsentParams = z.object({ id: Uuid, consentId: Uuid });

/** A share: who receives what, on which ground, and whether the person was told (and why not). */
export const CreateShareInput = z
  .object({
    recipientName: OptionalText(200, 'Destinataire'),
    recipientOrganisation: RequiredText(200, 'Organisme destinataire'),
    legalGround: z.enum(Object.keys(LEGAL_GROUNDS) as [LegalGround, ...LegalGround[]], {
      error: choiceError('Fondement du partage'),
    }),
    consentId: Uuid.optional(),
    sections: z
      .array(z.enum(SHAREABLE_SECTIONS, { error: choiceError('Section') }))
      .min(1, { error: 'Choisissez au moins une section' })
      .max(SHAREABLE_SECTIONS.length)
      .refine((a) => new Set(a).size === a.length, { error: 'Sections : chacune une seule fois' }),
    sharedDate: PastDate,
    personInformed: z.boolean({ error: 'Personne informée : oui ou non' }),
    notInformedReason: OptionalText(1000, 'Motif de non-information'),
  })
  .strict()
  .refine((v) => v.personInformed || (v.notInformedReason ?? '').length > 0, {
    error: 'Indiquez pourquoi la personne n’a pas été informée',
    path: ['notInformedReason'],
  })
  .refine((v) => v.legalGround !== 'consentement' || v.consentId !== undefined, {
    error: 'Le partage sur consentement doit citer le consentement enregistré',
    path: ['consentId'],
  });
export type CreateShareInput = z.infer<typeof CreateShareInput>;

export const CreateConsentInput = z
  .object({
    purpose: RequiredText(500, 'Finalité'),
    recipient: RequiredText(200, 'Destinataire'),
    givenDate: PastDate,
  })
  .strict();
export type CreateConsentInput = z.infer<typeof CreateConsentInput>;

export const WithdrawConsentInput = z.object({ withdrawnDate: PastDate }).strict();
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentInput>;

type HoldReason =
  keyof (typeof RETENTION_HOLD_REASONS)['prolongation'] | keyof (typeof RETENTION_HOLD_REASONS)['archive'];
const HOLD_REASON_CODES = [
  ...new Set([...Object.keys(RETENTION_HOLD_REASONS.prolongation), ...Object.keys(RETENTION_HOLD_REASONS.archive)]),
] as [HoldReason, ...HoldReason[]];

/** The référent keeps a file active longer, or sends it to the intermediate archive for a legal reason. */
export const ExtendRetentionInput = z
  .object({
    kind: z.enum(['prolongation', 'archive'], { error: 'Choix : prolongation ou archive intermédiaire' }),
    untilDate: AnyDate,
    reason: z.enum(HOLD_REASON_CODES, { error: choiceError('Motif') }),
    note: RequiredText(1000, 'Précision du motif'),
  })
  .strict()
  .refine((v) => v.reason in RETENTION_HOLD_REASONS[v.kind], {
    error: 'Ce motif ne convient pas à ce choix',
    path: ['reason'],
  });
export type ExtendRetentionInput = z.infer<typeof ExtendRetentionInput>;

/** The DPO opens an archived file only for a legal reason, which is logged. */
export const ArchiveReadInput = z
  .object({
    reason: z.enum(
      Object.keys(RETENTION_HOLD_REASONS.archive) as ['contentieux', 'obligation_comptable', 'preuve', 'autre'],
      { error: choiceError('Motif légal') },
    ),
    note: RequiredText(1000, 'Précision du motif'),
  })
  .strict();
export type ArchiveReadInput = z.infer<typeof ArchiveReadInput>;
