import type { AidApplicationDto, CommissionDetailDto } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveAidPieces } from '../../test/aid-pieces.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';
import { aidRequestsAs, requestsAs } from '../../test/requests.js';

/**
 * The city-level FSL commission (docs/adr/012-aid-applications.md, "Who decides"): organised by the administration,
 * it takes the FSL applications of every site and the administration records its decisions; a site's session stays
 * its responsable's.
 */

let t: TestApp;
let refA: Session;
let refB: Session;
let respA: Session;
let admin: Session;
const apps = { fslA: '', fslB: '', parisA: '' };

const { inject, ok } = requestsAs(() => t.app);

const FSL = {
  scheme: 'fsl',
  aidType: 'energie',
  form: 'subvention',
  requestedCents: 25_000,
  payee: 'fournisseur',
  creditorName: 'Fournisseur d’énergie',
  contractRef: 'PDL-VILLE',
};
const PARIS = {
  scheme: 'paris',
  aidType: 'allocation_exceptionnelle',
  form: 'subvention',
  requestedCents: 20_000,
  payee: 'personne',
};

async function inCommission(ref: Session, body: object) {
  const file = (await createUsagerAs(t.app, ref, minimalUsager())).id;
  await giveAidPieces(t.app, ref, file);
  return aidRequestsAs(() => t.app).inCommission(ref, file, body);
}

beforeAll(async () => {
  t = await buildTestApp();
  const siteA = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  refA = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', siteA.id, [siteA.teamA]));
  refB = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', siteB.id, [siteB.teamA]));
  respA = await loginAs(t.app, await buildUser(t.db, 'responsable', siteA.id));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  apps.fslA = await inCommission(refA, FSL);
  apps.fslB = await inCommission(refB, FSL);
  apps.parisA = await inCommission(refA, PARIS);
}, 90_000);
afterAll(() => t.close());

describe('the city-level FSL commission', () => {
  let villeId = '';
  it('is opened by the administration only, with no site', async () => {
    const body = { sessionDate: '2026-12-14', kind: 'ordinaire', level: 'ville' };
    const created = (await ok(admin, 'POST', '/api/commissions', body, 201)).json();
    villeId = created.id;
    expect(created).toMatchObject({ level: 'ville', siteId: null, siteName: 'Ville de Paris (FSL)' });
    const byResp = await inject(respA, 'POST', '/api/commissions', body);
    expect(byResp.statusCode).toBe(403);
    expect(byResp.json().error.message).toContain('administration');
    const withSite = await inject(admin, 'POST', '/api/commissions', { ...body, siteId: created.id });
    expect(withSite.statusCode).toBe(400);
  });

  it('offers the FSL applications of every site, never a Paris aid, and is not a responsable’s', async () => {
    const d = (await ok(admin, 'GET', `/api/commissions/${villeId}`)).json() as CommissionDetailDto;
    const offered = d.candidates.map((c) => c.applicationId);
    expect(offered).toEqual(expect.arrayContaining([apps.fslA, apps.fslB]));
    expect(offered).not.toContain(apps.parisA);
    expect((await inject(respA, 'GET', `/api/commissions/${villeId}`)).statusCode).toBe(404);
    expect((await ok(respA, 'GET', '/api/commissions')).json().items).toEqual([]);
    const paris = await inject(admin, 'POST', `/api/commissions/${villeId}/agenda`, { applicationIds: [apps.parisA] });
    expect(paris.statusCode).toBe(404);
    await ok(admin, 'POST', `/api/commissions/${villeId}/agenda`, { applicationIds: [apps.fslA, apps.fslB] });
  });

  it('has its decisions recorded by the administration, through the aids workflow, letters included', async () => {
    const decisions = [
      { applicationId: apps.fslA, outcome: 'accord', amountCents: 25_000 },
      { applicationId: apps.fslB, outcome: 'refus', reason: 'Ressources au-delà du plafond' },
    ];
    const r = (await ok(admin, 'POST', `/api/commissions/${villeId}/decisions`, { decisions })).json();
    expect(r).toEqual({ decided: 2, letters: 2, closed: true });
    const a = (await ok(refA, 'GET', `/api/aid-applications/${apps.fslA}`)).json() as AidApplicationDto;
    expect(a.decision).toMatchObject({ outcome: 'accord', amountCents: 25_000 });
    expect(a.history.at(-1)).toMatchObject({ to: 'accord' });
    // The administration reaches the application through the session only: never directly.
    expect((await inject(admin, 'GET', `/api/aid-applications/${apps.fslA}`)).statusCode).toBe(404);
    const move = await inject(admin, 'POST', `/api/aid-applications/${apps.fslA}/transitions`, { to: 'notifiee' });
    expect(move.statusCode).toBe(404);
  });

  it('a site’s session stays decided by its responsable, never by the administration', async () => {
    const site = (
      await ok(respA, 'POST', '/api/commissions', { sessionDate: '2026-12-15', kind: 'ordinaire' }, 201)
    ).json();
    expect(site.level).toBe('site');
    await ok(respA, 'POST', `/api/commissions/${site.id}/agenda`, { applicationIds: [apps.parisA] });
    const decisions = [{ applicationId: apps.parisA, outcome: 'refus', reason: 'Hors critères' }];
    const byAdmin = await inject(admin, 'POST', `/api/commissions/${site.id}/decisions`, { decisions });
    expect(byAdmin.statusCode).toBe(403);
    await ok(respA, 'POST', `/api/commissions/${site.id}/decisions`, { decisions });
  });
});
