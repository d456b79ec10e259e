import { z } from 'zod';
import { RequiredText, Uuid } from './common.js';

/** Merge the file `duplicateId` into the file of the URL (docs/api.md, "Fusion de dossiers"). */
export const MergeFilesInput = z
  .object({ duplicateId: Uuid, reason: RequiredText(500, 'Le motif de la fusion') })
  .strict();
export type MergeFilesInput = z.infer<typeof MergeFilesInput>;
