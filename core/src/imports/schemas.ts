import { z } from 'zod';
import { RequiredText, Uuid } from '../schemas/common.js';
import { LEGACY_MAPPED_FIELDS, type LegacyMappedField } from './fields.js';

const MAX_CODE = 200;
const codeText = RequiredText(MAX_CODE, 'Le code');

/** The multipart fields of an upload, sent before the file (docs/api.md, "Imports"). */
export const CreateImportFields = z
  .object({
    /** A legacy tool (`LEGACY_SOURCES`) or another registered source (the CAF flux): checked against the adapters. */
    source: z
      .string({ error: 'Source : texte attendu' })
      .trim()
      .min(1, { error: 'Source obligatoire : COORDIN, 4D, TIPI ou export d’un site' })
      .max(40, { error: 'Source inconnue' }),
    profileId: Uuid.optional(),
    /** The target site: the administrator's choice; a responsable imports into their own site. */
    siteId: Uuid.optional(),
    /** Team given to the files whose row names no team. */
    teamId: Uuid.optional(),
  })
  .strict();
export type CreateImportFields = z.infer<typeof CreateImportFields>;

const codeTable = z.record(codeText, codeText, { error: 'Table de codes invalide' });

/** Code tables the importer completes (unmapped legacy values → Jalon codes), optionally saved as a named profile. */
export const ImportMappingInput = z
  .object({
    codes: z
      .partialRecord(z.enum(LEGACY_MAPPED_FIELDS as [LegacyMappedField, ...LegacyMappedField[]]), codeTable, {
        error: 'Tables de codes invalides',
      })
      .default({}),
    saveAsProfile: z
      .string({ error: 'Nom du profil : texte attendu' })
      .trim()
      .min(1, { error: 'Nom du profil vide' })
      .max(100, { error: 'Nom du profil : 100 caractères au maximum' })
      .optional(),
  })
  .strict();
export type ImportMappingInput = z.infer<typeof ImportMappingInput>;

/** The commit: the merge proposals the importer confirms (row ids); every other proposal is skipped. */
export const CommitImportInput = z
  .object({ confirmMerges: z.array(Uuid, { error: 'Liste de lignes invalide' }).max(100_000).default([]) })
  .strict();
export type CommitImportInput = z.infer<typeof CommitImportInput>;
