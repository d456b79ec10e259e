import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openText } from '../../crypto/index.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { versionNoteAad } from './queries.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let ref: TestUser;
let coRef: TestUser;
const s: Record<string, Session> = {};
let users: Record<string, TestUser> = {};
/** Sessions end after 12 h: tests that move the clock log everyone in again. */
const reloginAll = async () => {
  for (const [k, u] of Object.entries(users)) s[k] = await loginAs(t.app, u);
};

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  const other = await buildSite(t.db);
  ref = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  coRef = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  users = {
    ref,
    coRef,
    sameTeam: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    sameSite: await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]),
    secretary: await buildUser(t.db, 'secretaire', site.id),
    manager: await buildUser(t.db, 'responsable', site.id),
    otherSite: await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]),
    admin: await buildUser(t.db, 'admin_fonctionnel', null),
  };
  await reloginAll();
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
  const sess = s[who] as Session;
  return t.app.inject({ method, url, headers: method === 'GET' ? sess.get : sess.send, payload });
};
const now = () => t.clock.now().toISOString();

async function fileWithCoReferent() {
  const f = await createUsagerAs(t.app, s.ref as Session);
  await call('ref', 'PUT', `/api/usagers/${f.id}/referents`, { referentId: ref.id, coReferentIds: [coRef.id] });
  return f;
}

describe('note visibility (table of docs/api.md, Journal, agenda, catalogues)', () => {
  // header: author ✔ référent ✔ same team ✔ same site ✘ secretary (rdv/accueil only) other site ✘
  const TABLE: [string, 'privee' | 'referents' | 'equipe', 'note' | 'header' | 'none'][] = [
    ['ref', 'privee', 'note'],
    ['coRef', 'privee', 'header'],
    ['sameTeam', 'privee', 'header'],
    ['sameSite', 'privee', 'none'],
    ['secretary', 'privee', 'none'],
    ['manager', 'privee', 'none'],
    ['coRef', 'referents', 'note'],
    ['sameTeam', 'referents', 'header'],
    ['sameSite', 'referents', 'none'],
    ['secretary', 'referents', 'none'],
    ['coRef', 'equipe', 'note'],
    ['sameTeam', 'equipe', 'note'],
    ['sameSite', 'equipe', 'none'],
    ['secretary', 'equipe', 'none'],
    ['manager', 'equipe', 'none'],
  ];
  it.each(TABLE)('%s reading a %s note → %s', async (who, visibility, expected) => {
    const f = await fileWithCoReferent();
    const note = `Entretien factuel ${visibility} ${Math.random()}`;
    const created = await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'entretien_bureau',
      occurredAt: now(),
      note,
      visibility,
      motifs: ['logement'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await call(who, 'GET', `/api/usagers/${f.id}/journal`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { note?: string; type: string; motifs: { code: string }[] }[];
    if (expected === 'none') {
      expect(items).toEqual([]);
    } else {
      expect(items).toHaveLength(1);
      expect(items[0]?.motifs[0]?.code).toBe('logement');
      if (expected === 'note') expect(items[0]?.note).toBe(note);
      else expect(items[0]).not.toHaveProperty('note');
    }
    expect(res.body.includes(note)).toBe(expected === 'note');
  });

  it('another site and the admin get 404 on the journal', async () => {
    const f = await fileWithCoReferent();
    expect((await call('otherSite', 'GET', `/api/usagers/${f.id}/journal`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `/api/usagers/${f.id}/journal`)).statusCode).toBe(404);
  });
});

describe('secretaries record reception and appointments, never notes', () => {
  it('creates an accueil and an appointment for a worker, sees only those headers', async () => {
    const f = await fileWithCoReferent();
    await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'entretien_bureau',
      occurredAt: now(),
      note: 'Point budget.',
    });
    const accueil = await call('secretary', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'accueil',
      occurredAt: now(),
      motifs: ['administratif'],
    });
    expect(accueil.statusCode).toBe(201);
    const start = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const rdv = await call('secretary', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'rendez_vous',
      occurredAt: start,
      durationMinutes: 45,
      appointmentWorkerId: ref.id,
      place: 'bureau',
    });
    expect(rdv.statusCode).toBe(201);
    expect(rdv.json().warnings).toEqual([]);
    const clash = await call('secretary', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'rendez_vous',
      occurredAt: start,
      appointmentWorkerId: ref.id,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('appointment_clash');
    const confirmed = await call('secretary', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'rendez_vous',
      occurredAt: start,
      appointmentWorkerId: ref.id,
      confirmClash: true,
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().warnings[0].code).toBe('overlap');
    expect(
      (await call('secretary', 'POST', `/api/usagers/${f.id}/journal`, { type: 'entretien_bureau', occurredAt: now() }))
        .statusCode,
    ).toBe(403);
    const withNote = await call('secretary', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'accueil',
      occurredAt: now(),
      note: 'texte',
    });
    expect(withNote.statusCode).toBe(422);
    const items = (await call('secretary', 'GET', `/api/usagers/${f.id}/journal`)).json().items as { type: string }[];
    expect(items.map((i) => i.type).sort()).toEqual(['accueil', 'rendez_vous', 'rendez_vous']);
  });
});

describe('the linter gate and the audit', () => {
  it('a flagged note needs confirmation; the audit keeps the count, never the text', async () => {
    const f = await fileWithCoReferent();
    const note = 'Monsieur est alcoolique et agressif.';
    const refused = await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'appel_entrant',
      occurredAt: now(),
      note,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('note_flagged');
    const saved = await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'appel_entrant',
      occurredAt: now(),
      note,
      confirmFlags: true,
    });
    expect(saved.statusCode).toBe(201);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['diff'])
      .where('target_id', '=', saved.json().id)
      .executeTakeFirstOrThrow();
    expect((audit.diff as { lint_flags: number }).lint_flags).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit.diff)).not.toContain('alcoolique');
  });
});

describe('editing, deleting, last contact, timeline', () => {
  it('edits freely for 24 h, then keeps the previous version; only the author edits', async () => {
    const f = await fileWithCoReferent();
    const id = (
      await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
        type: 'entretien_bureau',
        occurredAt: now(),
        note: 'Première version.',
      })
    ).json().id;
    expect(
      (await call('ref', 'PATCH', `/api/usagers/${f.id}/journal/${id}`, { version: 0, note: 'Deuxième version.' }))
        .statusCode,
    ).toBe(204);
    expect(
      await t.db.selectFrom('journal_entry_version').select('id').where('entry_id', '=', id).execute(),
    ).toHaveLength(0);
    t.clock.advance(25 * 3600_000);
    await reloginAll();
    expect(
      (await call('ref', 'PATCH', `/api/usagers/${f.id}/journal/${id}`, { version: 1, note: 'Troisième version.' }))
        .statusCode,
    ).toBe(204);
    const versions = await t.db
      .selectFrom('journal_entry_version')
      .select(['note', 'changed_by', 'version'])
      .where('entry_id', '=', id)
      .execute();
    // Kept versions are encrypted at rest (crypto/): decrypted here with the test key.
    expect(
      versions.map((v) => ({ note: openText(v.note, versionNoteAad(id, v.version)), changed_by: v.changed_by })),
    ).toEqual([{ note: 'Deuxième version.', changed_by: ref.id }]);
    expect(
      (await call('coRef', 'PATCH', `/api/usagers/${f.id}/journal/${id}`, { version: 2, note: 'Intrus.' })).statusCode,
    ).toBe(403);
    expect(
      (await call('ref', 'PATCH', `/api/usagers/${f.id}/journal/${id}`, { version: 0, note: 'Périmée.' })).statusCode,
    ).toBe(409);
  });

  it('deletes softly with a reason, kept in the audit', async () => {
    const f = await fileWithCoReferent();
    const id = (
      await call('ref', 'POST', `/api/usagers/${f.id}/journal`, { type: 'demarche', occurredAt: now() })
    ).json().id;
    expect((await call('ref', 'POST', `/api/usagers/${f.id}/journal/${id}/delete`, {})).statusCode).toBe(400);
    expect(
      (
        await call('ref', 'POST', `/api/usagers/${f.id}/journal/${id}/delete`, {
          reason: 'Saisie sur le mauvais dossier',
        })
      ).statusCode,
    ).toBe(204);
    expect((await call('ref', 'GET', `/api/usagers/${f.id}/journal`)).json().items).toEqual([]);
    const row = await t.db
      .selectFrom('journal_entry')
      .select(['deleted_at', 'deleted_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_reason).toBe('Saisie sur le mauvais dossier');
    expect(
      await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('target_id', '=', id)
        .where('action', '=', 'journal_entry.delete')
        .execute(),
    ).toHaveLength(1);
  });

  it('each entry moves the date du dernier contact forward', async () => {
    const f = await fileWithCoReferent();
    t.clock.advance(3600_000);
    await reloginAll();
    const at = now();
    await call('ref', 'POST', `/api/usagers/${f.id}/journal`, { type: 'appel_sortant', occurredAt: at });
    const file = (await call('ref', 'GET', `/api/usagers/${f.id}`)).json();
    expect(file.data.lastContactAt).toBe(at);
  });

  it('paginates by keyset and filters by type and motif', async () => {
    const f = await fileWithCoReferent();
    const base = t.clock.now().getTime() - 10 * 86_400_000;
    for (let i = 0; i < 5; i++) {
      await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
        type: i % 2 ? 'appel_entrant' : 'entretien_bureau',
        occurredAt: new Date(base + i * 3600_000).toISOString(),
        motifs: [i % 2 ? 'budget' : 'logement'],
      });
    }
    const p1 = (await call('ref', 'GET', `/api/usagers/${f.id}/journal?limit=2`)).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (
      await call('ref', 'GET', `/api/usagers/${f.id}/journal?limit=2&before=${encodeURIComponent(p1.next)}`)
    ).json();
    const p3 = (
      await call('ref', 'GET', `/api/usagers/${f.id}/journal?limit=2&before=${encodeURIComponent(p2.next)}`)
    ).json();
    const all = [...p1.items, ...p2.items, ...p3.items].map((i: { occurredAt: string }) => i.occurredAt);
    expect(all).toHaveLength(5);
    expect([...all].sort().reverse()).toEqual(all);
    expect(p3.next).toBeNull();
    expect((await call('ref', 'GET', `/api/usagers/${f.id}/journal?type=appel_entrant`)).json().items).toHaveLength(2);
    expect((await call('ref', 'GET', `/api/usagers/${f.id}/journal?motif=logement`)).json().items).toHaveLength(3);
  });
});

describe('agenda and à faire', () => {
  it('a worker sees their agenda; a past planned appointment is "à faire"; a manager gets no agenda', async () => {
    const f = await fileWithCoReferent();
    const past = new Date(t.clock.now().getTime() - 2 * 86_400_000).toISOString();
    const created = (
      await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
        type: 'rendez_vous',
        occurredAt: past,
        durationMinutes: 30,
      })
    ).json();
    const day = past.slice(0, 10);
    const agenda = (await call('ref', 'GET', `/api/agenda?from=${day}&to=${day}`)).json();
    expect(agenda.items.map((i: { id: string }) => i.id)).toContain(created.id);
    const todo = (await call('ref', 'GET', '/api/todo')).json();
    expect(todo.unreportedAppointments.map((i: { entryId: string }) => i.entryId)).toContain(created.id);
    expect(
      (await call('ref', 'PUT', `/api/usagers/${f.id}/journal/${created.id}/status`, { status: 'honore' })).statusCode,
    ).toBe(204);
    expect(
      (await call('ref', 'GET', '/api/todo')).json().unreportedAppointments.map((i: { entryId: string }) => i.entryId),
    ).not.toContain(created.id);
    expect((await call('manager', 'GET', `/api/agenda?from=${day}&to=${day}`)).statusCode).toBe(403);
    const siteView = (await call('secretary', 'GET', `/api/agenda?from=${day}&to=${day}`)).json();
    expect(siteView.items.map((i: { id: string }) => i.id)).toContain(created.id);
  });
});

describe('catalogues', () => {
  it('the admin edits the motif catalogue; an inactive motif is refused on new entries', async () => {
    expect((await call('admin', 'POST', '/api/admin/motifs', { code: 'mobilite', label: 'Mobilité' })).statusCode).toBe(
      201,
    );
    expect((await call('ref', 'GET', '/api/motifs')).json().items.map((m: { code: string }) => m.code)).toContain(
      'mobilite',
    );
    expect((await call('admin', 'PATCH', '/api/admin/motifs/mobilite', { active: false })).statusCode).toBe(200);
    const f = await fileWithCoReferent();
    expect(
      (
        await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
          type: 'demarche',
          occurredAt: now(),
          motifs: ['mobilite'],
        })
      ).statusCode,
    ).toBe(422);
    expect((await call('ref', 'POST', '/api/admin/motifs', { code: 'x_y', label: 'Non' })).statusCode).toBe(403);
  });

  it('an orientation needs a partner of the directory', async () => {
    const p = (await call('admin', 'POST', '/api/admin/partners', { name: 'PMI du secteur', kind: 'PMI' })).json();
    const f = await fileWithCoReferent();
    expect(
      (await call('ref', 'POST', `/api/usagers/${f.id}/journal`, { type: 'orientation', occurredAt: now() }))
        .statusCode,
    ).toBe(422);
    const ok = await call('ref', 'POST', `/api/usagers/${f.id}/journal`, {
      type: 'orientation',
      occurredAt: now(),
      partnerId: p.id,
      orientationReason: 'Suivi de grossesse',
    });
    expect(ok.statusCode).toBe(201);
    const item = (await call('ref', 'GET', `/api/usagers/${f.id}/journal`)).json().items[0];
    expect(item.orientation).toMatchObject({ partnerName: 'PMI du secteur', outcome: null });
  });
});
