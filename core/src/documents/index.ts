import { z } from 'zod';
import type { Actor, UsagerTarget } from '../policy/actor.js';
import { canReadFullUsager, followsUsager } from '../policy/usager.js';

export * from './sniff.js';

/** Documents (pièces justificatives) of a file: docs/architecture.md, "Documents". */
export const DOCUMENT_TYPES = {
  piece_identite: 'Pièce d’identité',
  titre_sejour: 'Titre de séjour',
  avis_imposition: 'Avis d’imposition',
  quittance: 'Quittance de loyer',
  facture: 'Facture',
  bail: 'Bail',
  rib: 'RIB',
  attestation_caf: 'Attestation CAF',
  jugement: 'Jugement',
  justificatif_domicile: 'Justificatif de domicile',
  bulletin_salaire: 'Bulletin de salaire',
  courrier: 'Courrier',
  autre: 'Autre pièce',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** 15 MB by default (JALON_DOCUMENT_MAX_MB changes it). */
export const DOCUMENT_MAX_BYTES = 15 * 1024 * 1024;
/** A validity date this close is listed in "à faire". */
export const DOCUMENT_EXPIRY_NOTICE_DAYS = 30;

/** Reading a file's documents: its full part (who follows it, a motivated access). */
export const canReadDocuments = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);
/** Adding one: who follows the file (the same writers as its social situation). */
export const canAddDocument = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The form fields sent before the file (multipart). */
export const DocumentFields = z
  .object({
    type: z.enum(Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]], {
      error: 'Type de document inconnu',
    }),
    validUntil: z
      .string()
      .regex(DAY_RE, { error: 'Date de validité invalide : saisissez jj/mm/aaaa' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    entryId: z
      .string()
      .uuid({ error: 'Entrée du journal invalide' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .strict();
export type DocumentFields = z.infer<typeof DocumentFields>;

export interface DocumentDto {
  id: string;
  type: DocumentType;
  typeLabel: string;
  fileName: string;
  mime: string;
  size: number;
  validUntil: string | null;
  /** The validity date is past or within 30 days. */
  expiring: boolean;
  entryId: string | null;
  uploadedAt: string;
  uploadedBy: string;
}
