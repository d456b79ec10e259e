import type { Role } from '../domain/roles.js';
import type { Transition, Workflow } from '../workflow/engine.js';
import type { AidForm, AidScheme, AidType, ProcedureStage, UrgencyReason } from './codes.js';
import { limitRefusal, type AidLimit } from './limits.js';

/**
 * The aid application's states (issue "Aid applications"; domain.md §4 workflow): brouillon → déposée (complète or
 * pièces manquantes) → en instruction → commission (ordinaire or urgente) → décision (accord, accord partiel, refus,
 * ajournement) → notifiée → payée → clôturée.
 */
export const AID_STATES = [
  'brouillon',
  'deposee_complete',
  'deposee_pieces_manquantes',
  'en_instruction',
  'commission_ordinaire',
  'commission_urgente',
  'accord',
  'accord_partiel',
  'refus',
  'ajournement',
  'notifiee',
  'payee',
  'cloturee',
] as const;
export type AidState = (typeof AID_STATES)[number];

export const AID_STATE_LABELS: Record<AidState, string> = {
  brouillon: 'Brouillon',
  deposee_complete: 'Déposée (complète)',
  deposee_pieces_manquantes: 'Déposée (pièces manquantes)',
  en_instruction: 'En instruction',
  commission_ordinaire: 'En commission ordinaire',
  commission_urgente: 'En commission urgente',
  accord: 'Accord',
  accord_partiel: 'Accord partiel',
  refus: 'Refus',
  ajournement: 'Ajournement',
  notifiee: 'Notifiée',
  payee: 'Payée',
  cloturee: 'Clôturée',
};

export const DECISIONS = ['accord', 'accord_partiel', 'refus', 'ajournement'] as const satisfies readonly AidState[];
export type AidDecision = (typeof DECISIONS)[number];
export const isDecision = (s: string): s is AidDecision => (DECISIONS as readonly string[]).includes(s);

/** What the guards read: the application, what the transition carries, and where its pièces and loan stand. */
export interface AidFacts {
  application: {
    scheme: AidScheme;
    aidType: AidType;
    form: AidForm;
    requestedCents: number;
    urgency: UrgencyReason | null;
    procedureStage: ProcedureStage | null;
    /** The decision already taken (notifiée and after), null before. */
    decision: AidDecision | null;
    /** The form the decision granted (a subvention may be granted as a loan). */
    decidedForm: AidForm | null;
  };
  input: {
    reason: string | null;
    amountCents: number | null;
    form: AidForm | null;
    loanMonths: number | null;
    /** Why an accord goes beyond the 12-month limit, where a derogation is allowed (limits.ts). */
    derogationReason?: string | null;
  };
  /** The 12-month re-application limit of the aid on the decision's date, null or absent: none. */
  limit?: AidLimit | null;
  /**
   * Labels of the pièces still missing on the aid's checklist (core/src/commission/pieces.ts), in checklist order;
   * null when the checklist was not read (a move that does not file the application).
   */
  missingPieces: readonly string[] | null;
  /** What remains to repay on the loan of the application (0 without a loan). */
  loanOutstandingCents: number;
  /** The longest loan the parameters allow on the decision's date. */
  loanMaxMonths: number;
}

const WORKERS: readonly Role[] = ['travailleur_social'];
const DECIDERS: readonly Role[] = ['travailleur_social', 'responsable'];
/**
 * Who may take a decision: the deciders, and the administration for the city-level FSL commission only (its gate,
 * `canRecordCityCommissionDecisions`, is the commission's: the administration reaches no application otherwise).
 */
const DECISION_ROLES: readonly Role[] = [...DECIDERS, 'admin_fonctionnel'];

const needsReason = (what: string) => (f: AidFacts) => (f.input.reason ? null : `Indiquez le motif ${what}`);

/** The urgent path only for the cases the law names (loi 90-449 art. 6-1), matching the aid asked. */
export function urgencyRefusal(a: AidFacts['application']): string | null {
  if (a.scheme !== 'fsl') return 'La procédure d’urgence concerne les aides du FSL';
  if (!a.urgency) return 'Indiquez le motif d’urgence (signature d’un bail, coupure imminente, assignation)';
  if (a.urgency === 'signature_bail' && a.aidType !== 'acces') return 'La signature d’un bail concerne le FSL accès';
  if (a.urgency === 'coupure_imminente' && !['energie', 'eau', 'telephone'].includes(a.aidType))
    return 'Une coupure imminente concerne le FSL énergie, eau ou téléphone';
  if (
    a.urgency === 'assignation' &&
    (a.aidType !== 'maintien' ||
      !['assignation', 'jugement', 'concours_force_publique'].includes(a.procedureStage ?? ''))
  )
    return 'L’assignation concerne un FSL maintien dont la procédure en est au moins à l’assignation';
  return null;
}

/** The amount and form of an accord: a positive amount (partial: below the request), a loan of allowed length. */
function grantRefusal(f: AidFacts, partial: boolean): string | null {
  const amount = f.input.amountCents ?? (partial ? null : f.application.requestedCents);
  if (amount === null || amount <= 0) return 'Indiquez le montant accordé';
  if (partial && amount >= f.application.requestedCents)
    return 'Un accord partiel porte sur un montant inférieur à la demande';
  if (!partial && amount > f.application.requestedCents) return 'Le montant accordé dépasse la demande';
  if (partial && !f.input.reason) return 'Indiquez le motif de l’accord partiel';
  const form = f.input.form ?? f.application.form;
  if (form === 'pret') {
    const m = f.input.loanMonths;
    if (m === null || m < 1 || m > f.loanMaxMonths) return `Indiquez la durée du prêt : de 1 à ${f.loanMaxMonths} mois`;
  }
  return limitRefusal(f.application.aidType, f.limit ?? null, f.input.derogationReason ?? null);
}

const paid = (f: AidFacts) =>
  (f.application.decision === 'accord' || f.application.decision === 'accord_partiel') &&
  ['subvention', 'pret'].includes(f.application.decidedForm ?? f.application.form);

const decide = (to: AidDecision, guard: (f: AidFacts) => string | null): Transition<AidState, AidFacts> => ({
  from: ['commission_ordinaire', 'commission_urgente'],
  to,
  roles: DECISION_ROLES,
  decides: true,
  guard,
});

/**
 * The table of the application workflow. The instructing worker (who opens the instruction, or sends it to the
 * commission) never decides: the decisions are `decides` (maker-checker, docs/architecture.md "Workflows").
 */
export const AID_WORKFLOW: Workflow<AidState, AidFacts> = {
  name: 'aid_application',
  states: AID_STATES,
  transitions: [
    {
      from: ['brouillon', 'deposee_pieces_manquantes'],
      to: 'deposee_complete',
      roles: WORKERS,
      guard: (f) =>
        f.missingPieces?.length
          ? `Il manque encore ${f.missingPieces.length} pièce(s) justificative(s) au dossier : ${f.missingPieces.join(', ')}`
          : null,
    },
    {
      from: ['brouillon'],
      to: 'deposee_pieces_manquantes',
      roles: WORKERS,
      guard: (f) =>
        f.missingPieces && f.missingPieces.length === 0
          ? 'Aucune pièce ne manque : la demande se dépose complète'
          : null,
    },
    { from: ['deposee_complete', 'ajournement'], to: 'en_instruction', roles: WORKERS, instructs: true },
    { from: ['en_instruction', 'ajournement'], to: 'commission_ordinaire', roles: WORKERS, instructs: true },
    {
      from: ['en_instruction', 'ajournement'],
      to: 'commission_urgente',
      roles: WORKERS,
      instructs: true,
      guard: (f) => urgencyRefusal(f.application),
    },
    decide('accord', (f) => grantRefusal(f, false)),
    decide('accord_partiel', (f) => grantRefusal(f, true)),
    decide('refus', needsReason('du refus')),
    decide('ajournement', needsReason('de l’ajournement')),
    { from: ['accord', 'accord_partiel', 'refus'], to: 'notifiee', roles: DECIDERS },
    {
      from: ['notifiee'],
      to: 'payee',
      roles: DECIDERS,
      guard: (f) => (paid(f) ? null : 'Seul un accord en subvention ou en prêt donne lieu à un paiement'),
    },
    {
      from: ['notifiee'],
      to: 'cloturee',
      roles: DECIDERS,
      guard: (f) => (paid(f) ? 'Enregistrez d’abord le paiement de l’aide accordée' : null),
    },
    {
      from: ['payee'],
      to: 'cloturee',
      roles: DECIDERS,
      guard: (f) =>
        f.loanOutstandingCents > 0 ? 'Le prêt n’est pas entièrement remboursé : le dossier reste ouvert' : null,
    },
    // Classement sans suite: a draft abandoned, or pièces never brought (the request lapses after 2 months, domain.md §5).
    {
      from: ['brouillon', 'deposee_pieces_manquantes'],
      to: 'cloturee',
      roles: WORKERS,
      guard: needsReason('du classement sans suite'),
    },
  ],
};
