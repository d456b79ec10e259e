import {
  allowedTargets,
  EP_WORKFLOW,
  type Actor,
  type EpFacts,
  type EpMotif,
  type EpOutcome,
  type EpPassageDto,
  type EpSessionDto,
  type EpState,
  type SanctionDto,
  type TransitionRecord,
} from '@jalon/core';
import { openText } from '../../crypto/index.js';
import type { HistoryRow } from '../workflows/index.js';
import { passageAad, type PassageRow, type SanctionRow, type SessionRow } from './queries.js';

/** Whitelists what an EP passage, session and sanction show (docs/architecture.md, "A request, end to end", step 6). */

const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
const open = (row: PassageRow, column: 'facts' | 'observations' | 'avis_text' | 'decision_reason') => {
  const v = row[column];
  return v === null ? null : openText(v, passageAad(column, row.id));
};
export const personNameOf = (r: { birth_name: string; used_name: string | null; first_names: string }) =>
  `${(r.used_name ?? r.birth_name).toUpperCase()} ${r.first_names}`;

export const factsOf = (row: PassageRow, now: Date): EpFacts => ({
  now,
  sessionDate: day(row.session_date),
  motif: row.motif as EpMotif,
  observationsReceived: row.observations_on !== null,
  observationsDeadline: day(row.observations_deadline),
  avisDeemedFrom: day(row.avis_deemed_from),
});

export const presentSanction = (s: SanctionRow): SanctionDto => ({
  id: s.id,
  breach: s.breach as SanctionDto['breach'],
  rate: s.rate,
  months: s.months,
  startMonth: day(s.start_month),
  monthlyAmountCents: s.monthly_amount_cents,
  monthlyWithheldCents: s.monthly_withheld_cents,
  totalWithheldCents: s.total_withheld_cents,
  status: s.status as SanctionDto['status'],
  liftedOn: s.lifted_on ? day(s.lifted_on) : null,
  reversedCents: s.reversed_cents,
  params: s.params as Record<string, number>,
});

export function presentPassage(
  row: PassageRow,
  sanction: SanctionRow | undefined,
  history: readonly HistoryRow[],
  actor: Actor,
  now: Date,
): EpPassageDto {
  const records: readonly TransitionRecord[] = history;
  return {
    id: row.id,
    caseFileId: row.case_file_id,
    personId: row.person_id,
    personName: personNameOf(row),
    sessionId: row.session_id,
    sessionDate: day(row.session_date),
    motif: row.motif as EpMotif,
    state: row.state as EpState,
    facts: open(row, 'facts'),
    observationsDeadline: day(row.observations_deadline),
    observations: row.observations_on
      ? { text: open(row, 'observations'), receivedOn: day(row.observations_on) }
      : null,
    avisDeemedFrom: day(row.avis_deemed_from),
    avis: row.avis_on
      ? {
          code: (row.avis as EpOutcome | null) ?? null,
          text: open(row, 'avis_text'),
          deemed: row.avis_deemed,
          on: day(row.avis_on),
        }
      : null,
    decision:
      row.outcome && row.decided_on
        ? {
            outcome: row.outcome as EpOutcome,
            reason: open(row, 'decision_reason'),
            on: day(row.decided_on),
            byName: row.decided_by_name ?? '',
          }
        : null,
    sanction: sanction ? presentSanction(sanction) : null,
    notificationDocumentId: row.notification_document_id,
    history: history.map((h) => ({ from: h.from, to: h.to, at: h.at.toISOString(), actorName: h.actorName })),
    allowed: allowedTargets(EP_WORKFLOW, row.state as EpState, actor, factsOf(row, now), records),
  };
}

export const presentSession = (s: SessionRow, passageCount: number): EpSessionDto => ({
  id: s.id,
  date: day(s.session_date),
  place: s.place,
  members: s.members as EpSessionDto['members'],
  representatives: s.representatives as EpSessionDto['representatives'],
  passageCount,
});
