import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';
import { refreshStatistics } from '../statistics/index.js';

/** The usager's rights (docs/api.md, Rectification history, limitation and opposition): rectification history (art. 16), limitation (art. 18) and opposition (art. 21). */
let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let u: Record<'referent' | 'colleague' | 'otherTeam' | 'secretary' | 'manager' | 'outsider', TestUser>;
let s: Record<keyof typeof u, Session>;

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  const other = await buildSite(t.db);
  u = {
    referent: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    colleague: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    otherTeam: await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]),
    secretary: await buildUser(t.db, 'secretaire', site.id),
    manager: await buildUser(t.db, 'responsable', site.id),
    outsider: await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]),
  };
  s = Object.fromEntries(
    await Promise.all(Object.entries(u).map(async ([k, v]) => [k, await loginAs(t.app, v)])),
  ) as typeof s;
});
afterAll(() => t.close());

const nameOf = async (id: string) =>
  (await t.db.selectFrom('app_user').select('display_name').where('id', '=', id).executeTakeFirstOrThrow())
    .display_name;
const inject = (who: keyof typeof u, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? s[who].get : s[who].send, payload });
const restrict = (fileId: string, kind: 'limitation' | 'opposition', who: keyof typeof u = 'referent') =>
  inject(who, 'POST', `/api/usagers/${fileId}/restrictions`, {
    kind,
    startDate: '2026-11-20',
    reason: 'Demande écrite de la personne',
  });

describe('rectification history', () => {
  it('lists the changes newest first: action in French, field names, role; never the values', async () => {
    const file = await createUsagerAs(t.app, s.referent);
    t.clock.advance(60_000);
    expect(
      (await inject('secretary', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 99 88 77 66' } }))
        .statusCode,
    ).toBe(200);
    t.clock.advance(60_000);
    expect(
      (await inject('colleague', 'PATCH', `/api/usagers/${file.id}`, { situation: { employmentStatus: '12' } }))
        .statusCode,
    ).toBe(200);
    const res = await inject('referent', 'GET', `/api/usagers/${file.id}/history`);
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as {
      items: { actionLabel: string; fields: string[]; role: string; userName: string | null }[];
    };
    expect(items.map((i) => i.actionLabel)).toEqual([
      'Rectification du dossier',
      'Rectification du dossier',
      'Ouverture du dossier',
    ]);
    expect(items[0]).toMatchObject({
      fields: ['Statut professionnel'],
      role: 'travailleur_social',
      userName: await nameOf(u.colleague.id),
    });
    expect(items[1]).toMatchObject({
      fields: ['Téléphone'],
      role: 'secretaire',
      userName: await nameOf(u.secretary.id),
    });
    expect(res.body).not.toContain('01 99 88 77 66');
    const log = await t.db
      .selectFrom('access_log')
      .select(['actor_id', 'part'])
      .where('case_file_id', '=', file.id)
      .where('part', '=', 'history')
      .execute();
    expect(log).toEqual([{ actor_id: u.referent.id, part: 'history' }]);
  });

  it('names the authors for a référent only; 404 outside the full part', async () => {
    const file = await createUsagerAs(t.app, s.referent);
    const seen = (await inject('colleague', 'GET', `/api/usagers/${file.id}/history`)).json() as {
      items: { userName: string | null; role: string }[];
    };
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({ userName: null, role: 'travailleur_social' });
    for (const who of ['otherTeam', 'secretary', 'manager', 'outsider'] as const) {
      expect((await inject(who, 'GET', `/api/usagers/${file.id}/history`)).statusCode, who).toBe(404);
    }
  });
});

describe('limitation (RGPD art. 18): the file is read-only until lifted', () => {
  it('only the référent records it; it is audited; a second active one is refused', async () => {
    const file = await createUsagerAs(t.app, s.referent);
    expect((await restrict(file.id, 'limitation', 'colleague')).statusCode).toBe(403);
    expect((await restrict(file.id, 'limitation', 'outsider')).statusCode).toBe(404);
    const res = await restrict(file.id, 'limitation');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'limitation', active: true, endDate: null, startDate: '2026-11-20' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'diff'])
      .where('case_file_id', '=', file.id)
      .where('action', '=', 'file_restriction.create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.diff)).not.toContain('Demande écrite');
    const again = await restrict(file.id, 'limitation');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('restriction_active');
  });

  it('every write route answers 409 file_limited and writes nothing; reads work; lifting restores writes', async () => {
    const file = await createUsagerAs(t.app, s.referent);
    const entry = (
      await inject('referent', 'POST', `/api/usagers/${file.id}/journal`, {
        type: 'appel_entrant',
        occurredAt: '2026-11-24T10:00:00Z',
      })
    ).json() as { id: string };
    const flag = (await restrict(file.id, 'limitation')).json() as { id: string };
    const audits = async () =>
      (
        await t.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_file_id', '=', file.id)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await audits();
    const writes: [keyof typeof u, 'POST' | 'PATCH' | 'PUT', string, object][] = [
      ['referent', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 23 45 67 89' } }],
      ['secretary', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 23 45 67 89' } }],
      [
        'referent',
        'POST',
        `/api/usagers/${file.id}/members`,
        {
          person: { birthName: 'Enfant', firstNames: 'Lou', birthDate: '2020-02-02' },
          relationship: '3',
          startDate: '2020-02-02',
        },
      ],
      ['manager', 'PUT', `/api/usagers/${file.id}/referents`, { referentId: u.colleague.id, coReferentIds: [] }],
      [
        'referent',
        'POST',
        `/api/usagers/${file.id}/journal`,
        { type: 'appel_entrant', occurredAt: '2026-11-24T11:00:00Z' },
      ],
      ['referent', 'POST', `/api/usagers/${file.id}/journal/${entry.id}/delete`, { reason: 'Erreur de saisie' }],
      [
        'referent',
        'POST',
        `/api/usagers/${file.id}/consents`,
        { purpose: 'Aide', recipient: 'CCAS', givenDate: '2026-10-01' },
      ],
      [
        'referent',
        'POST',
        `/api/usagers/${file.id}/retention`,
        { kind: 'prolongation', untilDate: '2027-06-30', reason: 'procedure_en_cours', note: 'Recours' },
      ],
    ];
    for (const [who, method, url, payload] of writes) {
      const res = await inject(who, method, url, payload);
      expect(res.statusCode, `${who} ${method} ${url}`).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'file_limited',
        message: expect.stringContaining('lecture seule'),
      });
    }
    // Not disclosed to who cannot see the file.
    expect(
      (await inject('outsider', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 23 45 67 89' } }))
        .statusCode,
    ).toBe(404);
    expect(await audits()).toBe(before);
    expect((await inject('colleague', 'GET', `/api/usagers/${file.id}`)).statusCode).toBe(200);
    const shown = (await inject('secretary', 'GET', `/api/usagers/${file.id}/restrictions`)).json() as {
      items: { kind: string; active: boolean }[];
    };
    expect(shown.items).toEqual([expect.objectContaining({ kind: 'limitation', active: true })]);

    expect(
      (
        await inject('colleague', 'POST', `/api/usagers/${file.id}/restrictions/${flag.id}/lift`, {
          endDate: '2026-11-24',
        })
      ).statusCode,
    ).toBe(403);
    const early = await inject('referent', 'POST', `/api/usagers/${file.id}/restrictions/${flag.id}/lift`, {
      endDate: '2026-11-19',
    });
    expect(early.statusCode).toBe(422);
    const lifted = await inject('referent', 'POST', `/api/usagers/${file.id}/restrictions/${flag.id}/lift`, {
      endDate: '2026-11-24',
    });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ active: false, endDate: '2026-11-24' });
    expect(
      (await inject('referent', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 23 45 67 89' } }))
        .statusCode,
    ).toBe(200);
    const history = (await inject('referent', 'GET', `/api/usagers/${file.id}/history`)).json() as {
      items: { actionLabel: string }[];
    };
    expect(history.items.slice(0, 3).map((i) => i.actionLabel)).toEqual([
      'Rectification du dossier',
      'Limitation ou opposition levée',
      'Limitation ou opposition enregistrée',
    ]);
  });
});

describe('opposition (RGPD art. 21): kept out of the statistics', () => {
  const population = async () =>
    (
      await t.db
        .selectFrom('stat_population')
        .select((eb) => eb.fn.sum<number>('persons').as('n'))
        .where('site_id', '=', site.id)
        .where('dimension', '=', 'ensemble')
        .where('month', '=', '2026-11-01')
        .executeTakeFirstOrThrow()
    ).n;
  const openings = async () =>
    (
      await t.db
        .selectFrom('stat_flow')
        .select((eb) => eb.fn.sum<number>('count').as('n'))
        .where('site_id', '=', site.id)
        .where('indicator', '=', 'ouvertures')
        .executeTakeFirstOrThrow()
    ).n;

  it('an active opposition removes the file from population and flows; lifting it brings it back; writes still work', async () => {
    const file = await createUsagerAs(t.app, s.referent);
    await refreshStatistics(t.db, t.clock.now(), { full: true });
    const [pop, open] = [Number(await population()), Number(await openings())];
    expect(pop).toBeGreaterThan(0);
    const flag = (await restrict(file.id, 'opposition')).json() as { id: string };
    expect(
      (await inject('referent', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 23 45 67 89' } }))
        .statusCode,
    ).toBe(200);
    await refreshStatistics(t.db, t.clock.now(), { full: true });
    expect(Number(await population())).toBe(pop - 1);
    expect(Number(await openings())).toBe(open - 1);
    await inject('referent', 'POST', `/api/usagers/${file.id}/restrictions/${flag.id}/lift`, { endDate: '2026-11-24' });
    await refreshStatistics(t.db, t.clock.now(), { full: true });
    expect(Number(await population())).toBe(pop);
    expect(Number(await openings())).toBe(open);
  });
});
