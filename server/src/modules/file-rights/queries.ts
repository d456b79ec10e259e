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
