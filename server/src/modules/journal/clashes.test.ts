import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

let t: TestApp;
let worker: TestUser;
let sec: Session;
let fileId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  worker = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  const secretary = await buildUser(t.db, 'secretaire', site.id);
  const ws = await loginAs(t.app, worker);
  sec = await loginAs(t.app, secretary);
  fileId = (await createUsagerAs(t.app, ws)).id;
});
afterAll(() => t.close());

/** A day at 10:00 Paris time (9:00 UTC in winter), far enough from the clock's today. */
const at = (hhmm: string, day = '2027-01-12') => new Date(`${day}T${hhmm}:00+01:00`).toISOString();

const book = (occurredAt: string, extra: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/journal`,
    headers: sec.send,
    payload: { type: 'rendez_vous', occurredAt, appointmentWorkerId: worker.id, durationMinutes: 60, ...extra },
  });

const auditCount = async (action: string) =>
  Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('double booking: clashes are checked before saving', () => {
  it('refuses an overlapping appointment with the taken slot in French, nothing saved', async () => {
    expect((await book(at('10:00'))).statusCode).toBe(201);
    const before = await t.db.selectFrom('journal_entry').select('id').where('case_file_id', '=', fileId).execute();
    const clash = await book(at('10:30'), { durationMinutes: 30 });
    expect(clash.statusCode).toBe(409);
    const err = clash.json().error;
    expect(err.code).toBe('appointment_clash');
    expect(err.message).toContain('10:00–11:00');
    expect(err.message).toContain('mardi 12 janvier');
    expect(err.fields.occurredAt).toContain('Créneau déjà pris');
    const after = await t.db.selectFrom('journal_entry').select('id').where('case_file_id', '=', fileId).execute();
    expect(after.length).toBe(before.length);
  });

  it('adjacent slots do not clash; a cancelled appointment frees its slot', async () => {
    expect((await book(at('11:00'))).statusCode).toBe(201);
    expect((await book(at('09:00'))).statusCode).toBe(201);
    const r = await book(at('14:00', '2027-01-13'));
    const id = r.json().id as string;
    const cancel = await t.app.inject({
      method: 'PUT',
      url: `/api/usagers/${fileId}/journal/${id}/status`,
      headers: sec.send,
      payload: { status: 'annule' },
    });
    expect(cancel.statusCode).toBe(204);
    expect((await book(at('14:00', '2027-01-13'))).statusCode).toBe(201);
  });

  it('booking over a clash needs the explicit choice, which is audited', async () => {
    const audits = await auditCount('appointment.clash_confirmed');
    expect((await book(at('10:15'))).statusCode).toBe(409);
    const forced = await book(at('10:15'), { confirmClash: true });
    expect(forced.statusCode).toBe(201);
    expect(forced.json().warnings[0].code).toBe('overlap');
    expect(await auditCount('appointment.clash_confirmed')).toBe(audits + 1);
  });
});
