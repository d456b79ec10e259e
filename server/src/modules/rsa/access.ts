import { canReadFullUsager, followsUsager } from '@jalon/core';
import { assertWritable, loadNeedToKnowUsager } from '../../access/load-authorized.js';
import type { FileTarget } from '../../access/targets.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { forbidden, notFound } from '../../errors.js';
import { filePersons } from './queries.js';

/**
 * The one gate to a file's RSA data (docs/security.md, "RSA"): the full part's need-to-know (those who follow the file,
 * a motivated access while it lasts), 404 for anyone else; writing follows the file's write rule (those who follow
 * it; a motivated access reads only: 403), checked in the write's transaction with the limitation (RGPD art. 18).
 */
export async function loadRsaFile(db: Queryable, ctx: Ctx, fileId: string, write = false): Promise<FileTarget> {
  const target = await loadNeedToKnowUsager(db, ctx.actor, fileId, canReadFullUsager);
  if (write) {
    if (!followsUsager(ctx.actor, target))
      throw forbidden('Seuls les travailleurs sociaux qui suivent le dossier modifient le suivi RSA');
    assertWritable(target);
  }
  return target;
}

/**
 * The person behind a membership of the file's household, current or past (routes name the member, as the household
 * routes do; a person who left keeps the RSA data recorded on the file): nobody else's RSA data is written here.
 */
export async function personOfFile(db: Queryable, fileId: string, memberId: string): Promise<string> {
  const person = (await filePersons(db, fileId)).find((p) => p.member_id === memberId);
  if (!person) throw notFound('Membre du foyer');
  return person.id;
}
