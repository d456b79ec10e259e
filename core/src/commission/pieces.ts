import type { DocumentType } from '../documents/index.js';

/**
 * Pièces justificatives of an aid application (docs/api.md, "Commissions"; domain.md §4 and §5): a checklist per aid
 * type, each line satisfied by a document of the file of one of its types, still valid on the day checked. The result
 * says which pieces are missing: it drives the application's state "déposée complète" / "pièces manquantes".
 */
export interface PieceRequirement {
  key: string;
  label: string;
  /** Any one of these document types satisfies the line. */
  anyOf: readonly DocumentType[];
}

const IDENTITE: PieceRequirement = {
  key: 'identite',
  label: 'Pièce d’identité ou titre de séjour',
  anyOf: ['piece_identite', 'titre_sejour'],
};
const RESSOURCES: PieceRequirement = {
  key: 'ressources',
  label: 'Justificatif de ressources (avis d’imposition, bulletin de salaire, attestation CAF)',
  anyOf: ['avis_imposition', 'bulletin_salaire', 'attestation_caf'],
};
const RIB: PieceRequirement = { key: 'rib', label: 'RIB', anyOf: ['rib'] };
const DOMICILE: PieceRequirement = {
  key: 'domicile',
  label: 'Justificatif de domicile à Paris',
  anyOf: ['justificatif_domicile', 'quittance'],
};
const BAIL: PieceRequirement = { key: 'bail', label: 'Bail ou projet de bail', anyOf: ['bail'] };
const QUITTANCE: PieceRequirement = {
  key: 'quittance',
  label: 'Dernière quittance ou décompte de la dette locative',
  anyOf: ['quittance'],
};
const FACTURE: PieceRequirement = { key: 'facture', label: 'Facture ou échéancier du fournisseur', anyOf: ['facture'] };
const CAF: PieceRequirement = {
  key: 'caf',
  label: 'Attestation CAF (aide au logement, composition familiale)',
  anyOf: ['attestation_caf'],
};

/** The pieces of each aid type; an aid type not listed gets the common base (identity, resources). */
export const PIECES_CHECKLISTS: Readonly<Record<string, readonly PieceRequirement[]>> = {
  acces: [IDENTITE, RESSOURCES, BAIL, RIB],
  maintien: [IDENTITE, RESSOURCES, BAIL, QUITTANCE],
  energie: [IDENTITE, RESSOURCES, FACTURE],
  eau: [IDENTITE, RESSOURCES, FACTURE],
  telephone: [IDENTITE, RESSOURCES, FACTURE],
  paris_solidarite: [IDENTITE, RESSOURCES, DOMICILE, RIB],
  complement_sante_paris: [IDENTITE, RESSOURCES, DOMICILE, RIB],
  paris_logement: [IDENTITE, RESSOURCES, DOMICILE, QUITTANCE, CAF, RIB],
  paris_logement_familles: [IDENTITE, RESSOURCES, DOMICILE, QUITTANCE, CAF, RIB],
  paris_logement_familles_monoparentales: [IDENTITE, RESSOURCES, DOMICILE, QUITTANCE, CAF, RIB],
  paris_forfait_familles: [IDENTITE, RESSOURCES, DOMICILE, CAF, RIB],
  paris_energie_familles: [IDENTITE, RESSOURCES, DOMICILE, CAF, FACTURE],
  allocation_exceptionnelle: [IDENTITE, RESSOURCES, DOMICILE, RIB],
};
const BASE: readonly PieceRequirement[] = [IDENTITE, RESSOURCES];

export const checklistOf = (aidType: string): readonly PieceRequirement[] =>
  Object.hasOwn(PIECES_CHECKLISTS, aidType) ? (PIECES_CHECKLISTS[aidType] ?? BASE) : BASE;

/** A document of the file as the checklist sees it: its type and its validity (yyyy-mm-dd, or none). */
export interface PieceDocument {
  id: string;
  type: string;
  validUntil: string | null;
}

export interface PieceLine {
  key: string;
  label: string;
  /** The document that satisfies the line, or null when the piece is missing. */
  documentId: string | null;
}

export interface PiecesCheck {
  lines: PieceLine[];
  /** Labels of the missing pieces, in checklist order. */
  missing: string[];
  complete: boolean;
}

/**
 * Matches a file's documents against the checklist of an aid type on `day` (yyyy-mm-dd). A document whose validity
 * ended before `day` satisfies nothing. Pure.
 */
export function checkPieces(aidType: string, documents: readonly PieceDocument[], day: string): PiecesCheck {
  const valid = documents.filter((d) => d.validUntil === null || d.validUntil >= day);
  const lines = checklistOf(aidType).map((r) => ({
    key: r.key,
    label: r.label,
    documentId: valid.find((d) => (r.anyOf as readonly string[]).includes(d.type))?.id ?? null,
  }));
  const missing = lines.filter((l) => l.documentId === null).map((l) => l.label);
  return { lines, missing, complete: missing.length === 0 };
}
