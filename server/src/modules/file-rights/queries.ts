import { RESTRICTION_KINDS, type RestrictionDto, type RestrictionKind } from '@jalon/core';
import type { Queryable } from '../../db/schema.js';

/** The active flag of this kind on the file (end date not set), if any. */
export const findActiveRestriction = (db: Queryable, fileId: string, kind: RestrictionKind) =>
  db
    .selectFrom('file_restriction')
    .select(['id', 'start_date'])
    .where('case_file_id', '=', fileId)
    .where('kind', '=', kind)
    .where('end_date', 'is', null)
    .executeTakeFirst();

export async function findRestrictions(db: Queryable, fileId: string): Promise<RestrictionDto[]> {
  const rows = await db
    .selectFrom('file_restriction')
    .select(['id', 'kind', 'start_date', 'reason', 'end_date'])
    .where('case_file_id', '=', fileId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: RESTRICTION_KINDS[r.kind],
    startDate: r.start_date,
    reason: r.reason,
    endDate: r.end_date,
    active: r.end_date === null,
  }));
}

/** The audit rows of the file's changes (`actions`), newest first, with the author's name. */
export const findChangeEvents = (db: Queryable, fileId: string, actions: readonly string[]) =>
  db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.action', 'e.diff', 'e.actor_role', 'u.display_name'])
    .where('e.case_file_id', '=', fileId)
    .where('e.action', 'in', [...actions])
    .orderBy('e.at', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(500)
    .execute();

/** Locks the file row: one active flag per kind, checked then written in the same transaction. */
export async function lockCaseFile(trx: Queryable, fileId: string): Promise<void> {
  await trx.selectFrom('case_file').select('id').where('id', '=', fileId).forUpdate().executeTakeFirst();
}

export async function insertRestriction(
  trx: Queryable,
  v: { fileId: string; kind: RestrictionKind; startDate: string; reason: string; by: string; now: Date },
): Promise<string> {
  const row = await trx
    .insertInto('file_restriction')
    .values({
      case_file_id: v.fileId,
      kind: v.kind,
      start_date: v.startDate,
      reason: v.reason,
      created_by: v.by,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const lockRestriction = (trx: Queryable, fileId: string, restrictionId: string) =>
  trx
    .selectFrom('file_restriction')
    .select(['id', 'kind', 'start_date', 'end_date'])
    .where('id', '=', restrictionId)
    .where('case_file_id', '=', fileId)
    .forUpdate()
    .executeTakeFirst();

export async function setRestrictionLifted(
  trx: Queryable,
  restrictionId: string,
  v: { endDate: string; by: string; now: Date },
): Promise<void> {
  await trx
    .updateTable('file_restriction')
    .set({ end_date: v.endDate, lifted_by: v.by, lifted_at: v.now })
    .where('id', '=', restrictionId)
    .execute();
}
