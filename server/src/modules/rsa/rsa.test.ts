import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';
import { applyImportedRsaChanges, rsaModule } from './index.js';

/** The RSA follow-up (docs/api.md, "RSA") through the HTTP API on a migrated PGlite. */

let t: TestApp;
let s: Record<'ref' | 'mate' | 'otherTeam' | 'otherSite', Session & { id: string }>;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const other = await buildSite(t.db);
  const login = async (siteId: string, teams: string[]) => {
    const user = await buildUser(t.db, 'travailleur_social', siteId, teams);
    return { ...(await loginAs(t.app, user)), id: user.id };
  };
  s = {
    ref: await login(site.id, [site.teamA]),
    mate: await login(site.id, [site.teamA]),
    otherTeam: await login(site.id, [site.teamB]),
    otherSite: await login(other.id, [other.teamA]),
  };
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });

export const BLOCK = {
  etatdosrsa: '2',
  natpf: 'RSD',
  toppersdrodevorsa: true,
  rolepers: 'DEM',
  dateOuverture: '2026-09-01',
  numAllocataire: '7654321',
  sitpersdemrsa: '0107',
  ddSince: '2026-09-01',
};

/** A file whose principal person has an RSA block; returns the file, its member id and person id. */
async function rsaFile(block: object = BLOCK) {
  const file = await createUsagerAs(t.app, s.ref);
  const read = await call(s.ref, 'GET', `/api/usagers/${file.id}/rsa`);
  expect(read.statusCode, read.body).toBe(200);
  const person = read.json().persons[0] as { memberId: string; personId: string };
  const put = await call(s.ref, 'PUT', `/api/usagers/${file.id}/rsa/members/${person.memberId}`, block);
  expect(put.statusCode, put.body).toBe(200);
  return { fileId: file.id, memberId: person.memberId, personId: person.personId };
}
const rsaOf = async (fileId: string, who: Session = s.ref) =>
  (await call(who, 'GET', `/api/usagers/${fileId}/rsa`)).json().persons[0];

describe('RSA block', () => {
  it('is typed with CAF codes, read with their French labels, with a dated history, audited and logged', async () => {
    const f = await rsaFile();
    const p = await rsaOf(f.fileId);
    expect(p.block).toMatchObject({
      etatdosrsa: { code: '2', label: 'Droit ouvert et versable' },
      natpf: { code: 'RSD', label: 'RSA socle (Département)' },
      rolepers: { code: 'DEM', label: 'Demandeur' },
      toppersdrodevorsa: true,
      numAllocataire: '7654321',
      origin: { code: 'typed', label: 'Saisie' },
    });
    expect(p.history).toHaveLength(1);
    expect(p.history[0].changes.find((c: { field: string }) => c.field === 'etatdosrsa')).toMatchObject({
      from: null,
      to: '2 – Droit ouvert et versable',
    });
    // The same block again changes nothing: no history, no audit row.
    await call(s.ref, 'PUT', `/api/usagers/${f.fileId}/rsa/members/${f.memberId}`, BLOCK);
    await call(s.ref, 'PUT', `/api/usagers/${f.fileId}/rsa/members/${f.memberId}`, { ...BLOCK, etatdosrsa: '3' });
    const after = await rsaOf(f.fileId);
    expect(after.history).toHaveLength(2);
    expect(after.history[0].changes).toEqual([
      { field: 'etatdosrsa', label: 'État du droit', from: '2 – Droit ouvert et versable', to: expect.any(String) },
    ]);
    const audits = await t.db
      .selectFrom('audit_event')
      .select(['action', 'diff'])
      .where('case_file_id', '=', f.fileId)
      .where('action', '=', 'rsa_person.update')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('7654321');
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', f.fileId)
      .where('part', '=', 'rsa')
      .execute();
    expect(logged.length).toBe(3);
  });

  it('takes an imported change (the CAF flux) with its origin, once: the same change again is a no-op', async () => {
    const f = await rsaFile();
    const values = { etatdosrsa: '5' as const, numAllocataire: '7654321' };
    const apply = () =>
      t.db
        .transaction()
        .execute((trx) =>
          applyImportedRsaChanges(trx, new Date(), 'flux-1', [{ personId: f.personId, caseFileId: f.fileId, values }]),
        );
    expect(await apply()).toEqual([f.personId]);
    expect(await apply()).toEqual([]);
    const p = await rsaOf(f.fileId);
    expect(p.block.origin).toEqual({ code: 'imported', label: 'Flux CAF' });
    expect(p.block.natpf.code).toBe('RSD');
    expect(p.history[0]).toMatchObject({ origin: { code: 'imported' }, actorName: null });
    expect(p.history).toHaveLength(2);
  });

  it('follows the full part’s need-to-know: 404 to another team and another site, refused codes in French', async () => {
    const f = await rsaFile();
    expect((await call(s.otherTeam, 'GET', `/api/usagers/${f.fileId}/rsa`)).statusCode).toBe(404);
    expect((await call(s.otherSite, 'GET', `/api/usagers/${f.fileId}/rsa`)).statusCode).toBe(404);
    const put = await call(s.otherTeam, 'PUT', `/api/usagers/${f.fileId}/rsa/members/${f.memberId}`, BLOCK);
    expect(put.statusCode).toBe(404);
    expect((await call(s.mate, 'GET', `/api/usagers/${f.fileId}/rsa`)).statusCode).toBe(200);
    const bad = await call(s.ref, 'PUT', `/api/usagers/${f.fileId}/rsa/members/${f.memberId}`, {
      ...BLOCK,
      etatdosrsa: '9',
      numAllocataire: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('État du droit : choisissez une valeur de la liste');
    expect(bad.body).toContain('N° allocataire CAF : 7 chiffres');
    // A member of another file is not reached through this one.
    const g = await rsaFile();
    expect((await call(s.ref, 'PUT', `/api/usagers/${f.fileId}/rsa/members/${g.memberId}`, BLOCK)).statusCode).toBe(
      404,
    );
  });

  it('names the référent unique RSA (a worker of the site) and the France Travail référent, with history', async () => {
    const f = await rsaFile();
    const url = `/api/usagers/${f.fileId}/rsa/members/${f.memberId}/referents`;
    expect(
      (await call(s.ref, 'POST', url, { kind: 'referent_unique', userId: s.mate.id, startOn: '2026-10-01' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await call(s.ref, 'POST', url, { kind: 'referent_unique', userId: s.ref.id, startOn: '2026-11-01' })).statusCode,
    ).toBe(201);
    const foreign = await call(s.ref, 'POST', url, {
      kind: 'referent_unique',
      userId: s.otherSite.id,
      startOn: '2026-11-01',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('rsa_referent_unknown');
    await call(s.ref, 'POST', url, {
      kind: 'france_travail',
      partnerName: 'M. Conseiller',
      organisme: 'Agence Paris 18',
      startOn: '2026-10-15',
    });
    const refs = (await rsaOf(f.fileId)).referents;
    expect(refs).toHaveLength(3);
    expect(
      refs
        .filter((r: { endOn: string | null }) => r.endOn === null)
        .map((r: { kind: string }) => r.kind)
        .sort(),
    ).toEqual(['france_travail', 'referent_unique']);
    expect(refs.find((r: { userId: string | null }) => r.userId === s.mate.id).endOn).toBe('2026-11-01');
  });

  it('is part of the DPO’s access export (RGPD art. 15) and goes with the file at retention', async () => {
    const f = await rsaFile();
    const part = await t.db.transaction().execute((trx) => rsaModule.accessExport(trx, {} as never, f.fileId));
    expect(part?.title).toContain('Suivi RSA');
    expect(JSON.stringify(part)).toContain('2 – Droit ouvert et versable');
    expect(JSON.stringify(part)).toContain('7654321');
    const removed = await t.db.transaction().execute((trx) => rsaModule.retention.purge(trx, f.fileId));
    expect(removed.rsa).toBeGreaterThanOrEqual(2);
    expect(
      await t.db.selectFrom('rsa_person').select('person_id').where('case_file_id', '=', f.fileId).execute(),
    ).toEqual([]);
  });
});
