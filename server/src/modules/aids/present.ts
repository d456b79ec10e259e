import {
  AID_STATE_LABELS,
  aidTypeLabel,
  allowedAidTargets,
  loanStatus,
  type AidApplicationDto,
  type AidApplicationSummaryDto,
  type AidDecision,
  type AidForm,
  type AidState,
  type AidScheme,
  type AidType,
  type FslAccesItem,
  type Payee,
  type ProcedureStage,
  type UrgencyReason,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import type { HistoryRow } from '../workflows/index.js';
import { applicationOf, factsOfRow, offerFacts, snapshotOf, stateOf } from './facts.js';
import type { ApplicationRow, loanOf } from './queries.js';

type Loan = Awaited<ReturnType<typeof loanOf>>;

/** The states in which the pre-check's facts may still be corrected (before a decision that stands). */
export const FACTS_OPEN: readonly AidState[] = [
  'brouillon',
  'deposee_complete',
  'deposee_pieces_manquantes',
  'en_instruction',
  'commission_ordinaire',
  'commission_urgente',
  'ajournement',
];

export const presentSummary = (row: ApplicationRow): AidApplicationSummaryDto => ({
  id: row.id,
  scheme: row.scheme as AidScheme,
  aidType: row.aid_type as AidType,
  aidLabel: aidTypeLabel(row.aid_type),
  requestedCents: row.requested_cents,
  status: stateOf(row),
  statusLabel: AID_STATE_LABELS[stateOf(row)],
  createdAt: new Date(row.created_at).toISOString(),
});

export interface PresentInput {
  row: ApplicationRow;
  history: HistoryRow[];
  loan: Loan;
  decidedBy: string;
  loanMaxMonths: number;
  /** The pièces missing while the application waits for its dépôt (pieces.ts), null after. */
  missingPieces: string[] | null;
  /** Whether the caller may act on it at all (followers and site manager), and edit it (followers). */
  mayAct: boolean;
  mayEdit: boolean;
}

/** One application for the page: its snapshot, decision (with the parameters it kept), loan, history and moves. */
export function presentApplication(ctx: Ctx, p: PresentInput): AidApplicationDto {
  const { row } = p;
  const today = ctx.now.toISOString().slice(0, 10);
  const loan = p.loan.schedule.length ? loanStatus(p.loan.schedule, p.loan.repayments, today) : null;
  const snap = snapshotOf(row);
  const more = {
    loanOutstandingCents: loan?.outstandingCents ?? 0,
    loanMaxMonths: p.loanMaxMonths,
    missingPieces: p.missingPieces,
  };
  const transitions = p.mayAct ? allowedAidTargets(stateOf(row), ctx.actor, offerFacts(row, more), p.history) : [];
  const app = applicationOf(row);
  return {
    ...presentSummary(row),
    caseFileId: row.case_file_id,
    fileNumber: row.file_number,
    form: row.form as AidForm,
    urgency: row.urgency as UrgencyReason | null,
    procedureStage: row.procedure_stage as ProcedureStage | null,
    accesItems: (row.acces_items ?? []) as FslAccesItem[],
    payee: row.payee as Payee,
    creditorName: row.creditor_name,
    contractRef: row.contract_ref,
    facts: factsOfRow(row),
    missingPieces: p.missingPieces,
    budgetSnapshot: snap ? { takenAt: snap.takenAt, ...snap.summaries } : null,
    decision:
      row.decision && row.decided_at
        ? {
            outcome: row.decision as AidDecision,
            amountCents: row.decided_cents,
            form: (row.decided_form as AidForm | null) ?? null,
            loanMonths: row.loan_months,
            reason: row.decision_reason,
            derogationReason: row.derogation_reason ?? null,
            decidedAt: new Date(row.decided_at).toISOString(),
            decidedBy: p.decidedBy,
            params: (row.decision_params ?? {}) as Record<string, number>,
          }
        : null,
    loan,
    history: p.history.map((h) => ({
      from: h.from,
      to: h.to,
      at: h.at.toISOString(),
      actorName: h.actorName,
      reason: h.reason,
    })),
    can: {
      transitions,
      repay: p.mayEdit && stateOf(row) === 'payee' && app.decidedForm === 'pret' && (loan?.outstandingCents ?? 0) > 0,
      editFacts: p.mayEdit && FACTS_OPEN.includes(stateOf(row)),
    },
  };
}
