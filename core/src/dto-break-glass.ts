import type { BreakGlassReason } from './domain/break-glass.js';
import type { Role } from './domain/roles.js';
import type { SensitiveSection } from './sections/domain.js';
import type { CodedValue, UsagerFullPartDto, UsagerGeneralDto } from './dto.js';

/** The grant returned to the worker who asked for a motivated access. */
export interface BreakGlassGrantDto {
  id: string;
  caseFileId: string;
  reason: BreakGlassReason;
  grantedAt: string;
  expiresAt: string;
}

/** One motivated access in the review queue of the responsable of the file's site and of the DPO. */
export interface BreakGlassQueueItemDto {
  id: string;
  caseFileId: string;
  fileNumber: string;
  fileSiteName: string;
  /** The worker's name for the DPO only; a responsable reviews on role, site, reason and justification. */
  user: { displayName: string | null; role: Role; siteName: string | null };
  reason: CodedValue;
  justification: string;
  grantedAt: string;
  expiresAt: string;
  /** Reads of the file by this user during the grant (access log). */
  readCount: number;
  review: { at: string; byName: string; comment: string } | null;
}

/** An in-app notification; for a motivated access the référent learns the role, site and reason, never the name. */
export interface NotificationDto {
  id: string;
  kind: 'break_glass' | 'access_request' | 'access_export';
  createdAt: string;
  read: boolean;
  caseFileId: string | null;
  fileNumber: string | null;
  text: string;
}

export interface NotificationListDto {
  items: NotificationDto[];
  unread: number;
}

/** The access export (RGPD art. 15): everything the file holds about the person, notes included. */
export interface AccessExportDto {
  generatedAt: string;
  controller: string;
  /** What the document is (docs/security.md, "Demandes d’accès (Access requests)"): the DPO's whole file, or a référent's print. */
  scopeLabel: string;
  /** The request answered, for the DPO's export; null for a référent's print. */
  request: { receivedOn: string; requesterLabel: string; dueOn: string } | null;
  file: UsagerGeneralDto & { full: UsagerFullPartDto };
  journal: {
    occurredAt: string;
    type: CodedValue;
    durationMinutes: number | null;
    place: string | null;
    motifs: string[];
    note: string | null;
    orientationReason: string | null;
    orientationOutcome: string | null;
    appointmentStatus: string | null;
  }[];
  /** Who consulted the file: role, site and date; never a worker's name. */
  consultations: { at: string; role: CodedValue; siteName: string | null; partLabel: string }[];
  /** Shares of the file with partners, when the sharing module is installed. */
  shares:
    { sharedOn: string; recipient: string; legalGround: string; sections: string[]; personInformed: boolean }[] | null;
  /** The file's opened sensitive sections, decrypted (docs/api.md, Motivated access, notifications, access export). */
  sections: AccessExportSectionDto[];
  /** The parts other modules contribute (module contract, `accessExport`), already in French. */
  parts: { key: string; title: string; items: { label: string; value: string }[][] }[];
}

/** One opened sensitive section in the access export: the raw content and its readable French lines. */
export interface AccessExportSectionDto {
  section: SensitiveSection;
  label: string;
  openedAt: string;
  reasonLabel: string;
  reasonText: string;
  updatedAt: string | null;
  data: Record<string, unknown> | null;
  lines: { label: string; value: string }[];
}
