import type { Actor, UsagerTarget } from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import type { FileTarget } from '../../access/targets.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { findPassage, lockPassage, type PassageRow } from './queries.js';

/**
 * The one gate to a passage (docs/security.md, "RSA : équipe pluridisciplinaire"): the file's rule first (404 when
 * refused, so the existence of a passage is not disclosed), then the passage must be of that file; the row is locked
 * for the transition and the file checked writable (RGPD art. 18).
 */
export async function loadPassage(
  trx: Queryable,
  ctx: Ctx,
  fileId: string,
  passageId: string,
  rule: (a: Actor, f: UsagerTarget) => boolean,
): Promise<{ file: FileTarget; row: PassageRow }> {
  const file = await loadNeedToKnowUsager(trx, ctx.actor, fileId, rule, { write: true });
  await lockPassage(trx, passageId);
  const row = await findPassage(trx, passageId);
  if (!row || row.case_file_id !== fileId) throw notFound('Passage en EP');
  return { file, row };
}
