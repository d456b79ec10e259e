/**
 * Code lists of the usager file (domain.md §6). Values are stored as the source codes (INSEE, CAF);
 * the UI shows the French labels. Every core item also accepts the two answers the worker may need
 * when the usager does not know or does not want to say.
 */
export const NOT_PROVIDED = 'NR' as const;
export const DECLINED = 'REFUS' as const;

export interface CodeEntry {
  code: string;
  label: string;
}
export interface CodeList {
  id: string;
  label: string;
  source: string;
  entries: readonly CodeEntry[];
}

const withSpecial = (entries: CodeEntry[]): CodeEntry[] => [
  ...entries,
  { code: NOT_PROVIDED, label: 'Non renseigné' },
  { code: DECLINED, label: 'Ne souhaite pas répondre' },
];

const list = (id: string, label: string, source: string, entries: CodeEntry[], special = true): CodeList => ({
  id,
  label,
  source,
  entries: special ? withSpecial(entries) : entries,
});

const e = (code: string, label: string): CodeEntry => ({ code, label });

export const CODE_LISTS = {
  sexe: list('sexe', 'Sexe', 'INSEE', [e('F', 'Femme'), e('M', 'Homme'), e('I', 'Indéterminé')], false),
  nationalite: list('nationalite', 'Nationalité', 'CAF', [
    e('F', 'Française'),
    e('C', 'Union européenne, EEE ou Suisse'),
    e('A', 'Autre nationalité'),
  ]),
  situationConjugale: list('situationConjugale', 'Situation conjugale', 'CAF sitfam', [
    e('CEL', 'Célibataire'),
    e('MAR', 'Marié·e'),
    e('PAC', 'Pacsé·e'),
    e('VIM', 'Vie maritale (union libre)'),
    e('DIV', 'Divorcé·e'),
    e('SEF', 'Séparation de fait'),
    e('SEL', 'Séparation légale'),
    e('VEU', 'Veuf ou veuve'),
    e('ISO', 'Isolement après vie maritale ou PACS'),
    e('RVC', 'Reprise de vie commune sur PACS'),
    e('RVM', 'Reprise de mariage'),
    e('RPA', 'Reprise de vie maritale'),
    e('ABA', 'Disparu·e (jugement d’absence)'),
  ]),
  logementStocd: list('logementStocd', 'Statut d’occupation du logement', 'INSEE STOCD', [
    e('10', 'Propriétaire'),
    e('21', 'Locataire ou sous-locataire d’un logement vide non HLM'),
    e('22', 'Locataire ou sous-locataire d’un logement vide HLM'),
    e('23', 'Locataire d’un meublé ou d’une chambre d’hôtel'),
    e('30', 'Logé·e gratuitement'),
    e('ZZ', 'Hors logement ordinaire'),
  ]),
  logementNatlog: list('logementNatlog', 'Nature du logement', 'CAF natlog', [
    e('0901', 'Logement autonome individuel'),
    e('0902', 'Logement autonome collectif'),
    e('0903', 'Urgence : foyer d’urgence'),
    e('0904', 'Urgence : CHRS'),
    e('0905', 'Urgence : hôtel social'),
    e('0906', 'Urgence : autre'),
    e('0907', 'Temporaire : appartement relais'),
    e('0908', 'Temporaire : bail glissant'),
    e('0909', 'Temporaire : chez un parent ou un tiers'),
    e('0910', 'Précaire : caravane, bateau'),
    e('0911', 'Précaire : résidence sociale'),
    e('0912', 'Précaire : sans hébergement'),
    e('0913', 'Précaire : autre'),
  ]),
  contexteFamilial: list('contexteFamilial', 'Contexte familial', 'INSEE TYPMR', [
    e('11', 'Homme seul'),
    e('12', 'Femme seule'),
    e('20', 'Plusieurs personnes sans famille'),
    e('31', 'Famille monoparentale (père)'),
    e('32', 'Famille monoparentale (mère)'),
    e('41', 'Couple, deux actifs occupés'),
    e('42', 'Couple, seul l’homme actif occupé'),
    e('43', 'Couple, seule la femme active occupée'),
    e('44', 'Couple sans actif occupé'),
  ]),
  statutProfessionnel: list('statutProfessionnel', 'Statut professionnel', 'INSEE TACT', [
    e('11', 'Actif·ve occupé·e'),
    e('12', 'Chômeur·se'),
    e('21', 'Retraité·e ou préretraité·e'),
    e('22', 'Élève, étudiant·e, stagiaire non rémunéré·e'),
    e('23', 'Moins de 14 ans'),
    e('24', 'Au foyer'),
    e('25', 'Autre inactif·ve'),
  ]),
  activiteCaf: list('activiteCaf', 'Activité (CAF)', 'CAF act', [
    e('SAL', 'Salarié·e'),
    e('CHR', 'Chômeur·se indemnisé·e'),
    e('CNI', 'Chômeur·se non indemnisé·e'),
    e('ASS', 'Allocation de solidarité spécifique'),
    e('ETU', 'Étudiant·e'),
    e('RET', 'Retraité·e'),
    e('MAL', 'Arrêt maladie'),
    e('INV', 'Pension d’invalidité'),
    e('HAN', 'Situation de handicap'),
    e('SSA', 'Sans activité'),
    e('INT', 'Intermittent·e'),
    e('TSA', 'Saisonnier·ère'),
    e('ETI', 'Travailleur·se non salarié·e'),
    e('APP', 'Apprenti·e'),
    e('SFP', 'Stage de formation professionnelle'),
    e('MAT', 'Congé maternité ou paternité'),
    e('CAT', 'ESAT, atelier protégé'),
  ]),
  niveauScolarite: list('niveauScolarite', 'Niveau de scolarité', 'Nomenclature des diplômes 2019', [
    e('0', 'Jamais scolarisé·e'),
    e('1', 'Niveau 1-2 : sans diplôme, savoirs de base'),
    e('3', 'Niveau 3 : CAP, BEP, DNB'),
    e('4', 'Niveau 4 : baccalauréat, BP'),
    e('5', 'Niveau 5 : bac+2 (BTS, DUT, DEUG)'),
    e('6', 'Niveau 6 : licence, BUT, maîtrise'),
    e('7', 'Niveau 7 : master, ingénieur'),
    e('8', 'Niveau 8 : doctorat'),
  ]),
  lienPersonneReference: list(
    'lienPersonneReference',
    'Lien avec la personne de référence',
    'INSEE LPRM',
    [
      e('1', 'Personne de référence'),
      e('2', 'Conjoint·e'),
      e('3', 'Enfant'),
      e('4', 'Petit-enfant'),
      e('5', 'Ascendant·e'),
      e('6', 'Autre parent'),
      e('7', 'Ami·e'),
      e('8', 'Pensionnaire, sous-locataire'),
      e('9', 'Salarié·e logé·e'),
    ],
    false,
  ),
} satisfies Record<string, CodeList>;

export type CodeListId = keyof typeof CODE_LISTS;

/** Codes accepted for a list, as a non-empty tuple for z.enum. */
export const codesOf = (id: CodeListId): [string, ...string[]] => {
  const codes = CODE_LISTS[id].entries.map((x) => x.code);
  return [codes[0] ?? NOT_PROVIDED, ...codes.slice(1)];
};

/** The French label of a stored code; unknown codes are shown as is, never dropped. */
export const labelOf = (id: CodeListId, code: string | null | undefined): string | null => {
  if (code === null || code === undefined) return null;
  return CODE_LISTS[id].entries.find((x) => x.code === code)?.label ?? code;
};
