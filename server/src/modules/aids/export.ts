import { AID_STATE_LABELS, aidTypeLabel, formatCents, type AidState } from '@jalon/core';
import type { Trx } from '../../db/schema.js';
import type { AccessExportPart } from '../../platform/module.js';
import { listApplications } from './queries.js';

/** The aid applications' part of the person's access export (RGPD art. 15): each application and its decision. */
export async function exportAids(trx: Trx, fileId: string): Promise<AccessExportPart | null> {
  const rows = await listApplications(trx, fileId);
  if (rows.length === 0) return null;
  return {
    key: 'aides',
    title: 'Demandes d’aide financière (FSL, aides de Paris)',
    items: rows.map((r) => [
      { label: 'Aide demandée', value: aidTypeLabel(r.aid_type) },
      { label: 'Date de la demande', value: new Date(r.created_at).toISOString().slice(0, 10) },
      { label: 'Montant demandé', value: formatCents(r.requested_cents) },
      { label: 'Statut', value: AID_STATE_LABELS[r.status as AidState] ?? 'Autre statut' },
      { label: 'Montant accordé', value: r.decided_cents ? formatCents(r.decided_cents) : '—' },
      { label: 'Motif de la décision', value: r.decision_reason ?? '—' },
    ]),
  };
}
