import { z } from 'zod';
import { hasNoControlChars, Uuid } from './common.js';

/** Someone came to the reception without an appointment: put on the site's waiting list. */
export const AccueilArrivalInput = z
  .object({
    motifs: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(40)
          .refine(hasNoControlChars, { error: 'Motif : caractères de contrôle non autorisés' }),
      )
      .max(10, { error: '10 motifs au maximum' })
      .default([]),
  })
  .strict();
export type AccueilArrivalInput = z.infer<typeof AccueilArrivalInput>;

/** Who receives the person (a social worker of the site); a worker taking the person leaves it out. */
export const AccueilSeenInput = z.object({ workerId: Uuid.optional() }).strict();

/** Recording a visit in the file takes no body. */
export const AccueilRecordInput = z.object({}).strict();

export const AccueilParams = z.object({ visitId: Uuid });

/** One line of the site's reception list of the day. */
export interface AccueilVisitDto {
  id: string;
  caseFileId: string;
  fileNumber: string;
  usagerName: string;
  arrivedAt: string;
  motifs: string[];
  seenById: string | null;
  seenByName: string | null;
  seenAt: string | null;
  /** The journal entry `accueil` recorded from this visit, once recorded. */
  entryId: string | null;
}
