import type { ImportProfile, LegacySource } from '@jalon/core';
import type { Queryable } from '../../../db/schema.js';
import { AppError } from '../../../errors.js';
import { findProfile } from '../queries.js';

/**
 * The built-in column-mapping profiles of the three legacy tools (docs/architecture.md, "Import pipeline"): their
 * export headers and the codes whose meaning is known. Codes a site used on its own stay unmapped: the importer maps
 * them before commit, and may save the result as a named profile for the next files.
 */
export const BUILT_IN_PROFILES: Record<Exclude<LegacySource, 'site_export'>, ImportProfile> = {
  coordin: {
    id: 'coordin',
    name: 'COORDIN',
    source: 'coordin',
    dateFormat: 'dd/mm/yyyy',
    columns: {
      legacyId: 'NUM_DOSSIER',
      birthName: 'NOM_NAISSANCE',
      usedName: 'NOM_USAGE',
      firstNames: 'PRENOM',
      birthDate: 'DATE_NAISSANCE',
      sex: 'SEXE',
      phone: 'TELEPHONE',
      addressLine: 'ADRESSE',
      postalCode: 'CP',
      city: 'VILLE',
      maritalStatus: 'SITUATION_FAMILIALE',
      team: 'EQUIPE',
      referent: 'REFERENT',
      memberOf: 'NUM_DOSSIER_FOYER',
      relationship: 'LIEN',
      entryDate: 'DATE_ENTRETIEN',
      entryType: 'TYPE_ENTRETIEN',
      entryMotif: 'MOTIF',
      entryNote: 'OBSERVATIONS',
    },
    codes: {
      sex: { '1': 'M', '2': 'F', H: 'M', F: 'F' },
      relationship: { CONJ: '2', ENF: '3', ASC: '5' },
      entryType: { ENT: 'entretien_bureau', VAD: 'visite_domicile', TEL: 'entretien_telephonique' },
    },
  },
  '4d': {
    id: '4d',
    name: '4D',
    source: '4d',
    dateFormat: 'yyyy-mm-dd',
    columns: {
      legacyId: 'Identifiant',
      birthName: 'Nom',
      usedName: 'Nom marital',
      firstNames: 'Prénom',
      birthDate: 'Né(e) le',
      sex: 'Sexe',
      email: 'Courriel',
      postalCode: 'Code postal',
      city: 'Ville',
      team: 'Équipe',
      referent: 'Travailleur social',
      entryDate: 'Date du contact',
      entryType: 'Nature du contact',
      entryNote: 'Commentaire',
    },
    codes: { sex: { Femme: 'F', Homme: 'M' } },
  },
  tipi: {
    id: 'tipi',
    name: 'TIPI',
    source: 'tipi',
    dateFormat: 'dd/mm/yyyy',
    columns: {
      legacyId: 'ID_USAGER',
      birthName: 'NOM',
      firstNames: 'PRENOMS',
      birthDate: 'DATE_NAIS',
      sex: 'CIVILITE',
      housingStatus: 'LOGEMENT',
      familyType: 'FAMILLE',
      employmentStatus: 'ACTIVITE',
      memberOf: 'ID_CHEF',
      relationship: 'LIEN_PARENTE',
    },
    codes: { sex: { MME: 'F', MLLE: 'F', M: 'M' } },
  },
};

/** The profile of an upload: a saved one (of the site or shared), else the source's built-in one. */
export async function loadLegacyProfile(
  db: Queryable,
  input: { source: string; profileId?: string; siteId: string },
): Promise<ImportProfile> {
  if (input.profileId) {
    const row = await findProfile(db, input.profileId);
    if (!row || (row.site_id !== null && row.site_id !== input.siteId))
      throw new AppError(404, 'not_found', 'Profil de correspondance introuvable');
    return { ...(row.profile as ImportProfile), id: row.id, name: row.name, source: row.source };
  }
  if (input.source === 'site_export')
    throw new AppError(
      400,
      'profile_required',
      'Un export de site se lit avec un profil de correspondance enregistré : choisissez-le',
    );
  const built = BUILT_IN_PROFILES[input.source as keyof typeof BUILT_IN_PROFILES];
  if (!built) throw new AppError(400, 'unknown_source', 'Source inconnue : COORDIN, 4D, TIPI ou export d’un site');
  return built;
}
