import { CODE_LISTS, type CodeListId } from '../domain/code-lists.js';
import { APPOINTMENT_STATUS_LABELS, ENTRY_TYPE_LABELS } from '../domain/journal.js';

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
