import { canReadFullUsager, type Actor } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizedFileIds } from './load-authorized.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestSite } from '../test/factories.js';

/**
 * docs/security.md, "Access: read vs write, relations": relations end with the organisation. A co-référent moved by
 * the administrator to another site loses the file (read and write, "Ma file active", the access export), and a link
 * left over from before a move grants nothing.
 */

let t: TestApp;
let siteA: TestSite;
let siteB: TestSite;
let ref: Session;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  siteA = await buildSite(t.db);
  siteB = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', siteA.id, [siteA.teamA]));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });

/** What a worker can do on the file: read (full part, journal, export) and write (identity, journal, consent). */
const reach = async (who: Session, fileId: string) => ({
  read: (await call(who, 'GET', `/api/usagers/${fileId}`)).statusCode,
  journal: (await call(who, 'GET', `/api/usagers/${fileId}/journal`)).statusCode,
  export: (await call(who, 'GET', `/api/usagers/${fileId}/access-export?format=json`)).statusCode,
  write: (await call(who, 'PATCH', `/api/usagers/${fileId}`, { contact: { phone: '01 23 45 67 89' } })).statusCode,
  consent: (
    await call(who, 'POST', `/api/usagers/${fileId}/consents`, {
      purpose: 'Demande de logement',
      recipient: 'Bailleur social',
      givenDate: '2026-10-01',
    })
  ).statusCode,
  mine: ((await call(who, 'GET', '/api/usagers/mine')).json() as { items: { id: string }[] }).items.some(
    (i) => i.id === fileId,
  ),
});

describe('relations end with the organisation', () => {
  it('a co-référent moved to another site loses the file: 404 read and write, out of "Ma file active" and the export', async () => {
    const worker = await buildUser(t.db, 'travailleur_social', siteA.id, [siteA.teamB]);
    const file = await createUsagerAs(t.app, ref);
    const named = await call(ref, 'PUT', `/api/usagers/${file.id}/referents`, {
      referentId: (
        await t.db
          .selectFrom('case_file_referent')
          .select('user_id')
          .where('case_file_id', '=', file.id)
          .executeTakeFirstOrThrow()
      ).user_id,
      coReferentIds: [worker.id],
    });
    expect(named.statusCode, named.body).toBe(200);
    const before = await reach(await loginAs(t.app, worker), file.id);
    expect(before).toEqual({ read: 200, journal: 200, export: 200, write: 200, consent: 201, mine: true });

    const moved = await call(admin, 'PATCH', `/api/admin/users/${worker.id}`, {
      siteId: siteB.id,
      teamIds: [siteB.teamA],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await reach(await loginAs(t.app, worker), file.id);
    expect(after).toEqual({ read: 404, journal: 404, export: 404, write: 404, consent: 404, mine: false });

    // The link has a dated end, audited in the file's history by the administrator's change.
    const link = await t.db
      .selectFrom('case_file_referent')
      .select('end_at')
      .where('case_file_id', '=', file.id)
      .where('user_id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(link.end_at).not.toBeNull();
    const audited = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_role'])
      .where('case_file_id', '=', file.id)
      .where('action', '=', 'usager.referent_ended')
      .execute();
    expect(audited).toEqual([{ action: 'usager.referent_ended', actor_role: 'admin_fonctionnel' }]);
  });

  it('a link left open from before a move (data of an older version) grants nothing: the site is checked in the relation', async () => {
    const worker = await buildUser(t.db, 'travailleur_social', siteB.id, [siteB.teamA]);
    const file = await createUsagerAs(t.app, ref);
    await t.db
      .insertInto('case_file_referent')
      .values({ case_file_id: file.id, user_id: worker.id, kind: 'co_referent', start_at: new Date('2026-01-01') })
      .execute();
    const res = await reach(await loginAs(t.app, worker), file.id);
    expect(res).toEqual({ read: 404, journal: 404, export: 404, write: 404, consent: 404, mine: false });
  });

  it('a change of team within the site ends the links on the files of the team left: the general part only', async () => {
    const worker = await buildUser(t.db, 'travailleur_social', siteA.id, [siteA.teamA]);
    const teamFile = await createUsagerAs(t.app, ref);
    const referentId = (
      await t.db
        .selectFrom('case_file_referent')
        .select('user_id')
        .where('case_file_id', '=', teamFile.id)
        .executeTakeFirstOrThrow()
    ).user_id;
    await call(ref, 'PUT', `/api/usagers/${teamFile.id}/referents`, { referentId, coReferentIds: [worker.id] });
    const moved = await call(admin, 'PATCH', `/api/admin/users/${worker.id}`, { teamIds: [siteA.teamB] });
    expect(moved.statusCode, moved.body).toBe(200);
    const link = await t.db
      .selectFrom('case_file_referent')
      .select('end_at')
      .where('case_file_id', '=', teamFile.id)
      .where('user_id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(link.end_at).not.toBeNull();
    expect(
      (await call(await loginAs(t.app, worker), 'GET', `/api/usagers/${teamFile.id}`)).json().data.full,
    ).toBeUndefined();
  });
});

describe('a write is authorised once, inside its transaction', () => {
  it('answers with the file it wrote, without logging a read of it (the write is audited)', async () => {
    const file = await createUsagerAs(t.app, ref);
    const reads = async () =>
      (await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', file.id).execute()).length;
    const before = await reads();
    const res = await call(ref, 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 23 45 67 89' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.full).toBeDefined();
    expect(res.json().data.contact.phone).toBe('01 23 45 67 89');
    expect(await reads()).toBe(before);
    const audited = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('case_file_id', '=', file.id)
      .where('action', 'like', 'usager.%')
      .execute();
    expect(audited.map((a) => a.action)).toContain('usager.update');
  });
});

describe('a set of files checked at once', () => {
  it('keeps the ids the rule allows, in one target query, with the same relation rules (a stale link grants nothing)', async () => {
    const stale = await buildUser(t.db, 'travailleur_social', siteB.id, [siteB.teamA]);
    const [a, b] = [await createUsagerAs(t.app, ref), await createUsagerAs(t.app, ref)];
    await t.db
      .insertInto('case_file_referent')
      .values({ case_file_id: a.id, user_id: stale.id, kind: 'co_referent', start_at: new Date('2026-01-01') })
      .execute();
    const missing = '00000000-0000-4000-8000-000000000000';
    const actor = (over: Partial<Actor>): Actor => ({
      id: stale.id,
      role: 'travailleur_social',
      siteId: siteB.id,
      teamIds: [],
      ...over,
    });
    expect(
      await authorizedFileIds(t.db, actor({ siteId: siteB.id }), [a.id, b.id, missing], canReadFullUsager),
    ).toEqual([]);
    const grant = actor({ siteId: siteB.id, motivatedFileIds: [b.id] });
    expect(await authorizedFileIds(t.db, grant, [a.id, b.id, missing], canReadFullUsager)).toEqual([b.id]);
  });
});
