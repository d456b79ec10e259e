import {
  BREAK_GLASS_REASON_LABELS,
  ROLE_LABELS,
  type BreakGlassQueueItemDto,
  type BreakGlassReason,
  type NotificationDto,
  type Role,
} from '@jalon/core';
import type { NotificationRow, QueueRow } from './queries.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const reasonLabel = (code: string) => BREAK_GLASS_REASON_LABELS[code as BreakGlassReason] ?? code;

/**
 * Who sees the name of the worker who opened a file under a motivated access: the DPO and the responsable reviewing
 * the accesses to the files of their site. Reviewing one access needs to know who (docs/security.md, "Motivated
 * access"); it is not a view of a worker's activity (no counts, no agenda, no productivity by name).
 */
export const reviewerSeesName = (role: string): boolean => role === 'dpo' || role === 'responsable';

/** `showName`: see `reviewerSeesName`. */
export const presentQueueItem = (r: QueueRow, showName: boolean): BreakGlassQueueItemDto => ({
  id: r.id,
  caseFileId: r.case_file_id,
  fileNumber: r.file_number,
  fileSiteName: r.file_site_name,
  user: { displayName: showName ? r.user_name : null, role: r.user_role, siteName: r.user_site_name },
  reason: { code: r.reason, label: reasonLabel(r.reason) },
  justification: r.justification,
  grantedAt: iso(r.granted_at),
  expiresAt: iso(r.expires_at),
  readCount: Number(r.read_count ?? 0),
  review: r.reviewed_at
    ? { at: iso(r.reviewed_at), byName: r.reviewer_name ?? '', comment: r.review_comment ?? '' }
    : null,
});

/** The référent learns the role, the site and the reason of the access to their file; never the worker's name. */
export const presentNotification = (r: NotificationRow): NotificationDto => {
  if (r.kind !== 'break_glass') return presentAccessRequestNotification(r);
  const role = r.user_role ? ROLE_LABELS[r.user_role as Role].toLowerCase() : 'agent';
  const where = r.user_site_name ? ` de ${r.user_site_name}` : '';
  return {
    id: r.id,
    kind: r.kind,
    createdAt: iso(r.created_at),
    read: r.read_at !== null,
    caseFileId: r.case_file_id,
    fileNumber: r.file_number,
    text: `Accès motivé au dossier ${r.file_number ?? ''} par un·e ${role}${where} — motif : ${reasonLabel(r.reason ?? '')}. L’accès dure 24 heures et sera revu par le responsable de site ou le DPO.`,
  };
};

const day = (d: string | Date | null) => (d ? iso(d).slice(0, 10).split('-').reverse().join('/') : '');

/** A person's access request (docs/security.md, "Demandes d’accès (Access requests)"): the référent learns it and when the DPO answered. */
const presentAccessRequestNotification = (r: NotificationRow): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  createdAt: iso(r.created_at),
  read: r.read_at !== null,
  caseFileId: r.case_file_id,
  fileNumber: r.file_number,
  text:
    r.kind === 'access_export'
      ? `Le délégué à la protection des données a produit l’export d’accès du dossier ${r.file_number ?? ''} (demande de la personne, RGPD art. 15).`
      : `Demande d’accès de la personne enregistrée sur le dossier ${r.file_number ?? ''} : le délégué à la protection des données y répond avant le ${day(r.request_due_on)}.`,
});
