import type { Queryable } from '../../db/schema.js';

/**
 * What the commission reads of an aid application (modules/aids), in one shape: the agenda, the PV, the letters and
 * the payment file are built from it. The SQL sits in queries of the aids tables (`application-queries.ts`).
 */
export interface ApplicationFacts {
  id: string;
  caseFileId: string;
  siteId: string;
  personName: string;
  scheme: string;
  aidType: string;
  aidTypeLabel: string;
  form: string;
  requestedCents: number | null;
  state: string;
  urgent: boolean;
  beneficiary: 'tiers' | 'personne';
  /** The third party paid (bailleur, fournisseur) when the beneficiary is a third party. */
  creditor: string | null;
  contractRef: string | null;
  decidedForm: string | null;
  decisionReason: string | null;
}

export const COMMISSION_STATES = ['commission_ordinaire', 'commission_urgente'] as const;

export type { Queryable };
