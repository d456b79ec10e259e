import type { PieceLine } from './pieces.js';
import type { CommissionKind, DecisionOutcome } from './schemas.js';

export interface CommissionSessionDto {
  id: string;
  sessionDate: string;
  kind: CommissionKind;
  /** `ville`: the city-level FSL commission, with no site (siteId null). */
  level: 'site' | 'ville';
  siteId: string | null;
  siteName: string;
  territory: string | null;
  status: 'ouverte' | 'close';
  agendaCount: number;
  decidedCount: number;
}

export interface CommissionAgendaItemDto {
  applicationId: string;
  caseFileId: string;
  position: number;
  personName: string;
  aidType: string;
  aidTypeLabel: string;
  requestedCents: number | null;
  state: string;
  urgent: boolean;
  decision: { outcome: DecisionOutcome; amountCents: number | null; reason: string | null } | null;
  letterDocumentId: string | null;
}

export interface CommissionDetailDto extends CommissionSessionDto {
  agenda: CommissionAgendaItemDto[];
  /** Applications waiting for a commission (state "commission") that fit the session, not yet on an agenda. */
  candidates: Omit<CommissionAgendaItemDto, 'position' | 'decision' | 'letterDocumentId'>[];
  paymentTotalCents: number;
}

export interface PiecesDto {
  applicationId: string;
  aidType: string;
  lines: PieceLine[];
  missing: string[];
  complete: boolean;
}
