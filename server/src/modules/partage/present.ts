import {
  LEGAL_GROUNDS,
  shareableSectionLabel,
  type ConsentDto,
  type LegalGround,
  type ShareableSection,
  type ShareDto,
} from '@jalon/core';
import type { ConsentRow, ShareRow } from './queries.js';

const iso = (d: Date | string): string => new Date(d).toISOString();

export const presentShare = (r: ShareRow): ShareDto => ({
  id: r.id,
  recipientName: r.recipient_name,
  recipientOrganisation: r.recipient_organisation,
  legalGround: {
    code: r.legal_ground as LegalGround,
    label: LEGAL_GROUNDS[r.legal_ground as LegalGround] ?? r.legal_ground,
  },
  consentId: r.consent_id,
  sections: r.sections.map((s) => ({
    code: s as ShareableSection,
    label: shareableSectionLabel(s as ShareableSection),
  })),
  sharedDate: r.shared_on,
  personInformed: r.person_informed,
  notInformedReason: r.not_informed_reason,
  createdBy: r.created_by_name,
  createdAt: iso(r.created_at),
});

export const presentConsent = (r: ConsentRow): ConsentDto => ({
  id: r.id,
  purpose: r.purpose,
  recipient: r.recipient,
  givenDate: r.given_on,
  withdrawnDate: r.withdrawn_on,
  createdAt: iso(r.created_at),
});
