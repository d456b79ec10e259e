import type { LegalGround, ShareableSection } from './schemas/partage.js';
import type { RetentionHoldKind } from './rgpd/retention.js';

export interface ShareDto {
  id: string;
  recipientName: string | null;
  recipientOrganisation: string;
  legalGround: { code: LegalGround; label: string };
  consentId: string | null;
  sections: { code: ShareableSection; label: string }[];
  sharedDate: string;
  personInformed: boolean;
  notInformedReason: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ConsentDto {
  id: string;
  purpose: string | null;
  recipient: string | null;
  givenDate: string;
  withdrawnDate: string | null;
  createdAt: string;
}

export interface PartageListDto {
  shares: ShareDto[];
  consents: ConsentDto[];
  can: { create: boolean };
}

export interface RetentionUpcomingDto {
  items: {
    id: string;
    fileNumber: string;
    displayName: string;
    lastContactAt: string | null;
    deadline: string;
    /** The deadline is already passed: the next retention run archives or anonymises the file. */
    passed: boolean;
    hold: { kind: RetentionHoldKind; until: string } | null;
  }[];
}

export interface RetentionRunDto {
  id: string;
  startedAt: string;
  finishedAt: string;
  trigger: 'job' | 'cli';
  dryRun: boolean;
  archived: number;
  anonymised: number;
  noticed: number;
  failed: number;
  logPurged: Record<string, number>;
}
