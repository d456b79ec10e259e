import type { BudgetCharge, BudgetDebt, BudgetResource, BudgetSummary } from './budget.js';
import type { AidForm, AidScheme, AidType, Payee, ProcedureStage, UrgencyReason, FslAccesItem } from './codes.js';
import type { Eligibility, EligibilityFacts } from './eligibility-base.js';
import type { LoanStatus } from './loan.js';
import type { AidDecision, AidState } from './workflow.js';

/** The budget of a file (GET/PUT /api/usagers/:id/budget). */
export interface BudgetDto {
  version: number;
  updatedAt: string | null;
  resources: (BudgetResource & { personName: string | null })[];
  charges: BudgetCharge[];
  debts: BudgetDebt[];
  /** The household the UC are counted on, on the day of the read. */
  persons: { personId: string; name: string; age: number }[];
  summaries: { complet: BudgetSummary; fsl: BudgetSummary; paris: BudgetSummary };
  can: { write: boolean };
}

export interface AidHistoryDto {
  from: string | null;
  to: string;
  at: string;
  actorName: string;
  reason: string | null;
}

/** One aid application (GET /api/aid-applications/:id). */
export interface AidApplicationDto {
  id: string;
  caseFileId: string;
  fileNumber: string;
  scheme: AidScheme;
  aidType: AidType;
  aidLabel: string;
  form: AidForm;
  requestedCents: number;
  urgency: UrgencyReason | null;
  procedureStage: ProcedureStage | null;
  accesItems: FslAccesItem[];
  payee: Payee;
  creditorName: string | null;
  contractRef: string | null;
  status: AidState;
  statusLabel: string;
  facts: EligibilityFacts;
  /**
   * Labels of the pièces of the aid's checklist the file's documents do not satisfy, while the application waits for
   * its dépôt (brouillon, pièces manquantes); null once deposited complete.
   */
  missingPieces: string[] | null;
  /** The budget as it stood when the application was created (a snapshot, not the live budget). */
  budgetSnapshot: { takenAt: string; fsl: BudgetSummary; paris: BudgetSummary; complet: BudgetSummary } | null;
  decision: {
    outcome: AidDecision;
    amountCents: number | null;
    form: AidForm | null;
    loanMonths: number | null;
    reason: string | null;
    /** Why the accord goes beyond the 12-month limit of an FSL aid (a derogation), or null. */
    derogationReason: string | null;
    decidedAt: string;
    decidedBy: string;
    /** The parameters in force on the decision's date, kept with it. */
    params: Record<string, number>;
  } | null;
  loan: LoanStatus | null;
  history: AidHistoryDto[];
  createdAt: string;
  can: { transitions: AidState[]; repay: boolean; editFacts: boolean };
}

/** The application list of a file. */
export interface AidApplicationSummaryDto {
  id: string;
  scheme: AidScheme;
  aidType: AidType;
  aidLabel: string;
  requestedCents: number;
  status: AidState;
  statusLabel: string;
  createdAt: string;
}

export type EligibilityDto = Eligibility & { at: string; kept: boolean };
