/** Answers of the DPO's log search (/api/dpo/*, modules/audit-log), shared by the server and the web. */

/** A security event: who (role, site, account) did what on which file id; never any usager content. */
export interface AuditEventDto {
  id: number;
  at: string;
  /** `action` for the audit log; `part` (part of the file read) for the consultations log. */
  action?: string;
  part?: string;
  /** French labels (core/src/labels): what the page shows; the codes stay for the filters. */
  actionLabel?: string;
  partLabel?: string;
  actorRoleLabel: string | null;
  fileNumber: string | null;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  siteName: string | null;
  caseFileId: string | null;
  targetType?: string | null;
  targetId?: string | null;
}

/** An account the DPO may name in a search: identity and role, no activity. */
export interface AccountDto {
  id: string;
  displayName: string;
  email: string;
  role: string;
  active: boolean;
  siteName: string | null;
}
