import { z } from 'zod';
import type { CodeListId } from '../domain/code-lists.js';
import {
  Code,
  CodeOrNotProvided,
  Email,
  OptionalText,
  PastDate,
  AnyDate,
  Phone,
  RequiredText,
  Uuid,
  hasNoControlChars,
  hasNoLoneSurrogate,
  loneSurrogateError,
} from './common.js';

/** Identity of a person (état civil). Only names and birth date are required to open a file. */
const identityFields = {
  birthName: RequiredText(100, 'Le nom de naissance'),
  usedName: OptionalText(100, 'Nom d’usage'),
  firstNames: RequiredText(150, 'Le prénom'),
  sex: Code('sexe').nullable().optional(),
  birthDate: PastDate,
  birthPlace: OptionalText(150, 'Lieu de naissance'),
};

const contactFields = {
  phone: z.preprocess((v) => (v === '' ? null : v), Phone.nullable()).optional(),
  email: z.preprocess((v) => (v === '' ? null : v), Email.nullable()).optional(),
  addressLine: OptionalText(200, 'Adresse'),
  postalCode: z
    .preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .trim()
        .regex(/^\d{5}$/, { error: 'Code postal invalide (5 chiffres)' })
        .nullable(),
    )
    .optional(),
  city: OptionalText(100, 'Commune'),
  /** Domiciliation administrative instead of an address (Paris has over 100,000). */
  domiciliation: z.boolean({ error: 'Domiciliation : oui ou non' }),
  domiciliationOrganism: OptionalText(150, 'Organisme de domiciliation'),
};

/** Administrative identifiers (item "identifiants"). The NIR is deliberately not collected here. */
const identifierFields = {
  cafNumber: z
    .preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .trim()
        .regex(/^\d{7}$/, { error: 'N° allocataire CAF : 7 chiffres' })
        .nullable(),
    )
    .optional(),
  franceTravailId: z
    .preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z]{7,11}$/, { error: 'Identifiant France Travail invalide' })
        .nullable(),
    )
    .optional(),
};

/** The coded core items, each with its code list: person-level (état civil, activité, scolarité)… */
const SITUATION_CODES = {
  nationality: 'nationalite',
  maritalStatus: 'situationConjugale',
  employmentStatus: 'statutProfessionnel',
  cafActivity: 'activiteCaf',
  educationLevel: 'niveauScolarite',
} as const satisfies Record<string, CodeListId>;

/** …and household-level (logement, contexte familial). */
const HOUSEHOLD_CODES = {
  housingStatus: 'logementStocd',
  housingNature: 'logementNatlog',
  familyType: 'contexteFamilial',
} as const satisfies Record<string, CodeListId>;

type CodeShape<T extends Record<string, CodeListId>> = { [K in keyof T]: ReturnType<typeof Code> };
type DefaultedShape<T extends Record<string, CodeListId>> = { [K in keyof T]: ReturnType<typeof CodeOrNotProvided> };

/** Without defaults: a PATCH must never reset the fields it does not send. */
const codes = <T extends Record<string, CodeListId>>(m: T) =>
  Object.fromEntries(Object.entries(m).map(([k, id]) => [k, Code(id)])) as CodeShape<T>;
/** With "Non renseigné" as default: a new file may leave every item empty. */
const defaultedCodes = <T extends Record<string, CodeListId>>(m: T) =>
  Object.fromEntries(Object.entries(m).map(([k, id]) => [k, CodeOrNotProvided(id)])) as DefaultedShape<T>;

export const CreateUsagerInput = z
  .object({
    ...identityFields,
    ...contactFields,
    domiciliation: contactFields.domiciliation.default(false),
    ...identifierFields,
    ...defaultedCodes(SITUATION_CODES),
    ...defaultedCodes(HOUSEHOLD_CODES),
    /** Team following the file; defaults to the creator's first team. */
    teamId: Uuid.optional(),
    /** Référent; defaults to the creating social worker. */
    referentId: Uuid.optional(),
    /** Creates even though likely duplicates were shown (a 409 `likely_duplicate` otherwise); audited. */
    confirmDuplicate: z.boolean({ error: 'Confirmation : oui ou non' }).optional(),
  })
  .strict();
export type CreateUsagerInput = z.infer<typeof CreateUsagerInput>;

const partial = <T extends z.ZodRawShape>(shape: T) => z.object(shape).partial();

/** PATCH body: any subset of the fields, plus the version read, so a concurrent edit is refused, never lost. */
export const UpdateUsagerInput = z
  .object({
    version: z.number().int().nonnegative().optional(),
    identity: partial(identityFields).strict().optional(),
    contact: partial(contactFields).strict().optional(),
    identifiers: partial(identifierFields).strict().optional(),
    situation: partial(codes(SITUATION_CODES)).strict().optional(),
    household: partial(codes(HOUSEHOLD_CODES)).strict().optional(),
    status: z.enum(['actif', 'clos'], { error: 'Statut invalide' }).optional(),
    closingReason: OptionalText(300, 'Motif de clôture'),
  })
  .strict()
  .refine((v) => Boolean(v.identity || v.contact || v.identifiers || v.situation || v.household || v.status), {
    error: 'Aucune modification à enregistrer',
  });
export type UpdateUsagerInput = z.infer<typeof UpdateUsagerInput>;

export const SearchQuery = z.object({
  q: z
    .string({ error: 'Saisissez au moins 2 caractères' })
    .trim()
    .min(2, { error: 'Saisissez au moins 2 caractères' })
    .max(100, { error: 'Recherche : 100 caractères au maximum' })
    .refine(hasNoControlChars, { error: 'Recherche : caractères de contrôle non autorisés' })
    .refine(hasNoLoneSurrogate, loneSurrogateError('Recherche')),
  page: z.coerce.number().int().min(1).max(50).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The preview of likely duplicates before a file is created (GET /api/usagers/duplicates); other keys ignored. */
export const DuplicateQuery = z.object({
  birthName: identityFields.birthName,
  usedName: identityFields.usedName,
  firstNames: identityFields.firstNames,
  birthDate: PastDate,
});
export type DuplicateQuery = z.infer<typeof DuplicateQuery>;

export const AddMemberInput = z
  .object({
    /** An existing person (moving between households) or a new one. */
    personId: Uuid.optional(),
    person: z
      .object({
        birthName: identityFields.birthName,
        usedName: identityFields.usedName,
        firstNames: identityFields.firstNames,
        sex: identityFields.sex,
        birthDate: PastDate,
      })
      .optional(),
    relationship: Code('lienPersonneReference'),
    startDate: AnyDate,
    reason: z.enum(['arrivee', 'naissance'], { error: 'Motif invalide' }).default('arrivee'),
  })
  .strict()
  .refine((v) => Boolean(v.personId) !== Boolean(v.person), {
    error: 'Indiquez soit une personne existante, soit une nouvelle personne',
  });
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const EndMemberInput = z
  .object({
    endDate: AnyDate,
    reason: z.enum(['depart', 'deces', 'autre'], { error: 'Motif invalide' }).default('depart'),
  })
  .strict();
export type EndMemberInput = z.infer<typeof EndMemberInput>;

export const MemberParams = z.object({ id: Uuid, memberId: Uuid });

export const SetReferentsInput = z
  .object({
    referentId: Uuid,
    coReferentIds: z.array(Uuid).max(5).default([]),
  })
  .strict()
  .refine((v) => !v.coReferentIds.includes(v.referentId), { error: 'Le référent ne peut pas être aussi co-référent' });
export type SetReferentsInput = z.infer<typeof SetReferentsInput>;
