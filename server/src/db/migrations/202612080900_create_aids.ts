import { sql, type Kysely } from 'kysely';

/**
 * The household budget and the aid applications (docs/api.md, "Budget et aides"; issue "Aid applications"). The budget
 * is one sealed JSON per file (`budget.payload`, optimistic `version`); an application keeps a sealed snapshot of the
 * budget taken when it was created, its status (the workflow in core/src/aids/workflow.ts, transitions in
 * `workflow_transition`), and its decision with the parameter values of the decision's date (`decision_params`).
 * Amounts are integer cents. A loan has its échéancier and its repayments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table budget (
      case_file_id uuid primary key references case_file(id),
      version integer not null default 1,
      payload text not null,
      updated_by uuid not null references app_user(id),
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table aid_application (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      site_id uuid not null references site(id),
      scheme text not null check (scheme in ('fsl', 'paris')),
      aid_type text not null,
      form text not null,
      requested_cents integer not null check (requested_cents > 0),
      urgency text,
      procedure_stage text,
      acces_items jsonb not null default '[]',
      payee text not null,
      creditor_name text,
      contract_ref text,
      facts jsonb not null default '{}',
      budget_snapshot text,
      status text not null default 'brouillon',
      decision text,
      decided_cents integer check (decided_cents is null or decided_cents > 0),
      decided_form text,
      loan_months integer check (loan_months is null or loan_months between 1 and 36),
      decision_reason text,
      decided_at timestamptz,
      decided_by uuid references app_user(id),
      decision_params jsonb,
      decision_eligibility jsonb,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index aid_application_file on aid_application (case_file_id)`.execute(db);
  await sql`create index aid_application_status on aid_application (site_id, status)`.execute(db);
  await sql`
    create table aid_loan_instalment (
      application_id uuid not null references aid_application(id) on delete cascade,
      n integer not null check (n between 1 and 36),
      due_date date not null,
      amount_cents integer not null check (amount_cents > 0),
      primary key (application_id, n)
    )`.execute(db);
  await sql`
    create table aid_repayment (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references aid_application(id) on delete cascade,
      paid_on date not null,
      amount_cents integer not null check (amount_cents > 0),
      recorded_by uuid not null references app_user(id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index aid_repayment_application on aid_repayment (application_id)`.execute(db);
}
