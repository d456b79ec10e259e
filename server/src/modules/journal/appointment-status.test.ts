import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';

/** Appointment status as a workflow (docs/architecture.md, "Workflows"). */

const HOUR = 3_600_000;
let t: TestApp;
let ref: Session;
let sec: Session;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  sec = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
});
afterAll(() => t.close());

const put = (s: Session, file: string, entry: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/usagers/${file}/journal/${entry}/status`, headers: s.send, payload });

async function appointmentIn(ms: number) {
  const f = await createUsagerAs(t.app, ref);
  const occurredAt = new Date(t.clock.now().getTime() + ms).toISOString();
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${f.id}/journal`,
    headers: ref.send,
    payload: { type: 'rendez_vous', occurredAt, durationMinutes: 30 },
  });
  return { fileId: f.id, entryId: (r.json() as { id: string }).id };
}

const lastContact = async (fileId: string) =>
  (await t.db.selectFrom('case_file').select('last_contact_at').where('id', '=', fileId).executeTakeFirstOrThrow())
    .last_contact_at;

describe('appointment status workflow', () => {
  it('refuses "honoré" on an appointment not yet started (422), the last contact stays in the past', async () => {
    const a = await appointmentIn(2 * 24 * HOUR);
    const before = await lastContact(a.fileId);
    const r = await put(ref, a.fileId, a.entryId, { status: 'honore' });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: { code: 'transition_not_allowed' } });
    expect((r.json() as { error: { message: string } }).error.message).toMatch(/pas encore commencé/);
    expect(await lastContact(a.fileId)).toEqual(before);
    expect(
      await t.db.selectFrom('workflow_transition').selectAll().where('subject_id', '=', a.entryId).execute(),
    ).toEqual([]);
    // Cancelling is what an appointment ahead allows.
    expect((await put(sec, a.fileId, a.entryId, { status: 'annule', reason: 'Usager hospitalisé' })).statusCode).toBe(
      204,
    );
  });

  it('refuses "annulé" once started; records every change with who, when, from, to and why, shown on the entry', async () => {
    const a = await appointmentIn(-HOUR);
    expect((await put(ref, a.fileId, a.entryId, { status: 'annule' })).json()).toMatchObject({
      error: { code: 'transition_not_allowed' },
    });
    expect((await put(sec, a.fileId, a.entryId, { status: 'non_venu' })).statusCode).toBe(204);
    expect(
      (await put(ref, a.fileId, a.entryId, { status: 'honore', reason: 'Arrivé en retard, reçu' })).statusCode,
    ).toBe(204);
    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/usagers/${a.fileId}/journal`,
      headers: ref.get,
    });
    const entry = (
      timeline.json() as {
        items: {
          id: string;
          appointment: { status: string; allowed: string[]; history: { from: string; to: string; reason: string }[] };
        }[];
      }
    ).items.find((i) => i.id === a.entryId);
    expect(entry?.appointment.status).toBe('honore');
    expect(entry?.appointment.allowed).toEqual(['excuse', 'non_venu']);
    expect(entry?.appointment.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['prevu', 'non_venu', null],
      ['non_venu', 'honore', 'Arrivé en retard, reçu'],
    ]);
  });
});
