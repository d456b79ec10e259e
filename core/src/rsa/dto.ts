import type { ActionStatus, ContractKind, HoursReason, OrientationKind, Organisme, RsaOrigin } from './codes.js';
import type { OrientationState } from './orientation.js';

/** A code with the label a person reads. */
export interface Labelled<C extends string = string> {
  code: C;
  label: string;
}

export interface RsaBlockDto {
  etatdosrsa: Labelled | null;
  natpf: Labelled | null;
  toppersdrodevorsa: boolean;
  rolepers: Labelled | null;
  dateOuverture: string | null;
  numAllocataire: string | null;
  sitpersdemrsa: Labelled | null;
  ddSince: string | null;
  updatedAt: string;
  origin: Labelled<RsaOrigin>;
}
export interface RsaChangeDto {
  at: string;
  origin: Labelled<RsaOrigin>;
  actorName: string | null;
  changes: { field: string; label: string; from: string | null; to: string | null }[];
}
export interface OrientationDecisionDto {
  kind: Labelled<OrientationKind>;
  organisme: Labelled<Organisme>;
  requestedOn: string | null;
  decidedOn: string;
  notifiedOn: string | null;
  reorientation: boolean;
  epReference: string | null;
  decidedBy: string;
}
export interface OrientationDto {
  state: Labelled<OrientationState>;
  requestedOn: string | null;
  kind: Labelled<OrientationKind> | null;
  organisme: Labelled<Organisme> | null;
  decidedOn: string | null;
  notifiedOn: string | null;
  /** Entry into droits et devoirs → decision (or today), against the target in force. */
  delay: { days: number; targetDays: number; dueOn: string; late: boolean; decided: boolean } | null;
  signatureDueOn: string | null;
  allowed: OrientationState[];
  decisions: OrientationDecisionDto[];
  history: { from: string | null; to: string; at: string; actorName: string; reason: string | null }[];
}
export interface RsaReferentDto {
  kind: 'referent_unique' | 'france_travail';
  userId: string | null;
  name: string;
  organisme: string | null;
  startOn: string;
  endOn: string | null;
}
export interface ContractActionDto {
  id: string;
  actionId: string;
  theme: string;
  objective: string;
  label: string;
  status: Labelled<ActionStatus>;
  note: string | null;
}
export interface ContractDto {
  id: string;
  kind: Labelled<ContractKind>;
  startOn: string;
  durationMonths: number;
  endOn: string;
  weeklyHours: number | null;
  hoursReason: Labelled<HoursReason> | null;
  hoursReasonText: string | null;
  renewalOf: string | null;
  renewed: boolean;
  signedOn: string | null;
  signedDocumentId: string | null;
  inForce: boolean;
  actions: ContractActionDto[];
}
export interface RsaPersonDto {
  personId: string;
  /** The household membership the write routes name (`/rsa/members/:memberId`). */
  memberId: string;
  name: string;
  principal: boolean;
  block: RsaBlockDto | null;
  history: RsaChangeDto[];
  orientation: OrientationDto;
  referents: RsaReferentDto[];
  contracts: ContractDto[];
}
export interface RsaFileDto {
  persons: RsaPersonDto[];
  can: { write: boolean };
  params: { orientationTargetWeeks: number; minWeeklyHours: number; signatureMonths: number };
}
export interface ActionRefDto {
  id: string;
  theme: string;
  objective: string;
  label: string;
  active: boolean;
}
export type RsaTaskKind = 'orientation_late' | 'contract_to_sign' | 'contract_to_renew';
export interface RsaTaskDto {
  kind: Labelled<RsaTaskKind>;
  fileId: string;
  fileNumber: string;
  personId: string;
  name: string;
  dueOn: string | null;
  late: boolean;
}
