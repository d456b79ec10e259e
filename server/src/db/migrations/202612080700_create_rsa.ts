import { sql, type Kysely } from 'kysely';

/**
 * The RSA follow-up (docs/api.md, "RSA"; /work/shared/docs/domain.md §3): the CAF block of each person of a file
 * (`rsa_person`, keyed by person, attached to the case file) with its dated history of changes (typed or imported);
 * the orientation (state + dated decisions), the référent unique RSA and the France Travail référent (dated); the
 * contrat d'engagement (and legacy CER / PPAE / CEJ / PACEA) with its plan d'action from an admin-editable referential.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rsa_person (
      person_id uuid primary key references person(id),
      case_file_id uuid not null references case_file(id),
      etatdosrsa text,
      natpf text,
      toppersdrodevorsa boolean not null default false,
      rolepers text,
      date_ouverture date,
      num_allocataire text,
      sitpersdemrsa text,
      dd_since date,
      updated_at timestamptz not null,
      updated_by uuid references app_user(id),
      origin text not null
    )`.execute(db);
  await sql`create index rsa_person_file_idx on rsa_person (case_file_id)`.execute(db);
  await sql`create index rsa_person_allocataire_idx on rsa_person (num_allocataire)`.execute(db);
  await sql`
    create table rsa_person_change (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      case_file_id uuid not null references case_file(id),
      at timestamptz not null,
      origin text not null check (origin in ('typed', 'imported')),
      actor_id uuid references app_user(id),
      source text,
      changes jsonb not null,
      seq bigint generated always as identity
    )`.execute(db);
  await sql`create index rsa_person_change_person_idx on rsa_person_change (person_id, at)`.execute(db);
  await sql`create index rsa_person_change_file_idx on rsa_person_change (case_file_id)`.execute(db);

  await sql`
    create table rsa_orientation (
      person_id uuid primary key references person(id),
      case_file_id uuid not null references case_file(id),
      state text not null,
      requested_on date,
      requested_by uuid references app_user(id),
      kind text,
      organisme text,
      decided_on date,
      notified_on date,
      ep_reference text,
      updated_at timestamptz not null,
      version integer not null default 1
    )`.execute(db);
  await sql`create index rsa_orientation_file_idx on rsa_orientation (case_file_id)`.execute(db);
  await sql`
    create table rsa_orientation_decision (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      case_file_id uuid not null references case_file(id),
      kind text not null,
      organisme text not null,
      requested_on date,
      decided_on date not null,
      notified_on date,
      reorientation boolean not null default false,
      ep_reference text,
      reason text,
      decided_by uuid not null references app_user(id),
      target_weeks integer,
      at timestamptz not null
    )`.execute(db);
  await sql`create index rsa_orientation_decision_person_idx on rsa_orientation_decision (person_id, decided_on)`.execute(
    db,
  );
  await sql`create index rsa_orientation_decision_file_idx on rsa_orientation_decision (case_file_id)`.execute(db);
  await sql`
    create table rsa_referent (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      case_file_id uuid not null references case_file(id),
      kind text not null check (kind in ('referent_unique', 'france_travail')),
      user_id uuid references app_user(id),
      partner_name text,
      organisme text,
      start_on date not null,
      end_on date,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index rsa_referent_person_idx on rsa_referent (person_id, kind, start_on)`.execute(db);
  await sql`create index rsa_referent_user_idx on rsa_referent (user_id) where end_on is null`.execute(db);
  await sql`create index rsa_referent_file_idx on rsa_referent (case_file_id)`.execute(db);

  await sql`
    create table rsa_action_ref (
      id uuid primary key default gen_random_uuid(),
      theme text not null,
      objective text not null,
      label text not null,
      active boolean not null default true,
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table rsa_contract (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      case_file_id uuid not null references case_file(id),
      kind text not null,
      start_on date not null,
      duration_months integer not null,
      end_on date not null,
      weekly_hours integer,
      hours_reason text,
      hours_reason_text text,
      renewal_of uuid references rsa_contract(id),
      signed_on date,
      signed_document_id uuid references document(id) on delete set null,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      version integer not null default 1
    )`.execute(db);
  await sql`create index rsa_contract_person_idx on rsa_contract (person_id, start_on)`.execute(db);
  await sql`create index rsa_contract_file_idx on rsa_contract (case_file_id)`.execute(db);
  await sql`
    create table rsa_contract_action (
      id uuid primary key default gen_random_uuid(),
      contract_id uuid not null references rsa_contract(id) on delete cascade,
      action_id uuid not null references rsa_action_ref(id),
      status text not null,
      note text,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create unique index rsa_contract_action_unique_idx on rsa_contract_action (contract_id, action_id)`.execute(
    db,
  );

  // The contract's letter template (modules/letters: the administrator edits it like the others).
  await sql`
    insert into letter_template (code, title, body, version, valid_from)
    values ('contrat_engagement', 'Contrat d’engagement', ${CONTRACT_LETTER}, 1, '2000-01-01')`.execute(db);
  // A starter referential (admin-editable): themes and objectives of the OARSA contract content.
  const seed: [string, string, string][] = [
    ['Emploi', 'Rechercher un emploi', 'Recherche active d’emploi accompagnée'],
    ['Emploi', 'Rechercher un emploi', 'Atelier CV et lettre de motivation'],
    ['Emploi', 'Se former', 'Formation qualifiante'],
    ['Emploi', 'Découvrir un métier', 'Période de mise en situation en milieu professionnel (PMSMP)'],
    ['Santé', 'Accéder aux soins', 'Bilan de santé'],
    ['Santé', 'Accéder aux soins', 'Rencontre avec un psychologue'],
    ['Logement', 'Accéder ou se maintenir dans un logement', 'Demande de logement social'],
    ['Vie sociale', 'Lever les freins périphériques', 'Solution de garde d’enfant'],
    ['Vie sociale', 'Lever les freins périphériques', 'Atelier de français (FLE)'],
    ['Budget', 'Gérer son budget', 'Accompagnement budgétaire'],
  ];
  for (const [theme, objective, label] of seed)
    await sql`insert into rsa_action_ref (theme, objective, label, created_at) values (${theme}, ${objective}, ${label}, now())`.execute(
      db,
    );
}

const CONTRACT_LETTER = `Paris, le {{date.jour}}

Contrat d’engagement (revenu de solidarité active)

Entre {{usager.nom}}, {{usager.adresse}},
et le Département de Paris, représenté par {{referent_rsa.nom}}, référent unique.

Organisme référent : {{orientation.organisme}}
Type de contrat : {{contrat.type}}
Durée : {{contrat.duree}} mois, du {{contrat.debut}} au {{contrat.fin}}
Durée hebdomadaire d’activité : {{contrat.heures}}

Plan d’action :
{{contrat.plan}}

La personne s’engage à réaliser les actions ci-dessus ; le référent s’engage à l’accompagner dans leur réalisation.

Fait à Paris, le {{date.jour}}

Signature de la personne                         Signature du référent`;
