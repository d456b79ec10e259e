import { z } from 'zod';
import { PastDate, RequiredText, Uuid } from './common.js';

/** RGPD art. 18 (limitation: the file is read-only) and art. 21 (opposition: kept out of the statistics). */
export const RESTRICTION_KINDS = {
  limitation: 'Limitation du traitement (RGPD art. 18)',
  opposition: 'Opposition au traitement (RGPD art. 21)',
} as const;
export type RestrictionKind = keyof typeof RESTRICTION_KINDS;

export const RestrictionParams = z.object({ id: Uuid, restrictionId: Uuid });

export const CreateRestrictionInput = z
  .object({
    kind: z.enum(['limitation', 'opposition'], { error: 'Type : limitation ou opposition' }),
    startDate: PastDate,
    reason: RequiredText(1000, 'Motif de la demande'),
  })
  .strict();
export type CreateRestrictionInput = z.infer<typeof CreateRestrictionInput>;

export const LiftRestrictionInput = z.object({ endDate: PastDate }).strict();
export type LiftRestrictionInput = z.infer<typeof LiftRestrictionInput>;

export interface RestrictionDto {
  id: string;
  kind: RestrictionKind;
  kindLabel: string;
  startDate: string;
  reason: string;
  endDate: string | null;
  active: boolean;
}

/** One change of the file, as the rectification history shows it: never the values, only the field names. */
export interface HistoryItemDto {
  at: string;
  /** French label only: raw action codes are the security log's vocabulary, kept to the DPO. */
  actionLabel: string;
  fields: string[];
  role: string | null;
  /** The role in French (core/src/labels). */
  roleLabel: string | null;
  /** Only for a référent of the file (as in the consultations tab). */
  userName: string | null;
}
