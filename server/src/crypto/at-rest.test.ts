import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../test/factories.js';
import { isSealed } from './envelope.js';
import { generateKeyring } from './keyring.js';
import { assertKeyOpensData } from './startup.js';
import { resealAll } from './reseal.js';
import { allSealedColumns } from '../platform/sealed-columns.js';

/** Data at rest (docs/security.md, Données au repos): the raw tables hold no plaintext note, on PGlite and on PostgreSQL (TEST_DATABASE_URL). */
let t: TestApp;
let ref: TestUser;
let s: Session;
let fileId: string;
const NOTES = [
  'Madame évoque une dette de loyer de 2 300 €.',
  'Rendez-vous CAF pris pour le dossier RSA.',
  'Note modifiée après 24 h : démarche FSL lancée.',
];

const rawNotes = async () => {
  const e = await sql<{ note: string | null }>`select note from journal_entry where note is not null`.execute(t.db);
  const v = await sql<{ note: string | null }>`select note from journal_entry_version where note is not null`.execute(
    t.db,
  );
  return [...e.rows, ...v.rows].map((r) => r.note as string);
};
const timeline = async () => {
  const res = await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/journal`, headers: s.get });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { id: string; note?: string | null }[] }).items;
};

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  s = await loginAs(t.app, ref);
  fileId = (await createUsagerAs(t.app, s)).id;
});
afterAll(() => t.close());

describe('journal notes at rest', () => {
  it('are stored encrypted (entries and kept versions) and read back as text', async () => {
    const ids: string[] = [];
    for (const note of NOTES.slice(0, 2)) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${fileId}/journal`,
        headers: s.send,
        payload: { type: 'entretien_bureau', occurredAt: t.clock.now().toISOString(), note, visibility: 'referents' },
      });
      expect(res.statusCode).toBe(201);
      ids.push((res.json() as { id: string }).id);
    }
    // After 24 h an edit keeps the previous version (journal_entry_version): it is encrypted too.
    t.clock.advance(25 * 3600_000);
    s = await loginAs(t.app, ref);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${fileId}/journal/${ids[0]}`,
      headers: s.send,
      payload: { version: 0, note: NOTES[2] },
    });
    expect(patch.statusCode).toBe(204);

    const raw = await rawNotes();
    expect(raw).toHaveLength(3);
    for (const value of raw) expect(isSealed(value)).toBe(true);
    const everything =
      JSON.stringify((await sql`select * from journal_entry`.execute(t.db)).rows) +
      JSON.stringify((await sql`select * from journal_entry_version`.execute(t.db)).rows);
    for (const note of NOTES) {
      expect(everything).not.toContain(note);
      expect(everything).not.toContain('loyer');
    }
    const items = await timeline();
    expect(items.map((i) => i.note).sort()).toEqual([NOTES[1], NOTES[2]].sort());
  });

  it('a ciphertext copied into another entry is refused, not shown under the wrong entry', async () => {
    const [a, b] = (
      await sql<{
        id: string;
        note: string;
      }>`select id, note from journal_entry where note is not null order by created_at`.execute(t.db)
    ).rows;
    await sql`update journal_entry set note = ${a?.note} where id = ${b?.id}`.execute(t.db);
    const res = await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/journal`, headers: s.get });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(NOTES[0]);
    await sql`delete from journal_entry_version`.execute(t.db);
    await sql`update journal_entry set note = ${'Restaurée en clair.'} where id = ${b?.id}`.execute(t.db);
  });

  it('plaintext left by an older version is sealed by the start-up step, and reads still return it', async () => {
    const before = await rawNotes();
    expect(before.filter((n) => !isSealed(n))).toEqual(['Restaurée en clair.']);
    const res = await resealAll(t.db, t.keyring, { rotate: false, batchSize: 1, columns: allSealedColumns() });
    expect(res.find((r) => r.table === 'journal_entry')?.sealed).toBe(1);
    const after = await rawNotes();
    expect(after.every(isSealed)).toBe(true);
    expect(after).not.toContain('Restaurée en clair.');
    expect((await timeline()).map((i) => i.note)).toContain('Restaurée en clair.');
    // Idempotent: nothing left to seal.
    expect(
      (await resealAll(t.db, t.keyring, { rotate: false, columns: allSealedColumns() })).every((r) => r.sealed === 0),
    ).toBe(true);
  });

  it('the start-up check refuses a key file that does not open the stored notes', async () => {
    await expect(assertKeyOpensData(t.db, t.keyring, 'jalon.key', allSealedColumns())).resolves.toBeUndefined();
    await expect(assertKeyOpensData(t.db, generateKeyring(), 'autre.key', allSealedColumns())).rejects.toThrow(
      /autre\.key n’ouvre pas les données/,
    );
  });
});
