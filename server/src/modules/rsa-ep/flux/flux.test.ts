import type { ImportDto } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../../test/factories.js';
import { drainImportJobs } from '../../imports/index.js';
import { cafFlux, syntheticPersons } from './fixtures.js';

/** The CAF flux (docs/api.md, "RSA : flux CAF") through the HTTP API on a migrated PGlite, generated files only. */

let t: TestApp;
let ts: Session;
let resp: Session;
let otherResp: Session;
let known: { id: string };
let typo: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const other = await buildSite(t.db);
  ts = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  resp = await loginAs(t.app, await buildUser(t.db, 'responsable', site.id));
  otherResp = await loginAs(t.app, await buildUser(t.db, 'responsable', other.id));
  known = await createUsagerAs(
    t.app,
    ts,
    minimalUsager({ birthName: 'Fluxconnu', firstNames: 'Camille', birthDate: '1985-04-12', cafNumber: '1234567' }),
  );
  typo = await createUsagerAs(
    t.app,
    ts,
    minimalUsager({ birthName: 'Lefebvre', firstNames: 'Marie', birthDate: '1980-02-03' }),
  );
});
afterAll(() => t.close());

function multipart(data: Buffer, name = 'flux.xml') {
  const b = '----jalonFlux' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${b}` };
}
const upload = (s: Session, xml: string) => {
  const body = multipart(Buffer.from(xml));
  return t.app.inject({
    method: 'POST',
    url: '/api/rsa/flux',
    headers: { ...s.send, 'content-type': body.contentType },
    payload: body.payload,
  });
};
async function settled(id: string, s: Session = resp): Promise<ImportDto> {
  await drainImportJobs(t.db);
  const r = await t.app.inject({ method: 'GET', url: `/api/rsa/flux/${id}`, headers: s.get });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ImportDto;
}
const commit = (id: string, confirmMerges: string[] = []) =>
  t.app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: resp.send, payload: { confirmMerges } });
const rsaOf = async (fileId: string) => {
  const r = await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/rsa`, headers: ts.get });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    persons: { principal: boolean; block: { etatdosrsa: { code: string } | null; origin: { code: string } } | null }[];
  };
};
const changes = async () =>
  Number(
    (
      await t.db
        .selectFrom('rsa_person_change')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const FLUX = cafFlux([
  { matricule: '1234567', nom: 'FLUXCONNU', prenom: 'Camille', dtnai: '1985-04-12', etatdosrsa: '2' },
  // The same person as a file of the site, under a typo and an n° allocataire Jalon does not know.
  { matricule: '7654321', nom: 'LEFEBVRE', prenom: 'Mari', dtnai: '1980-02-03', etatdosrsa: '3' },
  { matricule: '2222222', nom: 'Nouveauflux', prenom: 'Sacha', dtnai: '1990-06-15' },
  { matricule: '2222222', nom: 'Nouveauflux', prenom: 'Lou', dtnai: '2015-01-01', rolepers: 'ENF', top: '0' },
  { matricule: '3333333', nom: 'Sansdate', prenom: 'Alex', dtnai: '' },
]);

describe('CAF flux', () => {
  it('matches by n° allocataire, proposes a typo match for review, creates, skips and rejects with reasons', async () => {
    const before = Number(
      (
        await t.db
          .selectFrom('case_file')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const r = await upload(resp, FLUX);
    expect(r.statusCode, r.body).toBe(201);
    const id = (r.json() as { importId: string }).importId;
    const dto = await settled(id);
    expect(dto).toMatchObject({ source: 'caf', format: 'xml', status: 'ready' });
    expect(dto.counts).toMatchObject({ total: 5, history: 1, merge: 1, create: 1, skip: 1, rejected: 1 });
    expect(dto.errors[0]?.reason).toContain('date de naissance');
    expect(dto.merges).toHaveLength(1);
    expect(dto.merges[0]?.values).toMatchObject({ birthName: 'LEFEBVRE', firstNames: 'Mari' });

    expect((await commit(id, [dto.merges[0]?.id ?? ''])).statusCode).toBe(202);
    const done = await settled(id);
    expect(done.status).toBe('committed');
    expect(done.counts.committed).toBe(3);
    expect((await rsaOf(known.id)).persons[0]?.block).toMatchObject({
      etatdosrsa: { code: '2' },
      origin: { code: 'imported' },
    });
    expect((await rsaOf(typo.id)).persons[0]?.block).toMatchObject({ etatdosrsa: { code: '3' } });
    const after = Number(
      (
        await t.db
          .selectFrom('case_file')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before + 1);
    // Each person updated or created has a dated history row of origin "imported" naming the flux; one audit row per
    // batch counts them.
    const history = await t.db
      .selectFrom('rsa_person_change')
      .select(['origin', 'case_file_id'])
      .where('source', '=', `caf:${id}`)
      .execute();
    expect(history.map((h) => h.origin)).toEqual(['imported', 'imported', 'imported']);
    expect(history.map((h) => h.case_file_id)).toEqual(expect.arrayContaining([known.id, typo.id]));
    const batch = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('target_id', '=', id)
      .where('action', '=', 'import.batch')
      .executeTakeFirstOrThrow();
    const diff = (typeof batch.diff === 'string' ? JSON.parse(batch.diff) : batch.diff) as Record<string, unknown>;
    expect(diff).toMatchObject({ rsaChanged: 3, merged: [typo.id] });
    expect(JSON.stringify(diff)).not.toMatch(/Nouveauflux|1234567/);

    // Idempotent: the same file is the same import; the same rows in a later flux change nothing.
    const again = await upload(resp, FLUX);
    expect(again.statusCode).toBe(200);
    expect(again.json().importId).toBe(id);
    const n = await changes();
    const later = await upload(resp, FLUX.replace('<DTCREAFLUX>2026-12-01', '<DTCREAFLUX>2027-01-01'));
    const laterId = (later.json() as { importId: string }).importId;
    expect(laterId).not.toBe(id);
    await settled(laterId);
    expect((await commit(laterId, [])).statusCode).toBe(202);
    await settled(laterId);
    expect(await changes()).toBe(n);
  });

  it('a malformed file writes nothing and names the line of its first error', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('data_import')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const lines = FLUX.split('\n');
    lines[6] = '<Personne><Identification><NOM>Cassé</Identification>';
    const r = await upload(resp, lines.join('\n'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'flux_malformed' });
    expect(r.json().error.message).toContain('ligne 7');
    const headless = await upload(resp, '<?xml version="1.0"?>\n<Flux><InfosFoyerRSA></InfosFoyerRSA></Flux>');
    expect(headless.json().error.message).toContain('IdentificationFlux');
    expect(await count()).toBe(before);
  });

  it('streams a file over the JSON body limit', async () => {
    // One person after 1.2 MB of comments: the size of a real flux, without staging thousands of rows here.
    const big = cafFlux(syntheticPersons(1)).replace(
      '<FluxBeneficiaires>',
      `<FluxBeneficiaires>${`<!--${'x'.repeat(1000)}-->\n`.repeat(1200)}`,
    );
    const r = await upload(resp, big);
    expect(r.statusCode, r.body.slice(0, 200)).toBe(201);
  });

  it('is the site manager’s: a worker is refused, another site’s manager gets 404', async () => {
    expect((await upload(ts, FLUX)).statusCode).toBe(403);
    const r = await upload(resp, FLUX.replace('<DTCREAFLUX>2026-12-01', '<DTCREAFLUX>2027-02-01'));
    const id = (r.json() as { importId: string }).importId;
    expect((await t.app.inject({ method: 'GET', url: `/api/rsa/flux/${id}`, headers: otherResp.get })).statusCode).toBe(
      404,
    );
  });
});
