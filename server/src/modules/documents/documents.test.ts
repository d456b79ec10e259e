import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf, rotateKeys, writeKeyFile } from '../../crypto/index.js';
import { allSealedColumns } from '../../platform/sealed-columns.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';
import { CHUNK_BYTES } from './store.js';

/** Documents of a file (docs/architecture.md, "Documents"). */

let t: TestApp;
let ref: Session;
let colleague: Session;
let fileId = '';

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  colleague = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]));
  fileId = (await createUsagerAs(t.app, ref)).id;
});
afterAll(() => t.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(CHUNK_BYTES * 2 + 123, 0x41), Buffer.from('%%EOF')]);

/** A multipart body: the fields first, then the file. */
function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = '----jalonTest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (s: Session, fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) => {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/documents`,
    headers: { ...s.send, 'content-type': body.contentType },
    payload: body.payload,
  });
};
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('documents', () => {
  it('stores a PDF encrypted in chunks, lists it, serves the same bytes, logs the download', async () => {
    const r = await upload(
      ref,
      { type: 'titre_sejour', validUntil: '2026-12-10' },
      {
        name: 'titre.pdf',
        type: 'application/pdf',
        data: PDF,
      },
    );
    expect(r.statusCode, r.body).toBe(201);
    const id = (r.json() as { id: string }).id;
    const chunks = await t.db
      .selectFrom('document_chunk')
      .select(['seq', 'data'])
      .where('document_id', '=', id)
      .execute();
    expect(chunks).toHaveLength(3);
    // Encrypted at rest: no plaintext run of the content in the stored chunks.
    expect(chunks.some((c) => Buffer.from(c.data).includes(Buffer.alloc(64, 0x41)))).toBe(false);
    const list = await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/documents`, headers: ref.get });
    expect(list.json()).toMatchObject({
      items: [{ id, type: 'titre_sejour', mime: 'application/pdf', size: PDF.length, expiring: true }],
    });
    // The titre de séjour ends within 30 days: listed in the référent's "à faire".
    const todo = await t.app.inject({ method: 'GET', url: '/api/todo', headers: ref.get });
    expect(todo.json()).toMatchObject({
      expiringDocuments: [
        { documentId: id, caseFileId: fileId, typeLabel: 'Titre de séjour', validUntil: '2026-12-10' },
      ],
    });
    const get = await t.app.inject({ method: 'GET', url: `/api/documents/${id}/content`, headers: ref.get });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('application/pdf');
    expect(get.rawPayload.equals(PDF)).toBe(true);
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', fileId)
      .where('part', '=', `document_${id}`)
      .execute();
    expect(logged).toHaveLength(1);
    // Key rotation re-seals the document key; the bytes still open.
    const keyFile = join(mkdtempSync(join(tmpdir(), 'jalon-doc-')), 'jalon.key');
    writeKeyFile(keyFile, t.keyring);
    const r2 = await rotateKeys(t.db, keyFile, t.clock.now(), allSealedColumns());
    expect(r2.columns.find((c) => c.table === 'document')?.sealed).toBe(1);
    const sealed = await t.db.selectFrom('document').select('data_key').where('id', '=', id).executeTakeFirstOrThrow();
    expect(keyIdOf(sealed.data_key)).toBe(r2.to);
    const again = await t.app.inject({ method: 'GET', url: `/api/documents/${id}/content`, headers: ref.get });
    expect(again.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a file whose content is not an accepted type, whatever its name (415), storing nothing', async () => {
    const before = await count();
    const r = await upload(
      ref,
      { type: 'facture' },
      {
        name: 'facture.pdf',
        type: 'application/pdf',
        data: Buffer.from('MZ\x90\x00 this is a program'),
      },
    );
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({ error: { code: 'unsupported_file_type' } });
    expect((r.json() as { error: { message: string } }).error.message).toMatch(/Type de fichier non accepté/);
    expect(await count()).toBe(before);
  });

  it('refuses an oversize upload (413) and an unknown document type (400), storing nothing', async () => {
    const before = await count();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(15 * 1024 * 1024 + 10, 0x20)]);
    const r = await upload(ref, { type: 'facture' }, { name: 'gros.pdf', type: 'application/pdf', data: big });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ error: { code: 'file_too_large' } });
    const bad = await upload(ref, { type: 'passeport_magique' }, { name: 'a.pdf', type: 'application/pdf', data: PDF });
    expect(bad.statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect(await t.db.selectFrom('document_chunk').select('seq').where('seq', '>', 100).execute()).toEqual([]);
  });

  it('need-to-know: a colleague of another team gets 403, the download too', async () => {
    const id = (await t.db.selectFrom('document').select('id').executeTakeFirstOrThrow()).id;
    expect(
      (await upload(colleague, { type: 'rib' }, { name: 'r.pdf', type: 'application/pdf', data: PDF })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/documents/${id}/content`, headers: colleague.get })).statusCode,
    ).toBe(403);
  });

  it('sweeps an upload a crash left half-done, keeps the ready ones', async () => {
    const { documentsModule } = await import('./index.js');
    const user = await t.db.selectFrom('app_user').select('id').limit(1).executeTakeFirstOrThrow();
    const stale = await t.db
      .insertInto('document')
      .values({
        case_file_id: fileId,
        type: 'rib',
        file_name: 'coupe.pdf',
        mime: 'application/pdf',
        data_key: 'x',
        uploaded_by: user.id,
        uploaded_at: new Date(Date.now() - 2 * 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ready = await count();
    const sweep = documentsModule.jobs?.find((j) => j.kind === 'documents.sweep');
    expect(await sweep?.handler(t.db)).toEqual({ deleted: 1 });
    expect(await t.db.selectFrom('document').select('id').where('id', '=', stale.id).execute()).toEqual([]);
    expect(await count()).toBe(ready - 1);
  });
});
