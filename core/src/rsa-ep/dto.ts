import type { Breach } from './sanction.js';
import type { EpOutcome } from './schemas.js';
import type { EpMotif, EpState } from './workflow.js';

export interface EpSessionDto {
  id: string;
  date: string;
  place: string | null;
  members: { organisation: string; name: string }[];
  representatives: { name: string }[];
  passageCount: number;
}

export interface SanctionDto {
  id: string;
  breach: Breach;
  rate: number;
  months: number;
  startMonth: string;
  monthlyAmountCents: number;
  monthlyWithheldCents: number;
  totalWithheldCents: number;
  status: 'en_cours' | 'levee';
  liftedOn: string | null;
  reversedCents: number | null;
  /** The rules in force on the decision's date, kept with it. */
  params: Record<string, number>;
}

export interface EpPassageDto {
  id: string;
  caseFileId: string;
  personId: string;
  personName: string;
  sessionId: string;
  sessionDate: string;
  motif: EpMotif;
  state: EpState;
  facts: string | null;
  observationsDeadline: string;
  observations: { text: string | null; receivedOn: string } | null;
  avisDeemedFrom: string;
  /** `code` is null when the avis is deemed given (no answer within the delay in force). */
  avis: { code: EpOutcome | null; text: string | null; deemed: boolean; on: string } | null;
  decision: { outcome: EpOutcome; reason: string | null; on: string; byName: string } | null;
  sanction: SanctionDto | null;
  notificationDocumentId: string | null;
  history: { from: string | null; to: string; at: string; actorName: string }[];
  /** The states this caller may move the passage to now. */
  allowed: EpState[];
}

export interface EpTasksDto {
  toPrepare: { passageId: string; caseFileId: string; personName: string; sessionDate: string; motif: EpMotif }[];
  observationsAwaited: { passageId: string; caseFileId: string; personName: string; deadline: string }[];
}
