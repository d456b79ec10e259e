import {
  canManageRestrictions,
  canReadGeneralUsager,
  type CreateRestrictionInput,
  type LiftRestrictionInput,
  type RestrictionDto,
} from '@jalon/core';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound, unprocessable } from '../../errors.js';
import {
  findActiveRestriction,
  findRestrictions,
  insertRestriction,
  lockCaseFile,
  lockRestriction,
  setRestrictionLifted,
} from './queries.js';

/** The flags of the file, active and lifted: everyone who sees the file sees them (the UI honours them). */
export async function listRestrictions(ctx: Ctx, fileId: string): Promise<{ items: RestrictionDto[] }> {
  await loadAuthorizedUsager(ctx.db, ctx.actor, fileId, canReadGeneralUsager);
  return { items: await findRestrictions(ctx.db, fileId) };
}

/** The référent records the person's limitation (art. 18) or opposition (art. 21); one active flag per kind. */
export async function createRestriction(
  ctx: Ctx,
  fileId: string,
  input: CreateRestrictionInput,
): Promise<RestrictionDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await loadAuthorizedUsager(trx, ctx.actor, fileId, canManageRestrictions);
    await lockCaseFile(trx, fileId);
    if (await findActiveRestriction(trx, fileId, input.kind)) {
      throw conflict(
        'restriction_active',
        input.kind === 'limitation'
          ? 'Une limitation est déjà en cours sur ce dossier'
          : 'Une opposition est déjà en cours sur ce dossier',
      );
    }
    const restrictionId = await insertRestriction(trx, {
      fileId,
      kind: input.kind,
      startDate: input.startDate,
      reason: input.reason,
      by: ctx.actor.id,
      now: ctx.now,
    });
    await audit(trx, ctx, 'file_restriction.create', {
      caseFileId: fileId,
      targetType: 'file_restriction',
      targetId: restrictionId,
      diff: { kind: input.kind, start_date: input.startDate, reason: '[masqué]' },
    });
    return restrictionId;
  });
  return (await findRestrictions(ctx.db, fileId)).find((r) => r.id === id) as RestrictionDto;
}

/** Lifting the flag (the only write allowed while a limitation is active). */
export async function liftRestriction(
  ctx: Ctx,
  fileId: string,
  restrictionId: string,
  input: LiftRestrictionInput,
): Promise<RestrictionDto> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadAuthorizedUsager(trx, ctx.actor, fileId, canManageRestrictions);
    const row = await lockRestriction(trx, fileId, restrictionId);
    if (!row) throw notFound('Demande');
    if (row.end_date !== null) throw conflict('restriction_lifted', 'Cette demande a déjà été levée');
    if (input.endDate < row.start_date) {
      throw unprocessable('invalid_end_date', 'La date de levée ne peut pas précéder la date de début', {
        endDate: 'La date de levée ne peut pas précéder la date de début',
      });
    }
    await setRestrictionLifted(trx, restrictionId, { endDate: input.endDate, by: ctx.actor.id, now: ctx.now });
    await audit(trx, ctx, 'file_restriction.lift', {
      caseFileId: fileId,
      targetType: 'file_restriction',
      targetId: restrictionId,
      diff: { kind: row.kind, end_date: input.endDate },
    });
  });
  return (await findRestrictions(ctx.db, fileId)).find((r) => r.id === restrictionId) as RestrictionDto;
}
