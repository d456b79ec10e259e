import {
  canUseGenogram,
  emptyGenogram,
  followsUsager,
  GenoRelations,
  Genogram,
  type GenogramDto,
  type GenogramPutInput,
  type OpenSectionInput,
} from '@jalon/core';
import { assertWritable, loadNeedToKnowUsager } from '../../access/load-authorized.js';
import type { FileTarget } from '../../access/targets.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { openText, sealText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import {
  findGenogram,
  insertGenogram,
  markRelationsOpen,
  payloadAad,
  reasonAad,
  relationsAad,
  updateGenogram,
  type GenogramRow,
} from './queries.js';

const STALE = 'Le génogramme a été modifié entre-temps : rechargez-le avant d’enregistrer';

/**
 * The one gate to a genogram (docs/security.md, "Génogramme"): those who follow the file, then the genogram's own
 * rule; every refusal is a 404, so the existence of a genogram is not disclosed to the team.
 */
async function loadGenogram(db: Queryable, ctx: Ctx, fileId: string, write = false) {
  const target: FileTarget = await loadNeedToKnowUsager(db, ctx.actor, fileId, followsUsager);
  const row = await findGenogram(db, fileId);
  if (!canUseGenogram(ctx.actor, target, { createdById: row?.created_by ?? null })) throw notFound('Dossier');
  if (write) assertWritable(target);
  return { target, row };
}

export const openPayload = (row: GenogramRow): Genogram =>
  Genogram.parse(JSON.parse(openText(row.payload, payloadAad(row.case_file_id))));
const openRelations = (row: GenogramRow) =>
  row.relations === null
    ? []
    : GenoRelations.parse(JSON.parse(openText(row.relations, relationsAad(row.case_file_id))));

function present(row: GenogramRow | undefined, withRelations: boolean): GenogramDto {
  if (!row) return { version: 0, data: emptyGenogram(), updatedAt: null, relationsOpen: null };
  const open = row.relations_opened_at
    ? { openedAt: new Date(row.relations_opened_at).toISOString(), reasonCode: row.relations_reason_code ?? '' }
    : null;
  return {
    version: row.version,
    data: openPayload(row),
    updatedAt: new Date(row.updated_at).toISOString(),
    relationsOpen: open,
    ...(withRelations && open ? { relations: openRelations(row) } : {}),
  };
}

/** The genogram (an empty one at version 0 while none was drawn); the read, and the relations' read, are logged. */
export async function readGenogram(ctx: Ctx, fileId: string, withRelations: boolean): Promise<GenogramDto> {
  const { row } = await loadGenogram(ctx.db, ctx, fileId);
  await logAccess(ctx.db, ctx, fileId, 'genogram');
  if (withRelations && row?.relations_opened_at) await logAccess(ctx.db, ctx, fileId, 'genogram_relations');
  return present(row, withRelations);
}

/** The drawing alone, for the SVG route (logged like a read). */
export async function readGenogramData(ctx: Ctx, fileId: string): Promise<Genogram> {
  const { row } = await loadGenogram(ctx.db, ctx, fileId);
  await logAccess(ctx.db, ctx, fileId, 'genogram');
  return row ? openPayload(row) : emptyGenogram();
}

/** Replaces the drawing (optimistic lock on `version`; 0 creates it); the audit counts, never names. */
export const saveGenogram = (ctx: Ctx, fileId: string, input: GenogramPutInput): Promise<GenogramDto> =>
  ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadGenogram(trx, ctx, fileId, true);
    if ((row?.version ?? 0) !== input.version) throw conflict('version_conflict', STALE);
    // The relations are opened on a saved genogram: a first save carries none.
    if (input.relations && !row?.relations_opened_at)
      throw conflict('relations_closed', 'Ouvrez d’abord les relations (avec un motif) avant de les renseigner');
    const payload = sealText(JSON.stringify(input.data), payloadAad(fileId));
    const relations = input.relations ? sealText(JSON.stringify(input.relations), relationsAad(fileId)) : undefined;
    const who = { by: ctx.actor.id, at: ctx.now };
    const saved = row
      ? await updateGenogram(trx, fileId, row.version, { payload, relations }, who)
      : await insertGenogram(trx, fileId, { payload, relations }, who);
    if (!saved) throw conflict('version_conflict', STALE);
    await audit(trx, ctx, 'genogram.update', {
      caseFileId: fileId,
      targetType: 'genogram',
      targetId: fileId,
      diff: {
        persons: input.data.persons.length,
        unions: input.data.unions.length,
        ...(input.relations ? { relations: input.relations.length } : {}),
      },
    });
    return present(saved, false);
  });

/** Opening the relationship lines: a reason, kept sealed; its code in the audit row. */
export const openGenogramRelations = (ctx: Ctx, fileId: string, input: OpenSectionInput): Promise<GenogramDto> =>
  ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadGenogram(trx, ctx, fileId, true);
    if (!row) throw conflict('genogram_empty', 'Enregistrez d’abord le génogramme avant d’en ouvrir les relations');
    if (row.relations_opened_at) throw conflict('relations_already_open', 'Les relations sont déjà ouvertes');
    const saved = await markRelationsOpen(trx, fileId, {
      relations_opened_at: ctx.now,
      relations_opened_by: ctx.actor.id,
      relations_reason_code: input.reasonCode,
      relations_reason_text: sealText(input.reasonText, reasonAad(fileId)),
    });
    await audit(trx, ctx, 'genogram.relations_open', {
      caseFileId: fileId,
      targetType: 'genogram',
      targetId: fileId,
      diff: { reasonCode: input.reasonCode },
    });
    return present(saved, false);
  });
