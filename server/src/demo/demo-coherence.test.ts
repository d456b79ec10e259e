import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyring, installKeyring } from '../crypto/index.js';
import { createTestDatabase } from '../test/build-test-app.js';
import { migrate, openDb } from '../db/connect.js';
import type { Db } from '../db/schema.js';
import { seedDemo } from './seed.js';

/** The demo dataset reads like a real service's (README, demo data): dates a worker would believe. */
describe('demo dataset coherence', () => {
  let db: Db;
  let close: () => Promise<void>;
  let dropDb: (() => Promise<void>) | undefined;
  const now = new Date('2026-11-25T09:00:00Z');

  beforeAll(async () => {
    installKeyring(generateKeyring());
    const t = await createTestDatabase('jalon_demo');
    dropDb = t.dropDb;
    const opened = await openDb({ databaseUrl: t.databaseUrl });
    db = opened.db;
    close = opened.close;
    await migrate(db);
    await seedDemo(db, now);
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await dropDb?.();
  });

  it('every last contact is the date of a journal entry of the file (a past entry, or an honoured appointment)', async () => {
    const r = await sql<{ n: number; orphan: number }>`
      select count(*)::int as n,
        count(*) filter (where not exists (
          select 1 from journal_entry j where j.case_file_id = cf.id and j.occurred_at = cf.last_contact_at
            and (j.type <> 'rendez_vous' or j.appointment_status = 'honore')))::int as orphan
      from case_file cf where cf.last_contact_at is not null`.execute(db);
    expect(r.rows[0]!.n).toBeGreaterThan(50);
    expect(r.rows[0]!.orphan).toBe(0);
  });

  it('no journal entry on a week-end or outside office hours in Paris; no contact in the future', async () => {
    const r = await sql<{ weekend: number; night: number; future_contact: number }>`
      select
        count(*) filter (where extract(isodow from occurred_at at time zone 'Europe/Paris') in (6, 7))::int as weekend,
        count(*) filter (where extract(hour from occurred_at at time zone 'Europe/Paris') not between 8 and 18)::int as night,
        (select count(*)::int from case_file where last_contact_at > ${now}) as future_contact
      from journal_entry`.execute(db);
    expect(r.rows[0]).toEqual({ weekend: 0, night: 0, future_contact: 0 });
  });

  it('files are opened at 9:00 in Paris, not at a stray time', async () => {
    const r = await sql<{ stray: number }>`
      select count(*)::int as stray from case_file
      where opened_at < ${now} and to_char(opened_at at time zone 'Europe/Paris', 'HH24:MI') not in ('09:00', '10:00')`.execute(
      db,
    );
    expect(r.rows[0]!.stray).toBe(0);
  });
  it('aid applications: one per stage, decided by someone other than their instructors, loans with their schedule', async () => {
    const r = await sql<{ apps: number; self_decided: number; loans_without_schedule: number }>`
      select
        (select count(*)::int from aid_application) as apps,
        (select count(*)::int from aid_application a where a.decided_by in (
          select actor_id from workflow_transition w where w.subject_id = a.id and w.instructs)) as self_decided,
        (select count(*)::int from aid_application a where a.decided_form = 'pret' and a.status = 'payee'
          and not exists (select 1 from aid_loan_instalment i where i.application_id = a.id)) as loans_without_schedule`.execute(
      db,
    );
    expect(r.rows[0]).toEqual({ apps: 4, self_decided: 0, loans_without_schedule: 0 });
  });

  it('some files have an RSA follow-up: a block from the flux, decisions by another worker than the requester', async () => {
    const r = await sql<{ blocks: number; oriented: number; own: number; contracts: number }>`
      select (select count(*)::int from rsa_person) as blocks,
        (select count(*)::int from rsa_orientation where state = 'orientee') as oriented,
        (select count(*)::int from rsa_orientation o join rsa_orientation_decision d on d.person_id = o.person_id
          where d.decided_by = o.requested_by) as own,
        (select count(*)::int from rsa_contract where signed_on is not null) as contracts`.execute(db);
    expect(r.rows[0]!.blocks).toBeGreaterThan(5);
    expect(r.rows[0]!.oriented).toBeGreaterThan(2);
    expect(r.rows[0]!.contracts).toBeGreaterThan(0);
    expect(r.rows[0]!.own).toBe(0);
  });
});
