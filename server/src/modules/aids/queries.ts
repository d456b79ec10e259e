import { sql, type Insertable, type Updateable } from 'kysely';
import type { Queryable, Trx } from '../../db/schema.js';
import type { AidApplicationTable } from '../../db/schema/aids.js';

/** The SQL of the budget and the aid applications (docs/architecture.md: SQL lives in a module's queries.ts). */

/** AAD of the sealed columns: a value moved to another row no longer opens (crypto/fields.ts). */
export const budgetAad = (fileId: string) => `budget.payload:${fileId}`;
export const snapshotAad = (id: string) => `aid_application.budget_snapshot:${id}`;

export const findBudget = (db: Queryable, fileId: string) =>
  db.selectFrom('budget').selectAll().where('case_file_id', '=', fileId).executeTakeFirst();
export type BudgetRow = NonNullable<Awaited<ReturnType<typeof findBudget>>>;

/** The next version only if the row is still at `version`; `undefined` when it moved (optimistic lock). */
export const updateBudget = (trx: Trx, fileId: string, version: number, payload: string, by: string, at: Date) =>
  trx
    .updateTable('budget')
    .set({ payload, version: version + 1, updated_by: by, updated_at: at })
    .where('case_file_id', '=', fileId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const insertBudget = (trx: Trx, fileId: string, payload: string, by: string, at: Date) =>
  trx
    .insertInto('budget')
    .values({ case_file_id: fileId, payload, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('case_file_id').doNothing())
    .returningAll()
    .executeTakeFirst();

/** The file's household on `day` (members present that day), its address and the applicant. */
export async function findHousehold(db: Queryable, fileId: string, day: string) {
  const file = await db
    .selectFrom('case_file as cf')
    .innerJoin('household as h', 'h.id', 'cf.household_id')
    .select(['cf.id', 'cf.file_number', 'cf.site_id', 'cf.principal_person_id', 'cf.household_id', 'h.postal_code'])
    .where('cf.id', '=', fileId)
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('household_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.birth_name', 'p.used_name', 'p.first_names', 'p.birth_date', 'p.nationality', 'm.relationship'])
    .where('m.household_id', '=', file.household_id)
    .where('m.start_date', '<=', day)
    .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>', day)]))
    .orderBy('m.start_date')
    .execute();
  const applicant =
    members.find((m) => m.id === file.principal_person_id) ??
    (await db
      .selectFrom('person as p')
      .select(['p.id', 'p.birth_name', 'p.used_name', 'p.first_names', 'p.birth_date', 'p.nationality'])
      .select(sql<string>`'1'`.as('relationship'))
      .where('p.id', '=', file.principal_person_id)
      .executeTakeFirstOrThrow());
  return { file, applicant, others: members.filter((m) => m.id !== applicant.id), members };
}
export type Household = Awaited<ReturnType<typeof findHousehold>>;

export const insertApplication = (trx: Trx, row: Insertable<AidApplicationTable>) =>
  trx.insertInto('aid_application').values(row).returning('id').executeTakeFirstOrThrow();

const applicationQuery = (db: Queryable) =>
  db
    .selectFrom('aid_application as a')
    .innerJoin('case_file as cf', 'cf.id', 'a.case_file_id')
    .selectAll('a')
    .select('cf.file_number');

export const findApplication = (db: Queryable, id: string, forUpdate = false) => {
  const q = applicationQuery(db).where('a.id', '=', id);
  return (forUpdate ? q.forUpdate('a') : q).executeTakeFirst();
};
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export const listApplications = (db: Queryable, fileId: string) =>
  applicationQuery(db).where('a.case_file_id', '=', fileId).orderBy('a.created_at', 'desc').execute();

export const updateApplication = (trx: Trx, id: string, patch: Updateable<AidApplicationTable>) =>
  trx.updateTable('aid_application').set(patch).where('id', '=', id).execute();

/** The amount of the same aid granted to the file since `since` (a 12-month ceiling), the application excluded. */
export async function grantedSince(db: Queryable, fileId: string, aidType: string, since: Date, except: string) {
  const r = await db
    .selectFrom('aid_application')
    .select(sql<number>`coalesce(sum(decided_cents), 0)::int`.as('total'))
    .where('case_file_id', '=', fileId)
    .where('aid_type', '=', aidType)
    .where('decision', 'in', ['accord', 'accord_partiel'])
    .where('decided_at', '>=', since)
    .where('id', '!=', except)
    .executeTakeFirstOrThrow();
  return r.total;
}

/** Days of the accords of one aid of a file since `since` (other applications): the 12-month limit's history. */
export async function grantDatesSince(db: Queryable, fileId: string, aidType: string, since: Date, except: string) {
  const rows = await db
    .selectFrom('aid_application')
    .select('decided_at')
    .where('case_file_id', '=', fileId)
    .where('aid_type', '=', aidType)
    .where('decision', 'in', ['accord', 'accord_partiel'])
    .where('decided_at', '>=', since)
    .where('id', '!=', except)
    .orderBy('decided_at')
    .execute();
  return rows.map((r) => new Date(r.decided_at as Date).toISOString().slice(0, 10));
}

export const insertInstalments = (trx: Trx, id: string, rows: { n: number; dueDate: string; amountCents: number }[]) =>
  trx
    .insertInto('aid_loan_instalment')
    .values(rows.map((r) => ({ application_id: id, n: r.n, due_date: r.dueDate, amount_cents: r.amountCents })))
    .execute();

export async function loanOf(db: Queryable, id: string) {
  const instalments = await db
    .selectFrom('aid_loan_instalment')
    .select(['n', 'due_date', 'amount_cents'])
    .where('application_id', '=', id)
    .orderBy('n')
    .execute();
  const repayments = await db
    .selectFrom('aid_repayment')
    .select(['paid_on', 'amount_cents'])
    .where('application_id', '=', id)
    .orderBy('paid_on')
    .execute();
  return {
    schedule: instalments.map((i) => ({ n: i.n, dueDate: i.due_date, amountCents: i.amount_cents })),
    repayments: repayments.map((r) => ({ paidOn: r.paid_on, amountCents: r.amount_cents })),
  };
}

export const insertRepayment = (
  trx: Trx,
  r: { applicationId: string; paidOn: string; amountCents: number; by: string; at: Date },
) =>
  trx
    .insertInto('aid_repayment')
    .values({
      application_id: r.applicationId,
      paid_on: r.paidOn,
      amount_cents: r.amountCents,
      recorded_by: r.by,
      recorded_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** A user's display name (who decided). */
export const userName = async (db: Queryable, id: string | null) =>
  id
    ? ((await db.selectFrom('app_user').select('display_name').where('id', '=', id).executeTakeFirst())?.display_name ??
      '')
    : '';

/**
 * Retention (docs/adr/005-retention-anonymisation.md): the budget goes; an application keeps its type, amounts, dates
 * and status (statistics count them) and loses what identifies (creditor, contract, facts, snapshot, reason).
 */
export async function anonymiseAids(trx: Trx, fileId: string) {
  const b = await trx.deleteFrom('budget').where('case_file_id', '=', fileId).executeTakeFirst();
  const a = await trx
    .updateTable('aid_application')
    .set({
      creditor_name: null,
      contract_ref: null,
      facts: JSON.stringify({}),
      budget_snapshot: null,
      decision_reason: null,
      derogation_reason: null,
      decision_eligibility: null,
    })
    .where('case_file_id', '=', fileId)
    .executeTakeFirst();
  return { budget: Number(b.numDeletedRows), aidApplications: Number(a.numUpdatedRows) };
}

export async function purgeAids(trx: Trx, fileId: string) {
  const b = await trx.deleteFrom('budget').where('case_file_id', '=', fileId).executeTakeFirst();
  const a = await trx.deleteFrom('aid_application').where('case_file_id', '=', fileId).executeTakeFirst();
  return { budget: Number(b.numDeletedRows), aidApplications: Number(a.numDeletedRows) };
}

/** Paid loans of a site with an instalment already due (candidates of the late-repayments list). */
export const paidLoansWithDueInstalments = (db: Queryable, siteId: string, today: string) =>
  db
    .selectFrom('aid_application as a')
    .innerJoin('case_file as cf', 'cf.id', 'a.case_file_id')
    .select(['a.id', 'a.case_file_id', 'a.aid_type', 'cf.file_number'])
    .where('a.site_id', '=', siteId)
    .where('a.status', '=', 'payee')
    .where('a.decided_form', '=', 'pret')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('aid_loan_instalment as i')
          .select('i.n')
          .whereRef('i.application_id', '=', 'a.id')
          .where('i.due_date', '<', today),
      ),
    )
    .orderBy('cf.file_number')
    .execute();
