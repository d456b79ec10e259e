import type { Insertable } from 'kysely';
import type { AccessRequestTable, Queryable } from '../../db/schema.js';

/** The access requests (RGPD art. 15) with the file number, for the DPO's list and the file. */
export const findAccessRequests = (
  db: Queryable,
  filter: { status: 'pending' | 'produced' | 'all'; id?: string; caseFileId?: string },
) =>
  db
    .selectFrom('access_request as r')
    .innerJoin('case_file as cf', 'cf.id', 'r.case_file_id')
    .selectAll('r')
    .select('cf.file_number')
    .$if(filter.status === 'pending', (q) => q.where('r.produced_at', 'is', null))
    .$if(filter.status === 'produced', (q) => q.where('r.produced_at', 'is not', null))
    .$if(filter.id !== undefined, (q) => q.where('r.id', '=', filter.id ?? ''))
    .$if(filter.caseFileId !== undefined, (q) => q.where('r.case_file_id', '=', filter.caseFileId ?? ''))
    .orderBy('r.due_on')
    .orderBy('r.recorded_at')
    .limit(500)
    .execute();
export type AccessRequestRow = Awaited<ReturnType<typeof findAccessRequests>>[number];

export const insertAccessRequest = (db: Queryable, row: Insertable<AccessRequestTable>) =>
  db.insertInto('access_request').values(row).returning('id').executeTakeFirstOrThrow();

/** Marks a request produced the first time the DPO produces its export; later productions keep the first date. */
export const markProduced = (db: Queryable, id: string, by: string, at: Date) =>
  db
    .updateTable('access_request')
    .set({ produced_at: at, produced_by: by })
    .where('id', '=', id)
    .where('produced_at', 'is', null)
    .returning('id')
    .executeTakeFirst();

/** One in-app notification per référent (the notifications of docs/security.md, "Motivated access"). */
export async function notifyReferents(
  db: Queryable,
  input: {
    kind: 'access_request' | 'access_export';
    userIds: readonly string[];
    caseFileId: string;
    accessRequestId: string;
    at: Date;
  },
): Promise<number> {
  const users = [...new Set(input.userIds)];
  if (!users.length) return 0;
  await db
    .insertInto('notification')
    .values(
      users.map((userId) => ({
        user_id: userId,
        kind: input.kind,
        case_file_id: input.caseFileId,
        access_request_id: input.accessRequestId,
        created_at: input.at,
      })),
    )
    .execute();
  return users.length;
}

/** Anonymisation (retention): the representative's name and the identity note go; dates and codes stay. */
export async function anonymiseAccessRequests(db: Queryable, caseFileId: string): Promise<number> {
  const r = await db
    .updateTable('access_request')
    .set({ representative_name: null, identity_note: null })
    .where('case_file_id', '=', caseFileId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
