import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, loginAs, type Session, type TestUser } from '../../test/factories.js';

/** Declared absences (docs/api.md, "Absences"): who declares, who reads, what is refused, what is audited. */
let t: TestApp;
let worker: TestUser;
let colleague: TestUser;
let ws: Session;
let cs: Session;
let sec: Session;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  worker = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  colleague = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  ws = await loginAs(t.app, worker);
  cs = await loginAs(t.app, colleague);
  sec = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
});
afterAll(() => t.close());

const declare = (s: Session, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/absences', headers: s.send, payload });
const list = (s: Session, q = 'from=2027-04-01&to=2027-04-30') =>
  t.app.inject({ method: 'GET', url: `/api/absences?${q}`, headers: s.get });
const APRIL = { kind: 'conge', startsAt: '2027-04-12T00:00:00+02:00', endsAt: '2027-04-17T00:00:00+02:00' };

describe('absences', () => {
  it('a worker declares their own; a colleague does not see it, the secretary does; audited with the kind', async () => {
    const r = await declare(ws, APRIL);
    expect(r.statusCode, r.body).toBe(201);
    const mine = (await list(ws)).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ workerId: worker.id, kind: 'conge', kindLabel: 'Congé', canDelete: true }),
    ]);
    expect((await list(cs)).json().items).toEqual([]);
    const site = (await list(sec)).json().items;
    expect(site).toEqual([expect.objectContaining({ workerId: worker.id, canDelete: true })]);
    const row = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'target_id'])
      .where('action', '=', 'absence.create')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ actor_id: worker.id, target_id: r.json().id });
    // The colleague can neither withdraw it (it does not exist for them) nor declare one for the worker.
    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/absences/${r.json().id}/delete`,
      headers: cs.send,
    });
    expect(withdraw.statusCode).toBe(404);
    expect((await declare(cs, { ...APRIL, workerId: worker.id })).statusCode).toBe(403);
  });

  it('refuses an end before the start and an unknown kind, in French', async () => {
    const back = await declare(ws, { ...APRIL, endsAt: '2027-04-11T00:00:00+02:00' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields.endsAt).toBe('La fin de l’absence doit suivre son début');
    const kind = await declare(ws, { ...APRIL, kind: 'maladie' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields.kind).toBe('Motif d’absence : choisissez une valeur de la liste');
  });

  it('the secretary withdraws an absence: it leaves the lists and no longer blocks bookings', async () => {
    const id = (await declare(sec, { ...APRIL, workerId: colleague.id, kind: 'formation' })).json().id as string;
    expect((await list(cs)).json().items).toHaveLength(1);
    const r = await t.app.inject({ method: 'POST', url: `/api/absences/${id}/delete`, headers: sec.send });
    expect(r.statusCode).toBe(204);
    expect((await list(cs)).json().items).toEqual([]);
    const again = await t.app.inject({ method: 'POST', url: `/api/absences/${id}/delete`, headers: sec.send });
    expect(again.statusCode).toBe(404);
  });
});
