import { z } from 'zod';
import { BREAK_GLASS_MIN_JUSTIFICATION, BREAK_GLASS_REASONS } from '../domain/break-glass.js';
import { Text } from './common.js';

/** `POST /api/usagers/:id/break-glass`: a reason from the list and a justification of at least 15 characters. */
export const BreakGlassInput = z
  .object({
    reason: z.enum(BREAK_GLASS_REASONS, { error: 'Choisissez un motif dans la liste' }),
    justification: Text(1000, 'Justification').refine((s) => s.length >= BREAK_GLASS_MIN_JUSTIFICATION, {
      error: `La justification doit compter au moins ${BREAK_GLASS_MIN_JUSTIFICATION} caractères`,
    }),
  })
  .strict();
export type BreakGlassInput = z.infer<typeof BreakGlassInput>;

/** `POST /api/break-glass/:id/review`: the reviewer's comment. */
export const BreakGlassReviewInput = z
  .object({
    comment: Text(1000, 'Commentaire').refine((s) => s.length >= 3, {
      error: 'Le commentaire doit compter au moins 3 caractères',
    }),
  })
  .strict();
export type BreakGlassReviewInput = z.infer<typeof BreakGlassReviewInput>;

/** Query strings ignore unknown keys, like every GET of the API. */
export const BreakGlassListQuery = z.object({
  status: z.enum(['pending', 'reviewed'], { error: 'Statut : pending ou reviewed' }).default('pending'),
});
export type BreakGlassListQuery = z.infer<typeof BreakGlassListQuery>;

export const AccessExportQuery = z.object({
  format: z.enum(['pdf', 'json'], { error: 'Format : pdf ou json' }).default('pdf'),
});
export type AccessExportQuery = z.infer<typeof AccessExportQuery>;
