import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../test/factories.js';
import { DecryptError, keyIdOf, open, seal } from './envelope.js';
import { aadOf, activeKeyring, installKeyring, openText, sealText } from './fields.js';
import { addKey, generateKeyring, readKeyFile, writeKeyFile } from './keyring.js';
import { rotateKeys } from './rotate.js';
import { allSealedColumns } from '../platform/sealed-columns.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jalon-rotate-'));
let t: TestApp;
let s: Session;
let fileId: string;
const NOTES = Array.from({ length: 5 }, (_, i) => `Note de suivi numéro ${i + 1} : démarches en cours.`);

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const ref = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  s = await loginAs(t.app, ref);
  fileId = (await createUsagerAs(t.app, s)).id;
  for (const note of NOTES) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/journal`,
      headers: s.send,
      payload: { type: 'entretien_bureau', occurredAt: t.clock.now().toISOString(), note },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The environment without any database or key setting of the caller (the command must use the PGlite folder). */
const withoutDb = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'TEST_DATABASE_URL', 'JALON_KEY_FILE'].includes(k)),
  );
const rawNotes = async () =>
  (await sql<{ id: string; note: string }>`select id, note from journal_entry where note is not null`.execute(t.db))
    .rows;

describe('key rotation', () => {
  it('makes a new key current, keeps the old one, re-encrypts every note in batches and audits it', async () => {
    const keyFile = join(dir, 'jalon.key');
    writeKeyFile(keyFile, t.keyring);
    // A TOTP secret, sealed as auth/second-factor.ts does: rotation covers every column of allSealedColumns() (platform and modules).
    const user = await t.db.selectFrom('app_user').select('id').limit(1).executeTakeFirstOrThrow();
    const totpAad = aadOf('user_second_factor', 'secret', user.id);
    await t.db
      .insertInto('user_second_factor')
      .values({ user_id: user.id, secret: sealText('JBSWY3DPEHPK3PXP', totpAad) })
      .execute();
    const before = await rawNotes();
    expect(before.every((r) => keyIdOf(r.note) === 'k1')).toBe(true);

    const r = await rotateKeys(t.db, keyFile, t.clock.now(), allSealedColumns(), 2);
    expect([r.from, r.to]).toEqual(['k1', 'k2']);
    expect(r.columns.find((c) => c.table === 'journal_entry')?.sealed).toBe(NOTES.length);

    const file = readKeyFile(keyFile);
    expect(file.currentId).toBe('k2');
    expect([...file.keys.keys()]).toEqual(['k1', 'k2']);
    const after = await rawNotes();
    expect(after.every((row) => keyIdOf(row.note) === 'k2')).toBe(true);
    // The old key alone no longer opens anything: the data really moved to the new key.
    const first = after[0] as { id: string; note: string };
    expect(() => open(t.keyring, first.note, `journal_entry.note:${first.id}`)).toThrow(DecryptError);

    const totp = await t.db
      .selectFrom('user_second_factor')
      .select('secret')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(keyIdOf(totp.secret as string)).toBe('k2');
    expect(openText(totp.secret, totpAad)).toBe('JBSWY3DPEHPK3PXP');
    const res = await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/journal`, headers: s.get });
    expect((res.json() as { items: { note: string }[] }).items.map((i) => i.note).sort()).toEqual([...NOTES].sort());

    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'diff'])
      .where('action', '=', 'keys.rotate')
      .execute();
    expect(audit).toHaveLength(1);
    const diff = typeof audit[0]?.diff === 'string' ? JSON.parse(audit[0].diff) : audit[0]?.diff;
    expect(diff).toMatchObject({ from: 'k1', to: 'k2', reencrypted: { 'journal_entry.note': NOTES.length } });

    // A second rotation moves everything to k3; k1 and k2 are still kept.
    const r2 = await rotateKeys(t.db, keyFile, t.clock.now(), allSealedColumns(), 500);
    expect(r2.to).toBe('k3');
    expect((await rawNotes()).every((row) => keyIdOf(row.note) === 'k3')).toBe(true);
    expect(readKeyFile(keyFile).keys.size).toBe(3);
  });

  it('a running server opens values re-encrypted with a newer key of its key file (rotation done by another process)', () => {
    const previous = activeKeyring();
    const keyFile = join(dir, 'live.key');
    const k1 = generateKeyring();
    writeKeyFile(keyFile, k1);
    installKeyring(k1, () => readKeyFile(keyFile));
    const k2 = addKey(k1);
    writeKeyFile(keyFile, k2);
    const aad = aadOf('journal_entry', 'note', 'x');
    expect(openText(seal(k2, 'Après rotation', aad), aad)).toBe('Après rotation');
    expect(keyIdOf(sealText('Nouvelle note', aad))).toBe('k2');
    // A value under a key the file does not hold either is still refused.
    expect(() => openText(seal(generateKeyring(), 'x', aad).replace('jk1.k1.', 'jk1.k9.'), aad)).toThrow(DecryptError);
    installKeyring(previous);
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    '`npm run keys:rotate` rotates the key of a PGlite data folder',
    { timeout: 120_000 },
    async () => {
      const dataDir = join(dir, 'data');
      const keyFile = join(dataDir, 'jalon.key');
      writeKeyFile(keyFile, t.keyring);
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'keys:rotate'], {
        cwd: ROOT,
        env: { ...withoutDb(), JALON_DATA_DIR: dataDir },
      });
      expect(stdout).toContain('k1 → k2');
      expect(readKeyFile(keyFile).currentId).toBe('k2');
    },
  );
});
