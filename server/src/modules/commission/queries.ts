import { aidTypeLabel } from '@jalon/core';
import type { Queryable } from '../../db/schema.js';
import { COMMISSION_STATES, type ApplicationFacts } from './applications.js';

/** SQL of the commission sessions and their agenda (docs/api.md, "Commissions"). */

export const insertSession = (
  db: Queryable,
  s: {
    date: string;
    kind: 'ordinaire' | 'urgente';
    level: 'site' | 'ville';
    siteId: string | null;
    territory: string | null;
    by: string;
    at: Date;
  },
) =>
  db
    .insertInto('commission_session')
    .values({
      session_date: s.date,
      kind: s.kind,
      level: s.level,
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
      's.level',
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

export const findSession = (db: Queryable, id: string) => sessionColumns(db).where('s.id', '=', id).executeTakeFirst();

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

export const siteExists = async (db: Queryable, id: string) =>
  (await db.selectFrom('site').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

/** Who closed a session (the PV's signature line). */
export const closedByName = async (db: Queryable, sessionId: string) =>
  (
    await db
      .selectFrom('commission_session as cs')
      .innerJoin('app_user as u', 'u.id', 'cs.closed_by')
      .select('u.display_name')
      .where('cs.id', '=', sessionId)
      .executeTakeFirst()
  )?.display_name ?? null;

/**
 * The commission's reads of the aid applications (table `aid_application` of modules/aids): what the agenda, the PV,
 * the letters and the payment file print. The person's name is the file's principal person's.
 */
const base = (db: Queryable) =>
  db
    .selectFrom('aid_application as a')
    .innerJoin('case_file as f', 'f.id', 'a.case_file_id')
    .innerJoin('person as p', 'p.id', 'f.principal_person_id')
    .select([
      'a.id',
      'a.case_file_id',
      'a.site_id',
      'a.scheme',
      'a.aid_type',
      'a.form',
      'a.requested_cents',
      'a.status',
      'a.urgency',
      'a.payee',
      'a.creditor_name',
      'a.contract_ref',
      'a.decided_form',
      'a.decision_reason',
      'p.first_names',
      'p.used_name',
      'p.birth_name',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

const factsOf = (r: Row): ApplicationFacts => ({
  id: r.id,
  caseFileId: r.case_file_id,
  siteId: r.site_id,
  personName: `${r.first_names} ${r.used_name ?? r.birth_name}`,
  scheme: r.scheme,
  aidType: r.aid_type,
  aidTypeLabel: aidTypeLabel(r.aid_type),
  form: r.form,
  requestedCents: r.requested_cents,
  state: r.status,
  urgent: r.status === 'commission_urgente' || r.urgency !== null,
  beneficiary: r.payee === 'personne' ? 'personne' : 'tiers',
  creditor: r.creditor_name,
  contractRef: r.contract_ref,
  decidedForm: r.decided_form,
  decisionReason: r.decision_reason,
});

const NONE = ['00000000-0000-0000-0000-000000000000'];

export const applicationsByIds = async (db: Queryable, ids: readonly string[]): Promise<ApplicationFacts[]> =>
  (
    await base(db)
      .where('a.id', 'in', ids.length > 0 ? [...ids] : NONE)
      .execute()
  ).map(factsOf);

/**
 * The applications of a site (null: the FSL applications of every site, for the city-level session) waiting for a
 * commission (state "commission", ordinary or urgent, urgent only for an urgent session) and on no agenda undecided,
 * oldest first.
 */
export const waitingApplications = async (db: Queryable, siteId: string | null, urgentOnly: boolean) =>
  (
    await (siteId === null ? base(db).where('a.scheme', '=', 'fsl') : base(db).where('a.site_id', '=', siteId))
      .where('a.status', 'in', urgentOnly ? ['commission_urgente'] : [...COMMISSION_STATES])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('commission_item as i')
              .select('i.id')
              .whereRef('i.application_id', '=', 'a.id')
              .where('i.outcome', 'is', null),
          ),
        ),
      )
      .orderBy('a.created_at')
      .limit(500)
      .execute()
  ).map(factsOf);
