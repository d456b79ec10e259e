import { CODE_LISTS, type CodeListId } from '../domain/code-lists.js';
import { APPOINTMENT_STATUS_LABELS, ENTRY_TYPE_LABELS } from '../domain/journal.js';
import { FSL_FAMILIES, PARIS_AIDS } from '../aids/codes.js';

/**
 * The indicators of the "photographie sociale" (docs/api.md, Statistics; domain.md §3): an allowlist. The API accepts nothing else,
 * so a breakdown that is not declared here (by worker, by person, by day…) cannot be asked for.
 *
 * - `population`: a stock, the usagers followed (principal person of each open file) on the last day of the last
 *   month of the period, by one of their characteristics. Comparing two periods compares two month-end snapshots.
 * - `activity`: a flow, summed over the months of the period (journal entries, openings, closures…).
 */
export type IndicatorKind = 'population' | 'activity';

export interface Category {
  code: string;
  label: string;
}

export interface IndicatorDef {
  id: string;
  label: string;
  kind: IndicatorKind;
  /** Column heading of the breakdown ("Tranche d'âge"…). */
  variable: string;
  /** Counts of the table are numbers of… (persons, entries, files). */
  unit: string;
  /** Fixed categories, in display order; `null` when they come from an administered list (motifs, partner kinds). */
  categories: Category[] | null;
  /** The table involves an art. 9 or sensitive variable: primary threshold 11 (protect.ts also checks the name). */
  sensitive: boolean;
}

const fromList = (id: CodeListId): Category[] => CODE_LISTS[id].entries.map(({ code, label }) => ({ code, label }));
const NR: Category = { code: 'NR', label: 'Non renseigné' };

export const AGE_BANDS: Category[] = [
  { code: 'moins_25', label: 'Moins de 25 ans' },
  { code: '25_34', label: '25 à 34 ans' },
  { code: '35_44', label: '35 à 44 ans' },
  { code: '45_54', label: '45 à 54 ans' },
  { code: '55_64', label: '55 à 64 ans' },
  { code: '65_plus', label: '65 ans et plus' },
];

const population = (
  id: string,
  label: string,
  variable: string,
  categories: Category[],
  sensitive = false,
): IndicatorDef => ({
  id,
  label,
  kind: 'population',
  variable,
  unit: 'usagers suivis',
  categories,
  sensitive,
});
const activity = (
  id: string,
  label: string,
  variable: string,
  unit: string,
  categories: Category[] | null,
): IndicatorDef => ({
  id,
  label,
  kind: 'activity',
  variable,
  unit,
  categories,
  sensitive: false,
});
const TOTAL = (label: string): Category[] => [{ code: 'total', label }];

/** The aid types (FSL families, then the Paris optional aids), columns of the aid indicators. */
export const AID_TYPE_CATEGORIES: Category[] = [
  ...Object.entries(FSL_FAMILIES.labels),
  ...Object.entries(PARIS_AIDS.labels),
].map(([code, label]) => ({ code, label }));
/** A decision by outcome and, for an accord (full or partial), the amount granted (docs/api.md, Statistics). */
export const AID_OUTCOME_CATEGORIES: Category[] = [
  { code: 'accord_moins_200', label: 'Accord de moins de 200 €' },
  { code: 'accord_200_499', label: 'Accord de 200 à 499 €' },
  { code: 'accord_500_999', label: 'Accord de 500 à 999 €' },
  { code: 'accord_1000_plus', label: 'Accord de 1 000 € ou plus' },
  { code: 'refus', label: 'Refus' },
  { code: 'ajournement', label: 'Ajournement' },
];
/** Days from the dépôt to the decision. */
export const AID_DELAY_CATEGORIES: Category[] = [
  { code: 'moins_15', label: 'Moins de 15 jours' },
  { code: '15_29', label: '15 à 29 jours' },
  { code: '30_59', label: '30 à 59 jours' },
  { code: '60_plus', label: '60 jours ou plus' },
  { code: 'NR', label: 'Dépôt non daté' },
];

export const INDICATORS: readonly IndicatorDef[] = [
  population('trancheAge', 'Usagers suivis par tranche d’âge', 'Tranche d’âge', [...AGE_BANDS, NR]),
  population('sexe', 'Usagers suivis par sexe', 'Sexe', [...fromList('sexe'), NR]),
  population(
    'contexteFamilial',
    'Usagers suivis par type de ménage',
    'Type de ménage (TYPMR)',
    fromList('contexteFamilial'),
  ),
  population(
    'logementStocd',
    'Usagers suivis par statut d’occupation du logement',
    'Statut d’occupation (STOCD)',
    fromList('logementStocd'),
  ),
  population(
    'logementNatlog',
    'Usagers suivis par nature du logement',
    'Nature du logement (CAF)',
    fromList('logementNatlog'),
  ),
  population('statutProfessionnel', 'Usagers suivis par activité', 'Activité (TACT)', fromList('statutProfessionnel')),
  population(
    'niveauScolarite',
    'Usagers suivis par niveau de scolarité',
    'Niveau de scolarité',
    fromList('niveauScolarite'),
  ),
  population(
    'groupeNationalite',
    'Usagers suivis par groupe de nationalité',
    'Groupe de nationalité',
    fromList('nationalite'),
    true,
  ),
  population('domiciliation', 'Usagers suivis selon la domiciliation', 'Domiciliation administrative', [
    { code: 'oui', label: 'Domicilié·e (sans adresse stable)' },
    { code: 'non', label: 'Adresse personnelle' },
  ]),
  activity('ouvertures', 'Dossiers ouverts', 'Dossiers', 'dossiers ouverts', TOTAL('Dossiers ouverts')),
  activity('clotures', 'Dossiers clos', 'Dossiers', 'dossiers clos', TOTAL('Dossiers clos')),
  activity(
    'entreesParType',
    'Entrées du journal par type',
    'Type d’entrée',
    'entrées',
    Object.entries(ENTRY_TYPE_LABELS).map(([code, label]) => ({ code, label })),
  ),
  activity('entreesParMotif', 'Entrées du journal par motif', 'Motif', 'entrées', null),
  activity('visitesDomicile', 'Visites à domicile', 'Visites', 'visites à domicile', TOTAL('Visites à domicile')),
  activity(
    'orientationsParPartenaire',
    'Orientations par type de partenaire',
    'Type de partenaire',
    'orientations',
    null,
  ),
  activity(
    'rendezVousParStatut',
    'Rendez-vous honorés et non honorés',
    'Statut du rendez-vous',
    'rendez-vous',
    Object.entries(APPOINTMENT_STATUS_LABELS).map(([code, label]) => ({ code, label })),
  ),
  // Aid applications (FSL and Paris optional aids): counted in the month of the event, by the file's site.
  activity('aidesDemandes', 'Demandes d’aide déposées', 'Type d’aide', 'demandes déposées', AID_TYPE_CATEGORIES),
  activity('aidesDecisions', 'Décisions d’aide par type d’aide', 'Type d’aide', 'décisions', AID_TYPE_CATEGORIES),
  activity(
    'aidesIssues',
    'Décisions d’aide par issue et montant accordé',
    'Issue et montant',
    'décisions',
    AID_OUTCOME_CATEGORIES,
  ),
  activity('aidesDelais', 'Délai entre le dépôt et la décision', 'Délai', 'décisions', AID_DELAY_CATEGORIES),
];

export const INDICATOR_IDS = INDICATORS.map((i) => i.id) as [string, ...string[]];

export const indicatorById = (id: string): IndicatorDef | undefined => INDICATORS.find((i) => i.id === id);

/**
 * Second breakdowns a table may have (rows). Nothing finer than a site or an arrondissement, and months for the
 * evolution of a flow. The team is not a breakdown a reader chooses: the file-active table per team is its own view,
 * limited to teams of at least 5 workers (scope.ts on the server).
 */
export const GROUP_BYS = ['arrondissement', 'site', 'mois'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  arrondissement: 'Arrondissement',
  site: 'Site',
  mois: 'Mois',
};

/** Arrondissement 0 gathers addresses outside Paris and missing addresses. */
export const arrondissementLabel = (n: number): string =>
  n === 0 ? 'Hors Paris ou non renseigné' : n === 1 ? '1er arrondissement' : `${n}e arrondissement`;

/** Minimum number of workers a team needs before a responsable sees it apart from the rest of the site. */
export const MIN_TEAM_WORKERS = 5;
