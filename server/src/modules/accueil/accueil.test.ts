import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

let t: TestApp;
let worker: TestUser;
let ws: Session;
let sec: Session;
let otherSec: Session;
let fileId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const other = await buildSite(t.db);
  worker = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  ws = await loginAs(t.app, worker);
  sec = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
  otherSec = await loginAs(t.app, await buildUser(t.db, 'secretaire', other.id));
  fileId = (await createUsagerAs(t.app, ws)).id;
});
afterAll(() => t.close());

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? s.get : s.send, payload });

describe('the reception list of a site', () => {
  it('arrival, seen by a worker, recorded once in the file as an accueil entry', async () => {
    const arrival = await call(sec, 'POST', `/api/usagers/${fileId}/accueil`, { motifs: ['administratif'] });
    expect(arrival.statusCode).toBe(201);
    const visitId = arrival.json().id as string;

    let list = (await call(sec, 'GET', '/api/accueil')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ caseFileId: fileId, seenById: null, entryId: null });
    expect(list[0].usagerName).toBeTruthy();
    expect((await call(otherSec, 'GET', '/api/accueil')).json().items).toEqual([]);

    // A secretary must name who receives; the worker taking the person is the default.
    const unnamed = await call(sec, 'POST', `/api/accueil/${visitId}/seen`, {});
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json().error.fields.workerId).toBe('Professionnel obligatoire');
    expect((await call(ws, 'POST', `/api/accueil/${visitId}/seen`, {})).statusCode).toBe(204);
    list = (await call(sec, 'GET', '/api/accueil')).json().items;
    expect(list[0].seenById).toBe(worker.id);
    expect(list[0].seenByName).toBeTruthy();

    const recorded = await call(sec, 'POST', `/api/accueil/${visitId}/record`);
    expect(recorded.statusCode).toBe(201);
    const again = await call(sec, 'POST', `/api/accueil/${visitId}/record`);
    expect(again.statusCode).toBe(200);
    expect(again.json().entryId).toBe(recorded.json().entryId);

    const journal = (await call(ws, 'GET', `/api/usagers/${fileId}/journal`)).json().items as {
      id: string;
      type: string;
      motifs: { code: string }[];
    }[];
    const accueils = journal.filter((e) => e.type === 'accueil');
    expect(accueils).toHaveLength(1);
    expect(accueils[0]?.id).toBe(recorded.json().entryId);
    expect(accueils[0]?.motifs.map((m) => m.code)).toEqual(['administratif']);
    expect((await call(sec, 'GET', '/api/accueil')).json().items[0].entryId).toBe(recorded.json().entryId);
  });

  it('another site neither adds to nor touches the list: 404', async () => {
    expect((await call(otherSec, 'POST', `/api/usagers/${fileId}/accueil`, {})).statusCode).toBe(404);
    const visitId = (await call(sec, 'POST', `/api/usagers/${fileId}/accueil`, {})).json().id as string;
    expect((await call(otherSec, 'POST', `/api/accueil/${visitId}/record`)).statusCode).toBe(404);
  });
});
