import { sampleFamily } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';
import { genogramModule } from './index.js';

/** The genogram (docs/api.md, Génogramme) through the HTTP API on a migrated PGlite. */

let t: TestApp;
let s: Record<'ref' | 'coRef' | 'mate' | 'otherSite' | 'dpo', Session & { id: string }>;
const REASON = { reasonCode: 'evaluation', reasonText: 'Évaluation de la situation familiale' };
const BREAK_GLASS = { reason: 'accueil_sans_rdv', justification: 'La personne se présente à notre accueil ce matin' };
const data = sampleFamily();

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const other = await buildSite(t.db);
  const login = async (role: Parameters<typeof buildUser>[1], siteId: string | null, teams: string[] = []) => {
    const user = await buildUser(t.db, role, siteId, teams);
    return { ...(await loginAs(t.app, user)), id: user.id };
  };
  s = {
    ref: await login('travailleur_social', site.id, [site.teamA]),
    coRef: await login('travailleur_social', site.id, [site.teamB]),
    mate: await login('travailleur_social', site.id, [site.teamA]),
    otherSite: await login('travailleur_social', other.id, [other.teamA]),
    dpo: await login('dpo', null),
  };
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });
const url = (id: string, rest = '') => `/api/usagers/${id}/genogram${rest}`;

async function fileWithGenogram() {
  const file = await createUsagerAs(t.app, s.ref);
  const put = await call(s.ref, 'PUT', url(file.id), { version: 0, data });
  expect(put.statusCode, put.body).toBe(200);
  return file;
}

describe('genogram', () => {
  it('is drawn by the référent, versioned, sealed at rest, audited and every read logged', async () => {
    const file = await createUsagerAs(t.app, s.ref);
    const empty = await call(s.ref, 'GET', url(file.id));
    expect(empty.json()).toMatchObject({ version: 0, data: { persons: [] }, relationsOpen: null });
    const put = await call(s.ref, 'PUT', url(file.id), { version: 0, data });
    expect(put.json()).toMatchObject({ version: 1, data: { persons: data.persons } });
    const stale = await call(s.ref, 'PUT', url(file.id), { version: 0, data });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await call(s.ref, 'PUT', url(file.id), { version: 1, data })).json().version).toBe(2);

    const row = await t.db
      .selectFrom('genogram')
      .selectAll()
      .where('case_file_id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row.payload).not.toContain('Grand-père');
    expect(row.created_by).toBe(s.ref.id);
    const audits = await t.db
      .selectFrom('audit_event')
      .select(['action', 'diff'])
      .where('case_file_id', '=', file.id)
      .where('action', '=', 'genogram.update')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('Grand-père');
    const before = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', file.id).execute();
    await call(s.ref, 'GET', url(file.id));
    const after = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', file.id).execute();
    expect(after.length - before.length).toBe(1);
    expect(after.filter((r) => r.part === 'genogram').length).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 to the team, a break-glass holder, another site and the DPO; a co-référent reads and writes', async () => {
    const file = await fileWithGenogram();
    const named = await call(s.ref, 'PUT', `/api/usagers/${file.id}/referents`, {
      referentId: s.ref.id,
      coReferentIds: [s.coRef.id],
    });
    expect(named.statusCode, named.body).toBe(200);
    const grant = await call(s.otherSite, 'POST', `/api/usagers/${file.id}/break-glass`, BREAK_GLASS);
    expect(grant.statusCode, grant.body).toBe(201);
    // The break-glass holder reads the file itself, not its genogram.
    expect((await call(s.otherSite, 'GET', `/api/usagers/${file.id}`)).statusCode).toBe(200);
    for (const who of [s.mate, s.otherSite, s.dpo]) {
      expect((await call(who, 'GET', url(file.id))).statusCode).toBe(404);
      expect((await call(who, 'PUT', url(file.id), { version: 1, data })).statusCode).toBe(404);
    }
    expect((await call(s.coRef, 'GET', url(file.id))).statusCode).toBe(200);
    expect((await call(s.coRef, 'PUT', url(file.id), { version: 1, data })).statusCode).toBe(200);
  });

  it('tells each caller in the file DTO whether it may use the genogram (can.genogram), as the routes decide', async () => {
    const file = await fileWithGenogram();
    const can = async (who: Session) => (await call(who, 'GET', `/api/usagers/${file.id}`)).json().can.genogram;
    expect(await can(s.ref)).toBe(true);
    expect(await can(s.mate)).toBe(false);
    // The creator hands the file over to a colleague of its team: still follows the file, still uses its genogram.
    const handed = await call(s.ref, 'PUT', `/api/usagers/${file.id}/referents`, {
      referentId: s.mate.id,
      coReferentIds: [],
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(await can(s.ref)).toBe(true);
    expect((await call(s.ref, 'GET', url(file.id))).statusCode).toBe(200);
    expect(await can(s.mate)).toBe(true);
    expect(await can(s.coRef)).toBe(false);
    expect((await call(s.coRef, 'GET', url(file.id))).statusCode).toBe(404);
  });

  it('serves the drawing as SVG to the référent, 404 to the team', async () => {
    const file = await fileWithGenogram();
    const svg = await call(s.ref, 'GET', url(file.id, '.svg'));
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('data-id="gp1"');
    expect((await call(s.mate, 'GET', url(file.id, '.svg'))).statusCode).toBe(404);
  });

  it('keeps the relationship lines closed until opened with a reason, then out of GET unless asked', async () => {
    const file = await fileWithGenogram();
    const relations = [{ a: 'f', b: 'm', kind: 'conflictual' }];
    const closed = await call(s.ref, 'PUT', url(file.id), { version: 1, data, relations });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('relations_closed');
    expect(
      (await call(s.ref, 'POST', url(file.id, '/relations/open'), { ...REASON, reasonText: ' ' })).statusCode,
    ).toBe(400);
    const opened = await call(s.ref, 'POST', url(file.id, '/relations/open'), REASON);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().relationsOpen.reasonCode).toBe('evaluation');
    expect((await call(s.ref, 'PUT', url(file.id), { version: 1, data, relations })).statusCode).toBe(200);
    expect((await call(s.ref, 'GET', url(file.id))).json().relations).toBeUndefined();
    const withRel = await call(s.ref, 'GET', url(file.id, '?relations=1'));
    expect(withRel.json().relations).toEqual(relations);
    const parts = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', file.id).execute();
    expect(parts.map((p) => p.part)).toContain('genogram_relations');
    // A line naming a person absent from the drawing, or joining a person to itself, is refused; nothing changes.
    for (const bad of [
      { a: 'f', b: 'nobody', kind: 'close' },
      { a: 'f', b: 'f', kind: 'distant' },
    ]) {
      const refused = await call(s.ref, 'PUT', url(file.id), { version: 2, data, relations: [bad] });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.body).toMatch(/Relation : (une personne absente du génogramme|deux personnes différentes)/);
    }
    expect((await call(s.ref, 'GET', url(file.id, '?relations=1'))).json()).toMatchObject({ version: 2, relations });
  });

  it('refuses bad input with French messages', async () => {
    const file = await createUsagerAs(t.app, s.ref);
    const bad = await call(s.ref, 'PUT', url(file.id), {
      version: 0,
      data: { persons: [{ id: 'a', sex: 'male' }], unions: [{ id: 'u', a: 'a', b: 'zz', type: 'mariage' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Personne inconnue dans le génogramme');
    expect(
      (await call(s.ref, 'PUT', url(file.id), { version: 0, data: { persons: [{ id: 'a', sex: 'x' }] } })).statusCode,
    ).toBe(400);
  });

  it('is anonymised by retention and part of the access export', async () => {
    const file = await fileWithGenogram();
    const part = await t.db.transaction().execute((trx) => genogramModule.accessExport(trx, {} as never, file.id));
    expect(part?.items.map((i) => i[0]!.value)).toContain('Grand-père');
    await t.db.transaction().execute((trx) => genogramModule.retention.anonymise(trx, file.id));
    expect(await t.db.selectFrom('genogram').select('version').where('case_file_id', '=', file.id).execute()).toEqual(
      [],
    );
  });
});
