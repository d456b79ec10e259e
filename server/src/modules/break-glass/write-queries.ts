import type { Insertable } from 'kysely';
import type { DB, Queryable } from '../../db/schema.js';

/** The writes of motivated accesses and notifications (docs/architecture.md: SQL lives in queries files). */

export async function insertGrant(trx: Queryable, values: Insertable<DB['break_glass_access']>): Promise<string> {
  const row = await trx.insertInto('break_glass_access').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One "motivated access" notification per référent. */
export async function notifyReferents(
  trx: Queryable,
  v: { userIds: string[]; caseFileId: string; breakGlassId: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('notification')
    .values(
      v.userIds.map((userId) => ({
        user_id: userId,
        kind: 'break_glass' as const,
        case_file_id: v.caseFileId,
        break_glass_id: v.breakGlassId,
        created_at: v.now,
      })),
    )
    .execute();
}

export const lockGrant = (trx: Queryable, id: string) =>
  trx
    .selectFrom('break_glass_access')
    .select(['id', 'case_file_id', 'file_site_id', 'reviewed_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export async function setReviewed(
  trx: Queryable,
  id: string,
  v: { now: Date; reviewerId: string; comment: string },
): Promise<void> {
  await trx
    .updateTable('break_glass_access')
    .set({ reviewed_at: v.now, reviewed_by: v.reviewerId, review_comment: v.comment })
    .where('id', '=', id)
    .execute();
}

/** Marks the user's unread notification read; undefined when it is not theirs or already read. */
export const markRead = (trx: Queryable, id: string, userId: string, now: Date) =>
  trx
    .updateTable('notification')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const findOwnNotification = (trx: Queryable, id: string, userId: string) =>
  trx.selectFrom('notification').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
