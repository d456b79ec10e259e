import type { CodeListId } from '../domain/code-lists.js';
import type { DataCategory, LegalBasis, OnAnonymisation, Purpose, Readers, RetentionRule } from './vocabulary.js';

/**
 * The one catalogue of usager data (domain.md §1.2): every field of the file with its section, RGPD data category,
 * mandatory or optional, purposes, legal basis, retention, what anonymisation keeps, and who may read it.
 * The register (art. 30) and the AIPD inventory are generated from it; a test fails when a schema field is missing.
 */

export const SECTIONS = {
  identity: { label: 'État civil', optional: false },
  contact: { label: 'Coordonnées', optional: false },
  identifiers: { label: 'Identifiants', optional: false },
  situation: { label: 'Situation personnelle', optional: false },
  household: { label: 'Logement et contexte familial', optional: false },
  members: { label: 'Membres du foyer', optional: false },
  followUp: { label: 'Suivi du dossier', optional: false },
  journal: { label: 'Journal d’activité', optional: false },
  sejour: { label: 'Entrée en France et séjour', optional: true },
  langue: { label: 'Langue française', optional: true },
  sante: { label: 'Santé', optional: true },
  enfance: { label: 'Enfance en danger', optional: true },
  rattachement: { label: 'Commune de rattachement (gens du voyage)', optional: true },
} as const;
export type SectionId = keyof typeof SECTIONS;

export interface CatalogueField {
  section: SectionId;
  /** Name in the API schemas (section object key, or entry field). */
  name: string;
  label: string;
  category: DataCategory;
  mandatory: boolean;
  purposes: readonly Purpose[];
  legalBasis: readonly LegalBasis[];
  retention: RetentionRule;
  onAnonymisation: OnAnonymisation;
  readers: Readers;
  codeList?: CodeListId;
}

type Row = [
  name: string,
  label: string,
  category: DataCategory,
  mandatory: boolean,
  onAnonymisation: OnAnonymisation,
  codeList?: CodeListId,
];

const ACC: readonly Purpose[] = ['accompagnement'];
const ACC_AIDES: readonly Purpose[] = ['accompagnement', 'aides'];

const section = (
  id: SectionId,
  common: {
    purposes: readonly Purpose[];
    legalBasis: readonly LegalBasis[];
    retention: RetentionRule;
    readers: Readers;
  },
  rows: Row[],
): CatalogueField[] =>
  rows.map(([name, label, category, mandatory, onAnonymisation, codeList]) => ({
    section: id,
    name,
    label,
    category,
    mandatory,
    onAnonymisation,
    ...common,
    ...(codeList ? { codeList } : {}),
    ...(onAnonymisation !== 'delete' && !common.purposes.includes('statistiques')
      ? { purposes: [...common.purposes, 'statistiques'] }
      : {}),
  }));

const MISSION: readonly LegalBasis[] = ['mission'];
const file = { legalBasis: MISSION, retention: 'dossier' as const };

export const FIELD_CATALOGUE: readonly CatalogueField[] = [
  ...section('identity', { ...file, purposes: ACC_AIDES, readers: 'general' }, [
    ['birthName', 'Nom de naissance', 'identification', true, 'delete'],
    ['usedName', 'Nom d’usage', 'identification', false, 'delete'],
    ['firstNames', 'Prénoms', 'identification', true, 'delete'],
    ['sex', 'Sexe', 'identification', false, 'keep', 'sexe'],
    ['birthDate', 'Date de naissance', 'identification', true, 'age_band'],
    ['birthPlace', 'Lieu de naissance', 'identification', false, 'delete'],
  ]),
  ...section('contact', { ...file, purposes: ACC, readers: 'general' }, [
    ['phone', 'Téléphone', 'identification', false, 'delete'],
    ['email', 'Adresse électronique', 'identification', false, 'delete'],
    ['addressLine', 'Adresse', 'identification', false, 'delete'],
    ['postalCode', 'Code postal', 'identification', false, 'arrondissement'],
    ['city', 'Commune', 'identification', false, 'delete'],
    ['domiciliation', 'Domiciliation administrative (oui/non)', 'logement', false, 'delete'],
    ['domiciliationOrganism', 'Organisme de domiciliation', 'logement', false, 'delete'],
  ]),
  ...section('identifiers', { ...file, purposes: ACC_AIDES, readers: 'full' }, [
    ['cafNumber', 'N° allocataire CAF', 'identification', false, 'delete'],
    ['franceTravailId', 'Identifiant France Travail', 'identification', false, 'delete'],
  ]),
  ...section('situation', { ...file, purposes: ACC_AIDES, readers: 'full' }, [
    ['nationality', 'Nationalité (F / UE / autre)', 'identification', false, 'delete', 'nationalite'],
    ['maritalStatus', 'Situation conjugale', 'situation_familiale', false, 'delete', 'situationConjugale'],
    ['employmentStatus', 'Statut professionnel', 'vie_professionnelle', false, 'delete', 'statutProfessionnel'],
    ['cafActivity', 'Activité (nomenclature CAF)', 'vie_professionnelle', false, 'delete', 'activiteCaf'],
    ['educationLevel', 'Niveau de scolarité', 'vie_professionnelle', false, 'delete', 'niveauScolarite'],
  ]),
  ...section('household', { ...file, purposes: ACC_AIDES, readers: 'full' }, [
    ['housingStatus', 'Statut d’occupation du logement', 'logement', false, 'delete', 'logementStocd'],
    ['housingNature', 'Nature du logement', 'logement', false, 'delete', 'logementNatlog'],
    ['familyType', 'Contexte familial', 'situation_familiale', false, 'keep', 'contexteFamilial'],
  ]),
  ...section('members', { ...file, purposes: ACC_AIDES, readers: 'full' }, [
    [
      'relationship',
      'Lien avec la personne de référence',
      'situation_familiale',
      true,
      'delete',
      'lienPersonneReference',
    ],
    ['startDate', 'Date d’arrivée dans le foyer', 'situation_familiale', true, 'delete'],
    ['reason', 'Motif d’arrivée (arrivée, naissance)', 'situation_familiale', false, 'delete'],
    ['endDate', 'Date de départ du foyer', 'situation_familiale', false, 'delete'],
    ['endReason', 'Motif de départ (départ, décès, autre)', 'situation_familiale', false, 'delete'],
  ]),
  ...section('followUp', { legalBasis: MISSION, retention: 'suivi', purposes: ACC, readers: 'general' }, [
    ['teamId', 'Équipe qui suit le dossier', 'identification', false, 'delete'],
    ['referentId', 'Référent·e', 'identification', false, 'delete'],
    ['coReferentIds', 'Co-référent·e·s', 'identification', false, 'delete'],
    ['status', 'Statut du dossier (actif, clos)', 'identification', false, 'delete'],
    ['closingReason', 'Motif de clôture', 'difficultes_sociales', false, 'delete'],
  ]),
  ...section('journal', { legalBasis: MISSION, retention: 'journal', purposes: ACC, readers: 'full' }, [
    ['type', 'Type d’entrée (entretien, visite, appel…)', 'difficultes_sociales', true, 'count'],
    ['occurredAt', 'Date et heure', 'difficultes_sociales', true, 'delete'],
    ['durationMinutes', 'Durée', 'difficultes_sociales', false, 'delete'],
    ['place', 'Lieu', 'difficultes_sociales', false, 'delete'],
    ['motifs', 'Motifs de l’intervention', 'difficultes_sociales', false, 'count'],
    ['personIds', 'Membres du foyer concernés', 'situation_familiale', false, 'delete'],
    ['workerIds', 'Autres intervenant·e·s', 'identification', false, 'delete'],
    ['appointmentWorkerId', 'Agent du rendez-vous', 'identification', false, 'delete'],
    ['partnerId', 'Partenaire d’orientation', 'difficultes_sociales', false, 'delete'],
    ['orientationReason', 'Motif de l’orientation', 'difficultes_sociales', false, 'delete'],
    ['orientationOutcome', 'Suite donnée à l’orientation', 'difficultes_sociales', false, 'delete'],
    ['status', 'Statut du rendez-vous', 'difficultes_sociales', false, 'delete'],
    ['deleteReason', 'Motif de suppression d’une entrée', 'difficultes_sociales', false, 'delete'],
    ['reason', 'Motif d’un changement de statut de rendez-vous', 'difficultes_sociales', false, 'delete'],
  ]),
  ...section('journal', { legalBasis: MISSION, retention: 'journal', purposes: ACC, readers: 'note' }, [
    ['note', 'Note (texte libre, lisible par la personne)', 'difficultes_sociales', false, 'delete'],
    ['visibility', 'Visibilité de la note', 'difficultes_sociales', false, 'delete'],
  ]),
  ...section('sejour', { ...file, retention: 'section', purposes: ACC_AIDES, readers: 'sensitive' }, [
    ['entryDate', 'Date d’entrée en France', 'identification', false, 'delete'],
    ['residencePermit', 'Titre de séjour (type, validité)', 'identification', false, 'delete'],
  ]),
  ...section('langue', { ...file, retention: 'section', purposes: ACC, readers: 'sensitive' }, [
    ['frenchLevel', 'Niveau de français déclaré (CECRL)', 'vie_professionnelle', false, 'delete'],
    ['readsWrites', 'Lit / écrit', 'vie_professionnelle', false, 'delete'],
    ['interpreterLanguage', 'Besoin d’interprète et langue', 'identification', false, 'delete'],
  ]),
  ...section(
    'sante',
    { legalBasis: ['mission', 'art9_social'], retention: 'section', purposes: ACC_AIDES, readers: 'sensitive' },
    [
      ['healthCoverage', 'Couverture maladie', 'sante', false, 'delete'],
      ['gp', 'Médecin traitant', 'sante', false, 'delete'],
      ['disability', 'Handicap, reconnaissance MDPH (sans diagnostic)', 'sante', false, 'delete'],
    ],
  ),
  ...section(
    'enfance',
    {
      legalBasis: ['obligation', 'art9_public'],
      retention: 'section',
      purposes: ['accompagnement', 'partage'],
      readers: 'sensitive',
    },
    [
      ['concernSentAt', 'Information préoccupante transmise à la CRIP (date)', 'difficultes_sociales', false, 'delete'],
      ['concernOutcome', 'Suite donnée', 'difficultes_sociales', false, 'delete'],
    ],
  ),
  ...section('rattachement', { ...file, retention: 'section', purposes: ACC_AIDES, readers: 'sensitive' }, [
    ['attachmentCommune', 'Commune de rattachement', 'logement', false, 'delete'],
  ]),
];

export const fieldsOf = (s: SectionId): CatalogueField[] => FIELD_CATALOGUE.filter((f) => f.section === s);
export const catalogueKey = (f: Pick<CatalogueField, 'section' | 'name'>): string => `${f.section}.${f.name}`;
