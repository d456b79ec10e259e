import type { Workflow } from '../workflow/engine.js';
import { ORGANISMES_BY_KIND, type OrientationKind, type Organisme } from './codes.js';

/**
 * Orientation of a person soumis aux droits et devoirs (docs/api.md, "RSA"): a request (instructs), then a decision
 * (decides: refused to whoever made the request, the maker-checker rule of every workflow); once oriented, a
 * réorientation is requested (with a free reference to the équipe pluridisciplinaire's opinion) and decided again.
 */
export type OrientationState = 'non_orientee' | 'demandee' | 'orientee' | 'reorientation_demandee';
export const ORIENTATION_STATES: Record<OrientationState, string> = {
  non_orientee: 'À orienter',
  demandee: 'Orientation demandée',
  orientee: 'Orientée',
  reorientation_demandee: 'Réorientation demandée',
};

/** What the guards read: the decision's kind and organisme (for a decision), the person's obligations. */
export interface OrientationFacts {
  soumis: boolean;
  kind?: OrientationKind | null;
  organisme?: Organisme | null;
}

const WORKERS = ['travailleur_social'] as const;
const mustBeSoumis = (f: OrientationFacts) =>
  f.soumis ? null : 'La personne n’est pas soumise aux droits et devoirs : pas d’orientation à demander';
export const organismeRefusal = (f: OrientationFacts): string | null => {
  if (!f.kind || !f.organisme) return 'Choisissez le type d’orientation et l’organisme référent';
  return ORGANISMES_BY_KIND[f.kind].includes(f.organisme)
    ? null
    : 'Cet organisme référent ne correspond pas au type d’orientation choisi';
};

export const ORIENTATION_WORKFLOW: Workflow<OrientationState, OrientationFacts> = {
  name: 'rsa_orientation',
  states: ['non_orientee', 'demandee', 'orientee', 'reorientation_demandee'],
  transitions: [
    { from: ['non_orientee'], to: 'demandee', roles: WORKERS, guard: mustBeSoumis, instructs: true },
    { from: ['demandee'], to: 'orientee', roles: WORKERS, guard: organismeRefusal, decides: true },
    { from: ['orientee'], to: 'reorientation_demandee', roles: WORKERS, instructs: true },
    { from: ['reorientation_demandee'], to: 'orientee', roles: WORKERS, guard: organismeRefusal, decides: true },
    // A request withdrawn (made by mistake, the person left the droits et devoirs).
    { from: ['demandee'], to: 'non_orientee', roles: WORKERS },
  ],
};
