import { StatisticsError } from './errors.js';

/**
 * No statistics per worker (docs/api.md, Statistics; domain.md §7: the union objection to counting workers one by one, and the
 * CNIL warning on using logs to monitor staff), and none per person either ("no statistics page ever lists a name").
 *
 * Dimensions are matched on their words, whatever the spelling: `userId`, `user_id`, `auteur`, `référent`,
 * `createdBy`, `Travailleur social`… A dimension is refused as soon as one of its words names a staff member or an
 * individual. Words, not substrings: `statutProfessionnel` (the usager's occupation) is a legitimate dimension, and
 * words that also describe usagers (salarié) are left out. Being a denylist, it is a second line behind the API's
 * own list of dimensions; it exists so that adding a dimension to that list can never quietly open a per-worker
 * breakdown. Teams stay allowed here: the "team of at least 5 workers" rule needs the team sizes, a server concern.
 */
const STAFF_WORDS = [
  ...['user', 'users', 'utilisateur', 'utilisateurs', 'worker', 'workers', 'travailleur', 'travailleurs'],
  ...[
    'author',
    'authors',
    'auteur',
    'auteurs',
    'referent',
    'referents',
    'agent',
    'agents',
    'intervenant',
    'intervenants',
  ],
  ...[
    'staff',
    'employee',
    'employees',
    'redacteur',
    'owner',
    'assignee',
    'responsable',
    'secretaire',
    'account',
    'login',
  ],
  // createdBy, modifie_par: the word that introduces a person.
  ...['by', 'par'],
];
const PERSON_WORDS = ['usager', 'usagers', 'person', 'personne', 'beneficiaire', 'nom', 'name', 'prenom', 'nir'];

const STAFF = new Set(STAFF_WORDS);
const PERSON = new Set(PERSON_WORDS);

/** `createdBy` → created, by; `Référent_ID` → referent, id. */
export const dimensionWords = (dimension: string): string[] =>
  dimension
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

export const assertGroupingAllowed = (groupBy: readonly string[]): void => {
  for (const dimension of groupBy) {
    const words = dimensionWords(dimension);
    if (words.some((w) => STAFF.has(w)))
      throw new StatisticsError(
        'grouping_refused',
        `Regroupement par « ${dimension} » refusé : aucune statistique n’est ventilée par professionnel`,
        'groupBy',
      );
    if (words.some((w) => PERSON.has(w)))
      throw new StatisticsError(
        'grouping_refused',
        `Regroupement par « ${dimension} » refusé : une statistique ne descend jamais à la personne`,
        'groupBy',
      );
  }
};
