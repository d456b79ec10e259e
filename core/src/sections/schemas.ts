import { z } from 'zod';
import { AnyDate, OptionalText, PastDate, RequiredText, Uuid, choiceError } from '../schemas/common.js';
import {
  CECRL_LEVELS,
  CONCERN_OUTCOMES,
  HEALTH_COVERAGES,
  RESIDENCE_PERMITS,
  SECTION_OPEN_REASONS,
  SITE_PROFILES,
  codesOfMap,
  type SensitiveSection,
} from './domain.js';

const pick = <T extends Record<string, string>>(m: T, label: string) =>
  z.enum(codesOfMap(m), { error: choiceError(label) });
const yesNo = (label: string) => z.boolean({ error: `${label} : oui ou non attendu` });
const endAfterStart = (v: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const END_MSG = { error: 'La date de fin doit suivre la date de début', path: ['endDate'] };

/** Entrée en France et titre de séjour. */
export const SejourData = z.strictObject({
  entryDate: PastDate.optional(),
  residencePermit: z
    .strictObject({
      type: pick(RESIDENCE_PERMITS, 'Titre de séjour'),
      startDate: AnyDate.optional(),
      endDate: AnyDate.optional(),
    })
    .refine(endAfterStart, END_MSG)
    .optional(),
});

/** Langue française: self-declared, never assessed. */
export const LangueData = z.strictObject({
  frenchLevel: pick(CECRL_LEVELS, 'Niveau de français').optional(),
  readsWrites: z
    .strictObject({ reads: yesNo('Lit le français').optional(), writes: yesNo('Écrit le français').optional() })
    .optional(),
  interpreterLanguage: z
    .strictObject({ needed: yesNo('Besoin d’interprète'), language: OptionalText(80, 'Langue de l’interprète') })
    .optional(),
});

/** Santé: rights and recognitions only — there is deliberately no diagnosis field. */
export const SanteData = z.strictObject({
  healthCoverage: pick(HEALTH_COVERAGES, 'Couverture maladie').optional(),
  gp: z
    .strictObject({ declared: yesNo('Médecin traitant déclaré'), name: OptionalText(120, 'Nom du médecin traitant') })
    .optional(),
  disability: z
    .strictObject({
      recognised: yesNo('Reconnaissance MDPH'),
      startDate: AnyDate.optional(),
      endDate: AnyDate.optional(),
    })
    .refine(endAfterStart, END_MSG)
    .optional(),
});

/** Enfance en danger: the information préoccupante sent to the CRIP and its outcome, nothing of its content. */
export const EnfanceData = z.strictObject({
  concernSentAt: PastDate.optional(),
  concernOutcome: pick(CONCERN_OUTCOMES, 'Suite donnée').optional(),
});

/** Commune de rattachement (gens du voyage). */
export const RattachementData = z.strictObject({
  attachmentCommune: OptionalText(120, 'Commune de rattachement'),
});

export const SECTION_SCHEMAS = {
  sejour: SejourData,
  langue: LangueData,
  sante: SanteData,
  enfance: EnfanceData,
  rattachement: RattachementData,
} as const satisfies Record<SensitiveSection, z.ZodType>;
export type SectionData<S extends SensitiveSection = SensitiveSection> = z.infer<(typeof SECTION_SCHEMAS)[S]>;

/** `:section` is a short code; an unknown one is a missing resource (404), a malformed one a bad request. */
export const SectionParams = z.object({
  id: Uuid,
  section: z.string().regex(/^[a-z_]{1,40}$/, { error: 'Section invalide' }),
});

export const OpenSectionInput = z.strictObject({
  reasonCode: pick(SECTION_OPEN_REASONS, 'Motif d’ouverture'),
  reasonText: RequiredText(500, 'La précision du motif'),
});
export type OpenSectionInput = z.infer<typeof OpenSectionInput>;

/** The body of a section update: the version read (a concurrent edit is refused, never lost) and the whole section. */
export const updateSectionInput = (s: SensitiveSection) =>
  z.strictObject({
    version: z.number({ error: 'Version : nombre attendu' }).int().nonnegative(),
    data: SECTION_SCHEMAS[s],
  });

export const SiteProfileInput = z.strictObject({
  profile: z.enum(Object.keys(SITE_PROFILES) as [keyof typeof SITE_PROFILES], {
    error: 'Profil de minimisation : choisissez une valeur de la liste',
  }),
});

export interface SectionStatusDto {
  section: SensitiveSection;
  label: string;
  shortLabel: string;
  open: boolean;
  openedAt: string | null;
  openedBy: string | null;
  reasonCode: string | null;
  reasonLabel: string | null;
  /** Null for who may not read the section (docs/security.md, "Access: read vs write, relations"). */
  reasonText: string | null;
  /** The caller reads this section's content (référents, its opener, a motivated access; a closed one: who follows). */
  readable: boolean;
}
export interface SectionsDto {
  profile: keyof typeof SITE_PROFILES;
  items: SectionStatusDto[];
  can: { open: boolean; write: boolean };
}
export interface SectionContentDto {
  section: SensitiveSection;
  open: boolean;
  version: number;
  data: Record<string, unknown> | null;
  updatedAt: string | null;
}
