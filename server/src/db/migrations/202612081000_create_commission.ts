import { sql, type Kysely } from 'kysely';

/**
 * Commissions of aids (docs/api.md, "Commissions"): a session (a day, ordinary or urgent, of a site, named after a territory if need be)
 * and its agenda, one item per aid application examined, with the decision recorded there (outcome and amount, the
 * rest of the decision lives in the application and its workflow history) and the notification letter's document.
 * An application is on one session at a time until decided; an ajournement sends it to a later session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table commission_session (
      id uuid primary key default gen_random_uuid(),
      session_date date not null,
      kind text not null check (kind in ('ordinaire', 'urgente')),
      site_id uuid not null references site(id),
      territory text,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      closed_at timestamptz,
      closed_by uuid references app_user(id)
    )`.execute(db);
  await sql`create index commission_session_site_idx on commission_session (site_id, session_date desc)`.execute(db);
  await sql`
    create table commission_item (
      id uuid primary key default gen_random_uuid(),
      session_id uuid not null references commission_session(id) on delete cascade,
      application_id uuid not null,
      case_file_id uuid not null references case_file(id),
      position integer not null,
      outcome text check (outcome in ('accord', 'accord_partiel', 'refus', 'ajournement')),
      amount_cents bigint,
      decided_at timestamptz,
      decided_by uuid references app_user(id),
      letter_document_id uuid references document(id) on delete set null,
      unique (session_id, application_id),
      unique (session_id, position)
    )`.execute(db);
  await sql`create index commission_item_application_idx on commission_item (application_id)`.execute(db);
  await sql`create index commission_item_file_idx on commission_item (case_file_id)`.execute(db);
  await sql`
    insert into letter_template (code, title, body, version, valid_from) values
      ('notification_aide', 'Notification de décision', ${NOTIFICATION}, 1, '2000-01-01')`.execute(db);
}

const NOTIFICATION = `Paris, le {{date.jour}}

{{usager.nom}}
{{usager.adresse}}

Objet : décision relative à votre demande de {{aide.type}}

Madame, Monsieur,

La commission réunie le {{commission.date}} a examiné votre demande de {{aide.type}}.

Décision : {{aide.decision}}
Montant accordé : {{aide.montant}}
Motif : {{aide.motif}}

Votre référent·e, {{travailleur.nom}}, reste à votre disposition au {{site.telephone}}.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.

{{site.nom}}`;
