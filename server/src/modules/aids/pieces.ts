import { checkPieces, type AidState } from '@jalon/core';
import type { Queryable } from '../../db/schema.js';
import { documentsOfFile } from '../documents/index.js';
import type { ApplicationRow } from './queries.js';

/** The day in Paris: a document valid "until the 7th" still counts on the 7th in the evening. */
const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

/** The states in which the pièces decide the state (the dépôt): the page shows what is missing there. */
export const PIECES_OPEN: readonly AidState[] = ['brouillon', 'deposee_pieces_manquantes'];

/**
 * The pièces of the aid's checklist (core/src/commission/pieces.ts) the file's documents do not satisfy on `at`:
 * what the workflow's dépôt reads (docs/api.md, "Budget et aides": « déposée complète » is refused while a piece is
 * missing, « pièces manquantes » while none is).
 */
export async function missingPiecesOf(db: Queryable, row: ApplicationRow, at: Date): Promise<string[]> {
  const docs = await documentsOfFile(db, row.case_file_id);
  return checkPieces(
    row.aid_type,
    docs.map((d) => ({ id: d.id, type: d.type, validUntil: d.valid_until })),
    parisDay(at),
  ).missing;
}
