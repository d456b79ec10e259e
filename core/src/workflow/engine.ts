import type { Role } from '../domain/roles.js';

/**
 * Workflows with history and maker-checker (docs/architecture.md, "Workflows"): a workflow is a table of transitions
 * (from, to, who may, guard), pure; the server records every transition in `workflow_transition`. A transition marked
 * `decides` may not be made by whoever instructed the case (a transition marked `instructs`): the maker-checker rule,
 * the same for every workflow.
 */
export interface Transition<S extends string, F> {
  from: readonly S[];
  to: S;
  /** Roles that may make this transition (the access layer has already checked the file). */
  roles: readonly Role[];
  /** A French refusal when the facts forbid it, null when allowed. */
  guard?: (facts: F) => string | null;
  /** Instructing the case: its author may not make a later `decides` transition. */
  instructs?: boolean;
  /** Deciding the case: refused to whoever instructed it. */
  decides?: boolean;
}

export interface Workflow<S extends string, F> {
  name: string;
  states: readonly S[];
  transitions: readonly Transition<S, F>[];
}

/** One recorded transition (who, when, from, to, why). */
export interface TransitionRecord<S extends string = string> {
  from: S | null;
  to: S;
  actorId: string;
  at: Date;
  reason: string | null;
  instructs?: boolean;
}

export type TransitionDecision<S extends string, F> =
  | { ok: true; transition: Transition<S, F> }
  | { ok: false; code: 'transition_not_allowed' | 'maker_checker'; message: string };

/** Who instructed the case: the author of its latest `instructs` transition. */
export const instructorOf = (history: readonly TransitionRecord[]): string | null =>
  [...history].reverse().find((h) => h.instructs)?.actorId ?? null;

/** Whether `actor` may move the subject from `from` to `to` given the facts and the history. Pure. */
export function checkTransition<S extends string, F>(
  wf: Workflow<S, F>,
  from: S,
  to: S,
  actor: { id: string; role: Role },
  facts: F,
  history: readonly TransitionRecord[] = [],
): TransitionDecision<S, F> {
  const t = wf.transitions.find((x) => x.to === to && x.from.includes(from));
  if (!t) return { ok: false, code: 'transition_not_allowed', message: 'Ce changement de statut n’est pas possible' };
  if (!t.roles.includes(actor.role))
    return { ok: false, code: 'transition_not_allowed', message: 'Votre profil ne permet pas ce changement de statut' };
  const refusal = t.guard?.(facts);
  if (refusal) return { ok: false, code: 'transition_not_allowed', message: refusal };
  if (t.decides && instructorOf(history) === actor.id)
    return {
      ok: false,
      code: 'maker_checker',
      message: 'La personne qui a instruit ce dossier ne peut pas prendre la décision',
    };
  return { ok: true, transition: t };
}

/** The states reachable from `from` for this actor and these facts (what the page offers). */
export const allowedTargets = <S extends string, F>(
  wf: Workflow<S, F>,
  from: S,
  actor: { id: string; role: Role },
  facts: F,
  history: readonly TransitionRecord[] = [],
): S[] => wf.states.filter((to) => to !== from && checkTransition(wf, from, to, actor, facts, history).ok);
