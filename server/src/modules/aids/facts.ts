import {
  EMPTY_FACTS,
  isDecision,
  type AidFacts,
  type AidForm,
  type AidScheme,
  type AidState,
  type AidTransitionInput,
  type AidType,
  type Budget,
  type BudgetSummary,
  type EligibilityFacts,
  type ProcedureStage,
  type UrgencyReason,
} from '@jalon/core';
import { openText } from '../../crypto/index.js';
import { snapshotAad, type ApplicationRow } from './queries.js';

/** Reading an application row into the core's terms (workflow facts, eligibility facts, budget snapshot). */

export interface BudgetSnapshot {
  takenAt: string;
  budget: Budget;
  summaries: { complet: BudgetSummary; fsl: BudgetSummary; paris: BudgetSummary };
}

export const factsOfRow = (row: ApplicationRow): EligibilityFacts => ({
  ...EMPTY_FACTS,
  ...((row.facts ?? {}) as Partial<EligibilityFacts>),
});

export const snapshotOf = (row: ApplicationRow): BudgetSnapshot | null =>
  row.budget_snapshot ? (JSON.parse(openText(row.budget_snapshot, snapshotAad(row.id))) as BudgetSnapshot) : null;

export const applicationOf = (row: ApplicationRow): AidFacts['application'] => ({
  scheme: row.scheme as AidScheme,
  aidType: row.aid_type as AidType,
  form: row.form as AidForm,
  requestedCents: row.requested_cents,
  urgency: row.urgency as UrgencyReason | null,
  procedureStage: row.procedure_stage as ProcedureStage | null,
  decision: row.decision && isDecision(row.decision) ? row.decision : null,
  decidedForm: row.decided_form as AidForm | null,
});

/** The workflow facts of a transition request. */
export const workflowFacts = (
  row: ApplicationRow,
  input: Partial<AidTransitionInput>,
  more: Pick<AidFacts, 'loanOutstandingCents' | 'loanMaxMonths'> & { missingPieces?: readonly string[] | null },
): AidFacts => ({
  application: applicationOf(row),
  input: {
    reason: input.reason ?? null,
    amountCents: input.amountCents ?? null,
    form: input.form ?? null,
    loanMonths: input.loanMonths ?? null,
    derogationReason: input.derogationReason ?? null,
  },
  ...more,
  // Read from the file's documents by the moves that file the application (pieces.ts); null otherwise.
  missingPieces: more.missingPieces ?? null,
});

/** Facts that satisfy the input guards, to list the statuses the page may offer (the server checks the real input). */
export const offerFacts = (row: ApplicationRow, more: Parameters<typeof workflowFacts>[2]) =>
  workflowFacts(row, { reason: 'motif', amountCents: Math.max(1, row.requested_cents - 1), loanMonths: 1 }, more);

export const stateOf = (row: ApplicationRow) => row.status as AidState;
