import { canReadFullUsager, followsUsager } from '../policy/usager.js';
import type { Actor, UsagerTarget } from '../policy/actor.js';
import type { Role } from '../domain/roles.js';
import { checkTransition, type TransitionDecision, type TransitionRecord } from '../workflow/engine.js';
import { AID_WORKFLOW, type AidFacts, type AidState } from './workflow.js';

/**
 * Who reaches the budget and the aid applications of a file (docs/security.md, "Budget et aides"): the file's
 * need-to-know. Those who follow the file read and write; a motivated access reads; the site manager reads the
 * applications to decide them in commission. Every other caller gets 404.
 */
const siteManager = (a: Actor, f: UsagerTarget) =>
  a.role === 'responsable' && a.siteId !== null && a.siteId === f.siteId;

export const canReadBudget = (a: Actor, f: UsagerTarget): boolean => canReadFullUsager(a, f);
export const canWriteBudget = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);
export const canCreateAidApplication = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f);
export const canReadAidApplication = (a: Actor, f: UsagerTarget): boolean =>
  canReadFullUsager(a, f) || siteManager(a, f);
/** The list of late loan repayments (home page): workers and site managers of a site; scoped to their files. */
export const canListLateRepayments = (a: Actor): boolean =>
  (a.role === 'travailleur_social' || a.role === 'responsable') && a.siteId !== null;

/** Moving an application (the workflow table then says which move): the followers and the site manager. */
export const canActOnAidApplication = (a: Actor, f: UsagerTarget): boolean => followsUsager(a, f) || siteManager(a, f);

/**
 * The workflow check with the aids' own maker-checker: whoever made any `instructs` transition of the application
 * (opening the instruction, sending it to the commission) never decides it, not only the latest instructor.
 */
export function checkAidTransition(
  from: AidState,
  to: AidState,
  actor: { id: string; role: Role },
  facts: AidFacts,
  history: readonly TransitionRecord[],
): TransitionDecision<AidState, AidFacts> {
  const d = checkTransition(AID_WORKFLOW, from, to, actor, facts, history);
  if (d.ok && d.transition.decides && history.some((h) => h.instructs && h.actorId === actor.id))
    return {
      ok: false,
      code: 'maker_checker',
      message: 'La personne qui a instruit ce dossier ne peut pas prendre la décision',
    };
  return d;
}

/** The statuses this actor may move the application to now (what the page offers). */
export const allowedAidTargets = (
  from: AidState,
  actor: { id: string; role: Role },
  facts: AidFacts,
  history: readonly TransitionRecord[],
): AidState[] =>
  AID_WORKFLOW.states.filter((to) => to !== from && checkAidTransition(from, to, actor, facts, history).ok);
