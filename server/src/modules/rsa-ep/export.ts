import {
  EP_MOTIF_LABELS,
  EP_OUTCOME_LABELS,
  EP_STATE_LABELS,
  euros,
  type EpMotif,
  type EpOutcome,
  type EpState,
} from '@jalon/core';
import { openText } from '../../crypto/index.js';
import type { Trx } from '../../db/schema.js';
import type { AccessExportPart } from '../../platform/module.js';
import { passageAad, passagesOfFile, sanctionsOfPassages, type PassageRow } from './queries.js';

const day = (v: unknown) =>
  v === null || v === undefined ? '—' : String(v instanceof Date ? v.toISOString() : v).slice(0, 10);
const text = (row: PassageRow, column: 'facts' | 'observations' | 'avis_text' | 'decision_reason') => {
  const v = row[column];
  return v === null ? '—' : openText(v, passageAad(column, row.id));
};

/**
 * The EP part of the person's access export (RGPD art. 15; docs/security.md, "Access export"): every passage with its
 * facts, observations, avis and decision, and the sanction it led to — the whole, as the right of access requires.
 */
export async function exportEp(trx: Trx, fileId: string): Promise<AccessExportPart | null> {
  const passages = await passagesOfFile(trx, fileId);
  if (passages.length === 0) return null;
  const sanctions = new Map(
    (
      await sanctionsOfPassages(
        trx,
        passages.map((p) => p.id),
      )
    ).map((s) => [s.passage_id, s]),
  );
  return {
    key: 'rsa_ep',
    title: 'RSA : équipe pluridisciplinaire et sanctions',
    items: passages.map((p) => {
      const s = sanctions.get(p.id);
      return [
        { label: 'Séance de l’équipe pluridisciplinaire', value: day(p.session_date) },
        { label: 'Motif', value: EP_MOTIF_LABELS[p.motif as EpMotif] ?? '—' },
        { label: 'État', value: EP_STATE_LABELS[p.state as EpState] ?? '—' },
        { label: 'Faits', value: text(p, 'facts') },
        { label: 'Observations (reçues le ' + day(p.observations_on) + ')', value: text(p, 'observations') },
        { label: 'Avis', value: p.avis ? (EP_OUTCOME_LABELS[p.avis as EpOutcome] ?? '—') : '—' },
        { label: 'Texte de l’avis', value: text(p, 'avis_text') },
        { label: 'Décision', value: p.outcome ? (EP_OUTCOME_LABELS[p.outcome as EpOutcome] ?? '—') : '—' },
        { label: 'Décidée le', value: day(p.decided_on) },
        { label: 'Motif de la décision', value: text(p, 'decision_reason') },
        ...(s
          ? [
              { label: 'Sanction', value: `${s.rate} % pendant ${s.months} mois à partir du ${day(s.start_month)}` },
              { label: 'Retenue mensuelle', value: euros(s.monthly_withheld_cents) },
              { label: 'Levée (remobilisation)', value: s.lifted_on ? `le ${day(s.lifted_on)}` : 'non' },
            ]
          : []),
      ];
    }),
  };
}
