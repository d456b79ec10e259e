import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../../audit/chain.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  buildSite,
  buildUser,
  createUsagerAs,
  loginAs,
  minimalUsager,
  type Session,
  type TestUser,
} from '../../test/factories.js';
import { refreshStatistics } from '../statistics/index.js';
import { runRetention } from './engine.js';

/** Retention engine (docs/adr/005-retention-anonymisation.md): a controllable clock moves two years ahead; the engine archives or anonymises. */

const DAY = 86_400_000;
const T0 = new Date('2026-11-25T09:00:00Z');
let t: TestApp;
let u: Record<'ref' | 'mate' | 'sec' | 'dpo' | 'admin' | 'resp', TestUser>;
let site: Awaited<ReturnType<typeof buildSite>>;
let kept = '';
let archived = '';

const login = async (who: keyof typeof u): Promise<Session> => loginAs(t.app, u[who]);
const at = (days: number) => t.clock.set(new Date(T0.getTime() + days * DAY));
const post = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.send, payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.get });

beforeAll(async () => {
  t = await buildTestApp();
  at(0);
  site = await buildSite(t.db);
  u = {
    ref: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    mate: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    sec: await buildUser(t.db, 'secretaire', site.id),
    resp: await buildUser(t.db, 'responsable', site.id),
    dpo: await buildUser(t.db, 'dpo', null),
    admin: await buildUser(t.db, 'admin_fonctionnel', null),
  };
  const ref = await login('ref');
  const body = minimalUsager({
    birthName: 'Conservenom',
    sex: 'F',
    phone: '06 11 22 33 44',
    email: 'conserve@example.fr',
    addressLine: '12 rue Ordener',
    postalCode: '75018',
    city: 'Paris',
    cafNumber: '1112223',
    nationality: 'A',
    employmentStatus: '12',
    teamId: site.teamA,
  });
  kept = (await createUsagerAs(t.app, ref, body)).id;
  await post(ref, `/api/usagers/${kept}/members`, {
    person: { birthName: 'Conservenom', firstNames: 'Noa', birthDate: '2016-03-03' },
    relationship: '3',
    startDate: '2016-03-03',
    reason: 'naissance',
  });
  const entry = await post(ref, `/api/usagers/${kept}/journal`, {
    type: 'entretien_bureau',
    occurredAt: T0.toISOString(),
    note: 'Texte libre confidentiel du premier entretien.',
    motifs: ['logement'],
  });
  expect(entry.statusCode, entry.body).toBe(201);
  // An edit after 24 h keeps the first note as a version.
  at(2);
  const ref2 = await login('ref');
  const patched = await t.app.inject({
    method: 'PATCH',
    url: `/api/usagers/${kept}/journal/${entry.json().id}`,
    headers: ref2.send,
    payload: { version: 0, note: 'Texte libre corrigé.' },
  });
  expect(patched.statusCode, patched.body).toBe(204);
  await post(ref2, `/api/usagers/${kept}/shares`, {
    recipientName: 'M. Partenaire',
    recipientOrganisation: 'CCAS',
    legalGround: 'casf_l121_6_2',
    sections: ['identity'],
    sharedDate: '2026-11-20',
    personInformed: true,
  });
  archived = (
    await createUsagerAs(
      t.app,
      ref2,
      minimalUsager({ birthName: 'Archivenom', postalCode: '75018', teamId: site.teamA }),
    )
  ).id;
});
afterAll(() => t.close());

describe('retention engine', () => {
  it('30 days before the deadline the référent sees the file; others do not, secretaries and the DPO get 404', async () => {
    at(650);
    expect((await get(await login('ref'), '/api/retention/upcoming')).json().items).toEqual([]);
    at(705);
    const items = (await get(await login('ref'), '/api/retention/upcoming')).json().items as {
      id: string;
      deadline: string;
      fileNumber: string;
    }[];
    expect(items.map((i) => i.id).sort()).toEqual([kept, archived].sort());
    expect(items.find((i) => i.id === kept)?.deadline.slice(0, 10)).toBe('2028-11-24');
    expect((await get(await login('mate'), '/api/retention/upcoming')).json().items).toEqual([]);
    for (const who of ['sec', 'resp', 'dpo', 'admin'] as const)
      expect((await get(await login(who), '/api/retention/upcoming')).statusCode).toBe(404);
  });

  it('the référent prolongs one file and asks the archive for the other, with a reason; audited; others 404, bad dates 422', async () => {
    at(705);
    const ref = await login('ref');
    const past = await post(ref, `/api/usagers/${kept}/retention`, {
      kind: 'prolongation',
      untilDate: '2027-01-01',
      reason: 'procedure_en_cours',
      note: 'Recours DALO',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('invalid_hold_date');
    const wrongReason = await post(ref, `/api/usagers/${kept}/retention`, {
      kind: 'prolongation',
      untilDate: '2029-01-31',
      reason: 'contentieux',
      note: 'x',
    });
    expect(wrongReason.statusCode).toBe(400);
    for (const who of ['mate', 'sec', 'resp', 'dpo'] as const) {
      expect(
        (
          await post(await login(who), `/api/usagers/${kept}/retention`, {
            kind: 'prolongation',
            untilDate: '2029-01-31',
            reason: 'procedure_en_cours',
            note: 'Recours',
          })
        ).statusCode,
      ).toBe(404);
    }
    const ok = await post(ref, `/api/usagers/${kept}/retention`, {
      kind: 'prolongation',
      untilDate: '2029-01-31',
      reason: 'procedure_en_cours',
      note: 'Recours DALO en cours',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      deadline: '2029-01-31T23:59:59.999Z',
      hold: { kind: 'prolongation', until: '2029-01-31' },
    });
    const arch = await post(ref, `/api/usagers/${archived}/retention`, {
      kind: 'archive',
      untilDate: '2031-06-30',
      reason: 'obligation_comptable',
      note: 'Aide financière versée',
    });
    expect(arch.statusCode, arch.body).toBe(200);
    const audits = await t.db
      .selectFrom('audit_event')
      .select(['diff'])
      .where('action', '=', 'case_file.retention_hold')
      .where('case_file_id', '=', kept)
      .execute();
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.diff)).not.toContain('DALO');
  });

  it('past the deadline: the archived file leaves the active base; the prolonged one stays; security log older than 1 year purged', async () => {
    at(733);
    const r = await runRetention(t.db, t.clock.now(), { dryRun: false, trigger: 'job' });
    expect(r.actions).toEqual([{ caseFileId: archived, action: 'archive' }]);
    expect(r.logPurged.audit_event).toBeGreaterThan(0);
    expect((await verifyAll(t.db)).every((c) => c.ok)).toBe(true);
    const ref = await login('ref');
    expect((await get(ref, `/api/usagers/${archived}`)).statusCode).toBe(404);
    expect((await get(ref, `/api/usagers/${kept}`)).statusCode).toBe(200);
    expect((await get(ref, '/api/usagers/search?q=archivenom')).json().results).toEqual([]);
  });

  it('the DPO alone reads an archived file, with a legal reason, audited and logged', async () => {
    at(734);
    const dpo = await login('dpo');
    expect((await post(dpo, `/api/retention/archive/${archived}/read`, {})).statusCode).toBe(400);
    const res = await post(dpo, `/api/retention/archive/${archived}/read`, {
      reason: 'contentieux',
      note: 'Demande du tribunal administratif',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.person.birthName).toBe('Archivenom');
    expect((await post(dpo, `/api/retention/archive/${kept}/read`, { reason: 'preuve', note: 'x' })).statusCode).toBe(
      404,
    );
    for (const who of ['ref', 'resp', 'admin'] as const) {
      expect(
        (
          await post(await login(who), `/api/retention/archive/${archived}/read`, {
            reason: 'preuve',
            note: 'Vérification',
          })
        ).statusCode,
      ).toBe(404);
    }
    const log = await t.db
      .selectFrom('access_log')
      .select('actor_role')
      .where('case_file_id', '=', archived)
      .where('actor_role', '=', 'dpo')
      .execute();
    expect(log).toHaveLength(1);
    const a = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('action', '=', 'case_file.archive_read')
      .executeTakeFirstOrThrow();
    expect(a.diff).toMatchObject({ reason: 'contentieux' });
  });

  it('a dry run prints what it would do and changes nothing but its report', async () => {
    at(800);
    const r = await runRetention(t.db, t.clock.now(), { dryRun: true, trigger: 'cli' });
    expect(r.actions).toEqual([{ caseFileId: kept, action: 'anonymise' }]);
    const p = await t.db
      .selectFrom('case_file as cf')
      .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
      .select(['p.birth_name', 'cf.retention_state'])
      .where('cf.id', '=', kept)
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ birth_name: 'Conservenom', retention_state: 'active' });
    const runs = await t.db
      .selectFrom('retention_run')
      .select(['dry_run', 'anonymised'])
      .orderBy('started_at', 'desc')
      .execute();
    expect(runs[0]).toEqual({ dry_run: true, anonymised: 1 });
  });

  it('anonymisation removes identity, contact, notes and versions, free texts; keeps sex, birth year, household type, arrondissement and counts', async () => {
    at(801);
    const r = await runRetention(t.db, t.clock.now(), { dryRun: false, trigger: 'job' });
    expect(r.actions).toEqual([{ caseFileId: kept, action: 'anonymise' }]);
    const p = await t.db
      .selectFrom('case_file as cf')
      .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
      .innerJoin('household as h', 'h.id', 'cf.household_id')
      .select([
        'p.birth_name',
        'p.first_names',
        'p.phone',
        'p.email',
        'p.caf_number',
        'p.sex',
        'p.birth_date',
        'p.nationality',
        'h.address_line',
        'h.postal_code',
        'h.family_type',
        'cf.retention_state',
      ])
      .where('cf.id', '=', kept)
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({
      birth_name: 'ANONYME',
      phone: null,
      email: null,
      caf_number: null,
      sex: 'F',
      birth_date: '1985-07-01',
      nationality: 'NR',
      address_line: null,
      postal_code: '75018',
      retention_state: 'anonymised',
    });
    const dump = JSON.stringify(
      (
        await sql`select row_to_json(p)::text as p, row_to_json(h)::text as h from person p, household h where p.id in (select person_id from household_member m join case_file cf on cf.household_id = m.household_id where cf.id = ${kept}) and h.id = (select household_id from case_file where id = ${kept})`.execute(
          t.db,
        )
      ).rows,
    );
    for (const gone of ['Conservenom', '06 11 22 33 44', 'conserve@example.fr', 'Ordener', '1112223', 'Noa', 'Camille'])
      expect(dump, gone).not.toContain(gone);
    const entries = await t.db
      .selectFrom('journal_entry')
      .select(['note', 'type', 'motifs', 'occurred_at'])
      .where('case_file_id', '=', kept)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ note: null, type: 'entretien_bureau', motifs: ['logement'] });
    const versions = await t.db
      .selectFrom('journal_entry_version as v')
      .innerJoin('journal_entry as e', 'e.id', 'v.entry_id')
      .select('v.id')
      .where('e.case_file_id', '=', kept)
      .execute();
    expect(versions).toEqual([]);
    const shares = await t.db
      .selectFrom('file_share')
      .select(['recipient_name', 'legal_ground'])
      .where('case_file_id', '=', kept)
      .execute();
    expect(shares).toEqual([{ recipient_name: null, legal_ground: 'casf_l121_6_2' }]);
    expect((await get(await login('ref'), `/api/usagers/${kept}`)).statusCode).toBe(404);
    // The audit row of the anonymisation is appended; the chain still verifies.
    expect(
      await t.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'case_file.anonymise')
        .where('case_file_id', '=', kept)
        .execute(),
    ).toHaveLength(1);
    expect((await verifyAll(t.db)).every((c) => c.ok)).toBe(true);
  });

  it('the statistics still count the anonymised file (sex, age, household type, arrondissement, activity)', async () => {
    await refreshStatistics(t.db, t.clock.now(), { full: true });
    const pop = await sql<{ n: number }>`select coalesce(sum(persons), 0)::int as n from stat_population
      where site_id = ${site.id} and dimension = 'sexe' and category = 'F' and arrondissement = 18 and month = '2028-12-01'`.execute(
      t.db,
    );
    expect(pop.rows[0]?.n).toBeGreaterThanOrEqual(1);
    const flow = await sql<{
      n: number;
    }>`select coalesce(sum(count), 0)::int as n from stat_flow where site_id = ${site.id} and month = '2026-11-01'`.execute(
      t.db,
    );
    expect(flow.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('the archive ends in anonymisation; every run left a report the DPO reads (others 404)', async () => {
    at(365 * 5 + 200);
    const r = await runRetention(t.db, t.clock.now(), { dryRun: false, trigger: 'job' });
    expect(r.actions).toEqual([{ caseFileId: archived, action: 'anonymise' }]);
    const runs = await get(await login('dpo'), '/api/retention/runs');
    expect(runs.statusCode).toBe(200);
    expect(
      runs
        .json()
        .items.map((x: { dryRun: boolean; anonymised: number; archived: number }) => [
          x.dryRun,
          x.archived,
          x.anonymised,
        ]),
    ).toEqual([
      [false, 0, 1],
      [false, 0, 1],
      [true, 0, 1],
      [false, 1, 0],
    ]);
    for (const who of ['ref', 'resp', 'admin', 'sec'] as const)
      expect((await get(await login(who), '/api/retention/runs')).statusCode).toBe(404);
  });
});

describe('retention job schedule', () => {
  it('runs at the next 01:00 UTC, never at start-up', async () => {
    const { untilNextNight } = await import('./job.js');
    expect(untilNextNight(new Date('2026-11-25T09:00:00Z'))).toBe(16 * 3_600_000);
    expect(untilNextNight(new Date('2026-11-25T00:30:00Z'))).toBe(30 * 60_000);
    expect(untilNextNight(new Date('2026-11-25T01:00:00Z'))).toBe(24 * 3_600_000);
  });
});
