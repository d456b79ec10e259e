import type { Role } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

/** Logs and the workers (domain.md §1.7): only the DPO searches the logs by user, with a purpose that is itself logged. */

const PURPOSE = 'Contrôle de sécurité après signalement';
const enc = encodeURIComponent;
let t: TestApp;
let worker: TestUser;
let other: TestUser;
let fileId = '';
const sessions: Partial<Record<string, Session>> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  const mk = (role: Role, s: { id: string } | null, teams: string[] = []) =>
    buildUser(t.db, role, s?.id ?? null, teams);
  worker = await mk('travailleur_social', site, [site.teamA]);
  other = await mk('travailleur_social', site, [site.teamA]);
  const callers: Record<string, TestUser> = {
    worker,
    other,
    ts_other_team: await mk('travailleur_social', site, [site.teamB]),
    secretaire: await mk('secretaire', site),
    responsable: await mk('responsable', site),
    responsable_other_site: await mk('responsable', siteB),
    admin: await mk('admin_fonctionnel', null),
    dpo: await mk('dpo', null),
  };
  for (const [k, u] of Object.entries(callers)) sessions[k] = await loginAs(t.app, u);
  const w = sessions.worker as Session;
  fileId = (await createUsagerAs(t.app, w)).id;
  await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/journal`,
    headers: w.send,
    payload: { type: 'appel_entrant', occurredAt: '2026-11-25T08:00:00Z' },
  });
  await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}`, headers: w.get });
  await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}`, headers: (sessions.other as Session).get });
  await createUsagerAs(t.app, sessions.other as Session);
});
afterAll(() => t.close());

const dpoGet = (url: string) => t.app.inject({ method: 'GET', url, headers: (sessions.dpo as Session).get });
const searches = () =>
  t.db
    .selectFrom('audit_event')
    .select(['actor_role', 'diff', 'target_type'])
    .where('action', '=', 'audit_log.search')
    .orderBy('seq')
    .execute();

describe('DPO log search', () => {
  it('by user: only that worker’s events and reads; the search is logged with its purpose and filters', async () => {
    const before = (await searches()).length;
    const events = await dpoGet(`/api/dpo/audit-events?purpose=${enc(PURPOSE)}&userId=${worker.id}`);
    expect(events.statusCode, events.body).toBe(200);
    const items = events.json().items as { actorId: string; action: string }[];
    expect(items.map((i) => i.action).sort()).toEqual(['auth.login', 'journal_entry.create', 'usager.create']);
    expect(items.every((i) => i.actorId === worker.id)).toBe(true);
    const reads = await dpoGet(`/api/dpo/access-events?purpose=${enc(PURPOSE)}&userId=${worker.id}`);
    expect(reads.json().items).toEqual([
      expect.objectContaining({ actorId: worker.id, caseFileId: fileId, part: 'full' }),
    ]);
    const logged = (await searches()).slice(before);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      actor_role: 'dpo',
      target_type: 'audit_event',
      diff: { purpose: PURPOSE, userId: worker.id },
    });
    expect(logged[1]).toMatchObject({
      actor_role: 'dpo',
      target_type: 'access_log',
      diff: { purpose: PURPOSE, userId: worker.id },
    });
  });

  it('by file, period and action', async () => {
    const byFile = (await dpoGet(`/api/dpo/access-events?purpose=${enc(PURPOSE)}&caseFileId=${fileId}`)).json()
      .items as { actorId: string }[];
    expect(byFile.map((i) => i.actorId).sort()).toEqual([worker.id, other.id].sort());
    const day = t.clock.now().toISOString().slice(0, 10);
    const inDay = (
      await dpoGet(`/api/dpo/audit-events?purpose=${enc(PURPOSE)}&caseFileId=${fileId}&from=${day}&to=${day}`)
    ).json().items;
    expect(inDay.length).toBeGreaterThanOrEqual(2);
    const earlier = (
      await dpoGet(`/api/dpo/audit-events?purpose=${enc(PURPOSE)}&caseFileId=${fileId}&from=2020-01-01&to=2020-12-31`)
    ).json().items;
    expect(earlier).toEqual([]);
    const creates = (await dpoGet(`/api/dpo/audit-events?purpose=${enc(PURPOSE)}&action=usager.create`)).json()
      .items as { action: string }[];
    expect(creates.length).toBe(2);
    expect(creates.every((i) => i.action === 'usager.create')).toBe(true);
  });

  it('without a purpose, with a reversed period or a bad id: 400 and nothing logged', async () => {
    const before = (await searches()).length;
    for (const url of [
      `/api/dpo/audit-events?userId=${worker.id}`,
      `/api/dpo/access-events?purpose=court&userId=${worker.id}`,
      `/api/dpo/audit-events?purpose=${enc(PURPOSE)}&from=2026-02-01&to=2026-01-01`,
      `/api/dpo/access-events?purpose=${enc(PURPOSE)}&userId=pas-un-uuid`,
      `/api/dpo/access-events?purpose=${enc(PURPOSE)}&part=tout`,
    ]) {
      const res = await dpoGet(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
    expect(await searches()).toHaveLength(before);
  });

  it('every other role is refused the three DPO routes, and their attempt reads nothing', async () => {
    for (const who of ['worker', 'ts_other_team', 'secretaire', 'responsable', 'responsable_other_site', 'admin']) {
      for (const path of ['audit-events', 'access-events', 'accounts']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/dpo/${path}?purpose=${enc(PURPOSE)}&userId=${worker.id}`,
          headers: (sessions[who] as Session).get,
        });
        expect(res.statusCode, `${who} ${path}`).toBe(403);
      }
    }
  });
});

describe('no endpoint gives anyone but the DPO the activity of a named worker', () => {
  /** What a log of a worker's activity looks like in a response: action names, actor ids, parts read. */
  const LOG_MARKERS = [
    // An audit action in an answer (not a letter placeholder such as "usager.nom", which names no one's activity).
    /"action"\s*:\s*"(auth|usager|journal_entry|household|case_file|audit_log)\.[a-z_]+"/,
    /"actorId"/,
    /"part"\s*:/,
  ];

  it('the markers do find the activity in the DPO’s own answer (the check can fail)', async () => {
    const body =
      (await dpoGet(`/api/dpo/audit-events?purpose=${enc(PURPOSE)}&userId=${worker.id}`)).body +
      (await dpoGet(`/api/dpo/access-events?purpose=${enc(PURPOSE)}&userId=${worker.id}`)).body;
    expect(LOG_MARKERS.every((m) => m.test(body))).toBe(true);
  });

  it('every GET route, the worker named in every parameter and query key, for every other caller', async () => {
    const gets = t.app.apiRoutes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(10);
    const query = `?purpose=${enc(PURPOSE)}&userId=${worker.id}&actorId=${worker.id}&workerId=${worker.id}&user=${worker.id}&from=2026-01-01&to=2026-12-31`;
    const leaks: string[] = [];
    for (const who of ['other', 'ts_other_team', 'secretaire', 'responsable', 'responsable_other_site', 'admin']) {
      for (const r of gets) {
        const urls = r.url.includes(':')
          ? [r.url.replace(/:[a-zA-Z]+/g, worker.id), r.url.replace(/:id\b/, fileId).replace(/:[a-zA-Z]+/g, worker.id)]
          : [r.url];
        for (const u of urls) {
          const res = await t.app.inject({
            method: 'GET',
            url: `${u}${query}`,
            headers: (sessions[who] as Session).get,
          });
          expect(res.statusCode, `${who} ${u}`).toBeLessThan(500);
          if (LOG_MARKERS.some((m) => m.test(res.body))) leaks.push(`${who} GET ${r.url} → ${res.statusCode}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
