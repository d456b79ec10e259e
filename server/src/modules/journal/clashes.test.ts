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

describe('moving an appointment (PATCH) checks the new slot', () => {
  const patch = (id: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/usagers/${fileId}/journal/${id}`, headers: sec.send, payload });

  it('refuses a move onto a taken slot, allows it onto a free one, and never clashes with itself', async () => {
    expect((await book(at('09:00', '2027-02-02'))).statusCode).toBe(201);
    const moving = (await book(at('14:00', '2027-02-02'))).json().id as string;
    const onto = await patch(moving, { version: 0, occurredAt: at('09:30', '2027-02-02') });
    expect(onto.statusCode).toBe(409);
    expect(onto.json().error.code).toBe('appointment_clash');
    expect(onto.json().error.message).toContain('09:00–10:00');
    // Lengthening in place overlaps only itself: no clash.
    expect((await patch(moving, { version: 0, durationMinutes: 90 })).statusCode).toBe(204);
    expect((await patch(moving, { version: 1, occurredAt: at('16:00', '2027-02-02') })).statusCode).toBe(204);
  });

  it('lengthening onto the next appointment clashes; the explicit choice saves it, audited, with a warning', async () => {
    expect((await book(at('11:00', '2027-02-03'))).statusCode).toBe(201);
    const first = (await book(at('10:00', '2027-02-03'))).json().id as string;
    expect((await patch(first, { version: 0, durationMinutes: 90 })).statusCode).toBe(409);
    const audits = await auditCount('appointment.clash_confirmed');
    const forced = await patch(first, { version: 0, durationMinutes: 90, confirmClash: true });
    expect(forced.statusCode).toBe(200);
    expect(forced.json().warnings[0].code).toBe('overlap');
    expect(await auditCount('appointment.clash_confirmed')).toBe(audits + 1);
  });

  it('moving to another worker checks that worker’s agenda', async () => {
    const other = await buildUser(t.db, 'travailleur_social', worker.siteId as string);
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/journal`,
      headers: sec.send,
      payload: { type: 'rendez_vous', occurredAt: at('10:00', '2027-02-04'), appointmentWorkerId: other.id },
    });
    const mine = (await book(at('10:00', '2027-02-04'))).json().id as string;
    const moved = await patch(mine, { version: 0, appointmentWorkerId: other.id });
    expect(moved.statusCode).toBe(409);
    expect((await patch(mine, { version: 0, appointmentWorkerId: other.id, confirmClash: true })).statusCode).toBe(200);
    const row = await t.db
      .selectFrom('journal_entry')
      .select('appointment_worker_id')
      .where('id', '=', mine)
      .executeTakeFirstOrThrow();
    expect(row.appointment_worker_id).toBe(other.id);
  });
});

describe('declared absences are clashes too', () => {
  it('booking during an absence is refused with the absence named in French, then confirmed on purpose', async () => {
    const declared = await t.app.inject({
      method: 'POST',
      url: '/api/absences',
      headers: sec.send,
      payload: {
        workerId: worker.id,
        kind: 'formation',
        startsAt: at('09:00', '2027-03-01'),
        endsAt: at('17:00', '2027-03-02'),
      },
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const r = await book(at('14:00', '2027-03-02'));
    expect(r.statusCode).toBe(409);
    const err = r.json().error;
    expect(err.code).toBe('appointment_clash');
    expect(err.message).toContain('est absent : formation du lundi 1 mars à 09:00 au mardi 2 mars à 17:00');
    expect(err.fields.occurredAt).toContain('Professionnel absent');
    const audits = await auditCount('appointment.clash_confirmed');
    const forced = await book(at('14:00', '2027-03-02'), { confirmClash: true });
    expect(forced.statusCode).toBe(201);
    expect(forced.json().warnings.map((w: { code: string }) => w.code)).toEqual(['absence']);
    expect(await auditCount('appointment.clash_confirmed')).toBe(audits + 1);
    // After the absence ends the slot is free; a withdrawn absence frees its days.
    expect((await book(at('17:00', '2027-03-02'))).statusCode).toBe(201);
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/absences/${declared.json().id}/delete`,
      headers: sec.send,
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await book(at('10:00', '2027-03-01'))).statusCode).toBe(201);
  });

  it('moving an appointment into an absence is refused too', async () => {
    const ws = await loginAs(t.app, worker);
    await t.app.inject({
      method: 'POST',
      url: '/api/absences',
      headers: ws.send,
      payload: { kind: 'conge', startsAt: at('00:00', '2027-03-08'), endsAt: at('23:59', '2027-03-12') },
    });
    const id = (await book(at('10:00', '2027-03-05'))).json().id as string;
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${fileId}/journal/${id}`,
      headers: sec.send,
      payload: { version: 0, occurredAt: at('10:00', '2027-03-09') },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.message).toContain('congé du lundi 8 mars');
  });
});
