import { sql, type Kysely } from 'kysely';

/**
 * Letters from templates (docs/api.md, "Courriers"): each save of a template is a new dated version (the latest whose
 * `valid_from` has come is used); `letter_sent` keeps which letter was sent for a file, with the document holding its
 * PDF. The site gets the header fields a letter prints (address, phone, opening hours).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table letter_template (
      id uuid primary key default gen_random_uuid(),
      code text not null,
      title text not null,
      body text not null,
      version integer not null,
      valid_from timestamptz not null,
      created_by uuid references app_user(id),
      unique (code, version)
    )`.execute(db);
  await sql`
    create table letter_sent (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      template_id uuid not null references letter_template(id),
      journal_entry_id uuid references journal_entry(id) on delete set null,
      document_id uuid references document(id) on delete set null,
      sent_by uuid not null references app_user(id),
      sent_at timestamptz not null
    )`.execute(db);
  await sql`create index letter_sent_file_idx on letter_sent (case_file_id, sent_at desc)`.execute(db);
  await sql`alter table site add column address text, add column phone text, add column opening_hours text`.execute(db);
  await sql`
    insert into letter_template (code, title, body, version, valid_from) values
      ('convocation', 'Convocation à un rendez-vous', ${CONVOCATION}, 1, '2000-01-01'),
      ('attestation_suivi', 'Attestation de suivi', ${ATTESTATION}, 1, '2000-01-01')`.execute(db);
}

const CONVOCATION = `Paris, le {{date.jour}}

{{usager.nom}}
{{usager.adresse}}

Madame, Monsieur,

Vous êtes invité·e à un rendez-vous le {{rdv.date}} à {{rdv.heure}} ({{rdv.lieu}}), avec {{travailleur.nom}}.

Merci de vous munir de ce courrier et de vos justificatifs. En cas d’empêchement, prévenez-nous au {{site.telephone}}.

Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.

{{travailleur.nom}}`;

const ATTESTATION = `Paris, le {{date.jour}}

Je soussigné·e, {{travailleur.nom}}, du {{site.nom}}, atteste que {{usager.nom}}, demeurant {{usager.adresse}}, est accompagné·e par nos services depuis le {{suivi.debut}}.

Attestation délivrée à l’intéressé·e pour servir et valoir ce que de droit.

{{travailleur.nom}}`;
