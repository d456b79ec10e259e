import type { Queryable } from '../../db/schema.js';

/** SQL of the commission sessions and their agenda (docs/api.md, "Commissions"). */

export const insertSession = (
  db: Queryable,
  s: { date: string; kind: 'ordinaire' | 'urgente'; siteId: string | null; territory: string | null; by: string; at: Date },
) =>
  db
    .insertInto('commission_session')
    .values({
      session_date: s.date,
      kind: s.kind,
      site_id: s.siteId,
      territory: s.territory,
      created_by: s.by,
      created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const sessionColumns = (db: Queryable) =>
  db
    .selectFrom('commission_session as s')
    .leftJoin('site as si', 'si.id', 's.site_id')
    .select([
      's.id',
      's.session_date',
      's.kind',
      's.site_id',
      's.territory',
      's.closed_at',
      'si.name as site_name',
      'si.address as site_address',
    ])
    .select((eb) => [
      eb
        .selectFrom('commission_item as i')
        .whereRef('i.session_id', '=', 's.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('agenda_count'),
      eb
        .selectFrom('commission_item as i')
        .whereRef('i.session_id', '=', 's.id')
        .where('i.outcome', 'is not', null)
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('decided_count'),
    ]);
export type SessionRow = Awaited<ReturnType<typeof findSession>> & object;

export const findSession = (db: Queryable, id: string) =>
  sessionColumns(db).where('s.id', '=', id).executeTakeFirst();

/** Sessions of one site (a responsable), or every session (siteId undefined: the administration), newest first. */
export const listSessions = (db: Queryable, siteId: string | undefined, openOnly: boolean) => {
  let q = sessionColumns(db);
  if (siteId !== undefined) q = q.where('s.site_id', '=', siteId);
  if (openOnly) q = q.where('s.closed_at', 'is', null);
  return q.orderBy('s.session_date', 'desc').orderBy('s.id').limit(200).execute();
};

/** Locks the session row for a write of its agenda or decisions (concurrent recordings are serialised). */
export const lockSession = (db: Queryable, id: string) =>
  db.selectFrom('commission_session').select(['id', 'closed_at']).where('id', '=', id).forUpdate().executeTakeFirst();

export const closeSession = (db: Queryable, id: string, by: string, at: Date) =>
  db.updateTable('commission_session').set({ closed_at: at, closed_by: by }).where('id', '=', id).execute();

export const itemsOfSession = (db: Queryable, sessionId: string) =>
  db
    .selectFrom('commission_item')
    .select([
      'id',
      'application_id',
      'case_file_id',
      'position',
      'outcome',
      'amount_cents',
      'decided_at',
      'letter_document_id',
    ])
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
export type ItemRow = Awaited<ReturnType<typeof itemsOfSession>>[number];

/** Applications already on an agenda and not decided there (an application is on one session at a time). */
export const pendingItemsOf = (db: Queryable, applicationIds: readonly string[]) =>
  applicationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('commission_item')
        .select(['application_id', 'session_id'])
        .where('application_id', 'in', [...applicationIds])
        .where('outcome', 'is', null)
        .execute();

export const insertItems = (
  db: Queryable,
  items: readonly { sessionId: string; applicationId: string; caseFileId: string; position: number }[],
) =>
  db
    .insertInto('commission_item')
    .values(
      items.map((i) => ({
        session_id: i.sessionId,
        application_id: i.applicationId,
        case_file_id: i.caseFileId,
        position: i.position,
      })),
    )
    .execute();

export const recordItemDecision = (
  db: Queryable,
  d: { itemId: string; outcome: NonNullable<ItemRow['outcome']>; amountCents: number | null; by: string; at: Date },
) =>
  db
    .updateTable('commission_item')
    .set({ outcome: d.outcome, amount_cents: d.amountCents, decided_by: d.by, decided_at: d.at })
    .where('id', '=', d.itemId)
    .execute();

export const setItemLetter = (db: Queryable, itemId: string, documentId: string) =>
  db.updateTable('commission_item').set({ letter_document_id: documentId }).where('id', '=', itemId).execute();

/** Retention: the file's agenda items go (a purge); anonymisation keeps the decision counted, without its letter. */
export const deleteItemsOfFile = async (db: Queryable, fileId: string): Promise<number> => {
  const r = await db.deleteFrom('commission_item').where('case_file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows);
};
export const detachLettersOfFile = async (db: Queryable, fileId: string): Promise<number> => {
  const r = await db
    .updateTable('commission_item')
    .set({ letter_document_id: null })
    .where('case_file_id', '=', fileId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
};

/** Agenda items of a file, for the person's access export. */
export const itemsOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('commission_item as i')
    .innerJoin('commission_session as s', 's.id', 'i.session_id')
    .select(['s.session_date', 's.kind', 'i.outcome', 'i.amount_cents', 'i.decided_at'])
    .where('i.case_file_id', '=', fileId)
    .orderBy('s.session_date')
    .execute();
