import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

/** Motivated access (docs/api.md): reason required, 24 h read-only grant, audited, référents notified, reviewed. */

let t: TestApp;
let siteA: Awaited<ReturnType<typeof buildSite>>;
let siteB: Awaited<ReturnType<typeof buildSite>>;
const u: Record<string, TestUser> = {};
const s: Record<string, Session> = {};
const REASON = { reason: 'accueil_sans_rdv', justification: 'La personne se présente à notre accueil ce matin' };

beforeAll(async () => {
  t = await buildTestApp();
  siteA = await buildSite(t.db, { name: 'EPS Paris 18e' });
  siteB = await buildSite(t.db, { name: 'EPS Paris 10e' });
  u.ref = await buildUser(t.db, 'travailleur_social', siteA.id, [siteA.teamA]);
  u.respA = await buildUser(t.db, 'responsable', siteA.id);
  u.secA = await buildUser(t.db, 'secretaire', siteA.id);
  u.tsB = await buildUser(t.db, 'travailleur_social', siteB.id, [siteB.teamA]);
  u.respB = await buildUser(t.db, 'responsable', siteB.id);
  u.secB = await buildUser(t.db, 'secretaire', siteB.id);
  u.dpo = await buildUser(t.db, 'dpo', null);
  u.admin = await buildUser(t.db, 'admin_fonctionnel', null);
  for (const [k, v] of Object.entries(u)) s[k] = await loginAs(t.app, v);
}, 180_000);
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? s[who]?.get : s[who]?.send, payload });
const count = async (table: 'break_glass_access' | 'notification' | 'audit_event') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('motivated access (break-glass)', () => {
  it('opens the full part to read for 24 h, audited and access-logged; no write', async () => {
    const file = await createUsagerAs(t.app, s.ref as Session);
    await call('ref', 'POST', `/api/usagers/${file.id}/journal`, {
      type: 'entretien_bureau',
      occurredAt: '2026-11-20T10:00:00+01:00',
      note: 'Point logement avec l’équipe.',
      visibility: 'equipe',
    });
    expect((await call('tsB', 'GET', `/api/usagers/${file.id}`)).statusCode).toBe(404);

    const res = await call('tsB', 'POST', `/api/usagers/${file.id}/break-glass`, REASON);
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json();
    expect(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime()).toBe(24 * 3_600_000);
    const audited = await t.db
      .selectFrom('audit_event')
      .select(['action', 'case_file_id', 'diff'])
      .where('target_id', '=', grant.id)
      .execute();
    expect(audited).toMatchObject([{ action: 'break_glass.grant', case_file_id: file.id }]);
    expect(JSON.stringify(audited)).not.toContain('matin'); // the justification stays out of the audit diff

    const read = await call('tsB', 'GET', `/api/usagers/${file.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().data.full).toBeDefined();
    expect(read.json().can).toMatchObject({
      readFull: true,
      updateIdentity: false,
      updateSituation: false,
      changeStatus: false,
    });
    const journal = await call('tsB', 'GET', `/api/usagers/${file.id}/journal`);
    expect(journal.statusCode).toBe(200);
    expect(JSON.stringify(journal.json())).toContain('Point logement');
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', file.id)
      .where('actor_id', '=', u.tsB?.id ?? '')
      .execute();
    expect(logged.map((l) => l.part)).toContain('full');

    expect(
      (await call('tsB', 'PATCH', `/api/usagers/${file.id}`, { contact: { phone: '01 02 03 04 05' } })).statusCode,
    ).toBe(403);
    expect(
      (
        await call('tsB', 'POST', `/api/usagers/${file.id}/journal`, {
          type: 'appel_entrant',
          occurredAt: '2026-11-25T09:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('tsB', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).json().error.code).toBe(
      'already_authorized',
    );

    t.clock.advance(24 * 3_600_000 + 60_000);
    s.tsB = await loginAs(t.app, u.tsB as TestUser); // the 30-minute idle timeout ended the old session
    expect((await call('tsB', 'GET', `/api/usagers/${file.id}`)).statusCode).toBe(404);
    for (const k of Object.keys(u)) s[k] = await loginAs(t.app, u[k] as TestUser);
  });

  it('refuses a missing reason or a short justification, writing nothing', async () => {
    const file = await createUsagerAs(t.app, s.ref as Session);
    const before = [await count('break_glass_access'), await count('notification'), await count('audit_event')];
    for (const body of [
      {},
      { reason: 'curiosite', justification: 'Je voulais simplement voir' },
      { reason: 'autre', justification: 'Trop court' },
      { ...REASON, extra: 1 },
    ]) {
      const res = await call('tsB', 'POST', `/api/usagers/${file.id}/break-glass`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
    expect(
      await call('tsB', 'POST', `/api/usagers/${file.id}/break-glass`, {
        reason: 'autre',
        justification: 'Trop court',
      }).then((r) => r.json().error.fields.justification),
    ).toBe('La justification doit compter au moins 15 caractères');
    expect([await count('break_glass_access'), await count('notification'), await count('audit_event')]).toEqual(
      before,
    );
  });

  it('is for workers and responsables only: secretaries, the admin and the DPO are refused', async () => {
    const file = await createUsagerAs(t.app, s.ref as Session);
    expect((await call('secB', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).statusCode).toBe(404);
    expect((await call('secA', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).statusCode).toBe(403);
    expect((await call('admin', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).statusCode).toBe(404);
    expect((await call('dpo', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).statusCode).toBe(404);
    expect(
      (await call('tsB', 'POST', '/api/usagers/00000000-0000-4000-8000-000000000000/break-glass', REASON)).statusCode,
    ).toBe(404);
    expect((await call('respA', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).statusCode).toBe(201);
    const asResp = (await call('respA', 'GET', `/api/usagers/${file.id}`)).json();
    expect(asResp.data.full).toBeDefined();
    expect(asResp.can.manageReferents).toBe(true); // the responsable's own right on their site, not the grant's
  });

  it('notifies the référents in the app, with role, site and reason but no name', async () => {
    const file = await createUsagerAs(t.app, s.ref as Session);
    const before = (await call('ref', 'GET', '/api/notifications')).json().unread;
    await call('tsB', 'POST', `/api/usagers/${file.id}/break-glass`, REASON);
    const list = (await call('ref', 'GET', '/api/notifications')).json();
    expect(list.unread).toBe(before + 1);
    const n = list.items.find((i: { caseFileId: string }) => i.caseFileId === file.id);
    expect(n.text).toContain('EPS Paris 10e');
    expect(n.text).toContain('Accueil de la personne sans rendez-vous');
    expect(JSON.stringify(list)).not.toContain('Agent travailleur');
    expect(
      (await call('tsB', 'GET', '/api/notifications'))
        .json()
        .items.some((i: { caseFileId: string }) => i.caseFileId === file.id),
    ).toBe(false);
    expect((await call('tsB', 'POST', `/api/notifications/${n.id}/read`)).statusCode).toBe(404);
    expect((await call('ref', 'POST', `/api/notifications/${n.id}/read`)).statusCode).toBe(204);
    expect((await call('ref', 'GET', '/api/notifications')).json().unread).toBe(before);
  });

  it('review queue: the responsable of the file’s site and the DPO; each access reviewed once, audited', async () => {
    const file = await createUsagerAs(t.app, s.ref as Session);
    const grant = (await call('tsB', 'POST', `/api/usagers/${file.id}/break-glass`, REASON)).json();
    await call('tsB', 'GET', `/api/usagers/${file.id}`);
    const pendingOf = async (who: string) =>
      (await call(who, 'GET', '/api/break-glass?status=pending')).json().items.map((i: { id: string }) => i.id);
    expect(await pendingOf('respA')).toContain(grant.id);
    expect(await pendingOf('dpo')).toContain(grant.id);
    expect(await pendingOf('respB')).not.toContain(grant.id);
    for (const who of ['ref', 'tsB', 'secA', 'admin'])
      expect((await call(who, 'GET', '/api/break-glass')).statusCode).toBe(404);
    expect((await call('respA', 'GET', '/api/break-glass?status=tous')).statusCode).toBe(400);

    const item = (await call('dpo', 'GET', '/api/break-glass'))
      .json()
      .items.find((i: { id: string }) => i.id === grant.id);
    expect(item).toMatchObject({
      fileNumber: file.fileNumber,
      reason: { code: 'accueil_sans_rdv' },
      user: { role: 'travailleur_social', siteName: 'EPS Paris 10e' },
      review: null,
    });
    expect(item.readCount).toBeGreaterThanOrEqual(1);
    expect(item.user.displayName).toMatch(/^Agent /); // the DPO sees who, and so does the responsable reviewing
    const asResp = (await call('respA', 'GET', '/api/break-glass'))
      .json()
      .items.find((i: { id: string }) => i.id === grant.id);
    expect(asResp.user).toEqual({
      displayName: item.user.displayName,
      role: 'travailleur_social',
      siteName: 'EPS Paris 10e',
    });

    for (const who of ['respB', 'tsB', 'ref', 'admin'])
      expect(
        (await call(who, 'POST', `/api/break-glass/${grant.id}/review`, { comment: 'Vu' + 'x'.repeat(5) })).statusCode,
      ).toBe(404);
    expect((await call('respA', 'POST', `/api/break-glass/${grant.id}/review`, { comment: '' })).statusCode).toBe(400);
    const reviewed = await call('respA', 'POST', `/api/break-glass/${grant.id}/review`, {
      comment: 'Accueil confirmé par la secrétaire',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().review).toMatchObject({ comment: 'Accueil confirmé par la secrétaire' });
    expect(
      (await call('dpo', 'POST', `/api/break-glass/${grant.id}/review`, { comment: 'Deuxième revue' })).json().error
        .code,
    ).toBe('already_reviewed');
    expect(await pendingOf('dpo')).not.toContain(grant.id);
    expect(
      (await call('dpo', 'GET', '/api/break-glass?status=reviewed')).json().items.map((i: { id: string }) => i.id),
    ).toContain(grant.id);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('target_id', '=', grant.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['break_glass.grant', 'break_glass.review']);
  });
});
