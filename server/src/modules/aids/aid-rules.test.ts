import type { AidApplicationDto } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveAidPieces } from '../../test/aid-pieces.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';
import { aidRequestsAs } from '../../test/requests.js';

/**
 * The rules of the aids' own workflow through the HTTP API (docs/api.md, "Budget et aides"): the pièces missing drive
 * the dépôt, the 12-month re-application limits at the pre-check and at the decision.
 */

let t: TestApp;
let ref: Session;
let colleague: Session;

const ENERGIE = {
  scheme: 'fsl',
  aidType: 'energie',
  form: 'subvention',
  requestedCents: 30_000,
  payee: 'fournisseur',
  creditorName: 'Fournisseur d’énergie',
  contractRef: 'PDL-0002',
};

const aid = aidRequestsAs(() => t.app);
const { inject, move, moveOk } = aid;
const create = (fileId: string, body: object = ENERGIE) => aid.create(ref, fileId, body);

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  colleague = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
}, 60_000);
afterAll(() => t.close());

describe('« pièces manquantes » on the workflow', () => {
  it('refuses « déposée complète » while a pièce is missing, listing them; the application shows them', async () => {
    const fileId = (await createUsagerAs(t.app, ref, minimalUsager())).id;
    const a = await create(fileId);
    const labels = [
      'Pièce d’identité ou titre de séjour',
      'Justificatif de ressources (avis d’imposition, bulletin de salaire, attestation CAF)',
      'Facture ou échéancier du fournisseur',
    ];
    expect(a.missingPieces).toEqual(labels);
    expect(a.can.transitions).toEqual(['deposee_pieces_manquantes', 'cloturee']);
    const refused = await move(ref, a.id, { to: 'deposee_complete' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('transition_not_allowed');
    expect(refused.json().error.message).toBe(
      `Il manque encore 3 pièce(s) justificative(s) au dossier : ${labels.join(', ')}`,
    );
    // Identity and resources brought: the bill is still missing.
    await giveAidPieces(t.app, ref, fileId, ['piece_identite', 'attestation_caf']);
    const still = await move(ref, a.id, { to: 'deposee_complete' });
    expect(still.json().error.message).toBe(`Il manque encore 1 pièce(s) justificative(s) au dossier : ${labels[2]}`);
    const waiting = await moveOk(ref, a.id, { to: 'deposee_pieces_manquantes' });
    expect(waiting.missingPieces).toEqual([labels[2]]);
    const read = (await inject(ref, 'GET', `/api/aid-applications/${a.id}`)).json() as AidApplicationDto;
    expect(read.missingPieces).toEqual([labels[2]]);
    await giveAidPieces(t.app, ref, fileId, ['facture']);
    const complete = await moveOk(ref, a.id, { to: 'deposee_complete' });
    expect(complete.status).toBe('deposee_complete');
    expect(complete.missingPieces).toBeNull();
  });

  it('refuses « pièces manquantes » once nothing is missing', async () => {
    const fileId = (await createUsagerAs(t.app, ref, minimalUsager())).id;
    await giveAidPieces(t.app, ref, fileId);
    const a = await create(fileId);
    expect(a.missingPieces).toEqual([]);
    const r = await move(ref, a.id, { to: 'deposee_pieces_manquantes' });
    expect([r.statusCode, r.json().error.message]).toEqual([
      422,
      'Aucune pièce ne manque : la demande se dépose complète',
    ]);
  });
});

const PEF = {
  scheme: 'paris',
  aidType: 'paris_energie_familles',
  form: 'subvention',
  requestedCents: 13_800,
  payee: 'fournisseur',
  creditorName: 'Fournisseur d’énergie',
};
/** Filed, instructed and sent to the commission by the référent; the colleague decides. */
async function inCommission(fileId: string, body: object) {
  const a = await create(fileId, body);
  for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire']) await moveOk(ref, a.id, { to });
  return a.id;
}

describe('12-month re-application limits', () => {
  it('Paris Énergie Familles once per 12 months: the pre-check says why, an accord beyond is refused, no derogation', async () => {
    const fileId = (await createUsagerAs(t.app, ref, minimalUsager({ postalCode: '75019' }))).id;
    await giveAidPieces(t.app, ref, fileId);
    const first = await inCommission(fileId, PEF);
    const before = (await inject(ref, 'GET', `/api/aid-applications/${first}/eligibility`)).json();
    expect(before.rules.find((r: { code: string }) => r.code === 'renouvellement')).toMatchObject({
      status: 'ok',
      label: 'Au plus 1 attribution(s) sur 12 mois',
      detail: 'Aucune attribution sur les 12 derniers mois',
    });
    await moveOk(colleague, first, { to: 'accord' });
    const second = await inCommission(fileId, PEF);
    const check = (await inject(ref, 'GET', `/api/aid-applications/${second}/eligibility`)).json();
    expect(check.result).toBe('non_eligible');
    expect(check.rules.find((r: { code: string }) => r.code === 'renouvellement')).toMatchObject({
      status: 'ko',
      detail: 'Paris Énergie Familles : 1 déjà accordée(s) sur les 12 derniers mois (le 25/11/2026)',
    });
    const refused = await move(colleague, second, { to: 'accord', derogationReason: 'Coupure imminente' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(
      'Paris Énergie Familles : au plus 1 attribution(s) sur 12 mois, 1 déjà accordée(s) sur les 12 derniers mois ' +
        '(le 25/11/2026) ; le règlement municipal ne prévoit pas de dérogation',
    );
    // A refusal stays possible; another aid of the same file is not limited by this one.
    await moveOk(colleague, second, { to: 'refus', reason: 'Déjà attribuée cette année' });
  });

  it('a limit the FSL sets (a dated parameter) is set aside only with the derogation’s reason, kept with the accord', async () => {
    const [admin] = await t.db.selectFrom('app_user').select('id').limit(1).execute();
    await t.db
      .insertInto('parameter_version')
      .values({
        name: 'aids.limit.energie',
        value: 1,
        valid_from: t.clock.now().toISOString().slice(0, 10),
        created_by: admin?.id ?? '',
        created_at: t.clock.now(),
      })
      .execute();
    const fileId = (await createUsagerAs(t.app, ref, minimalUsager())).id;
    await giveAidPieces(t.app, ref, fileId);
    const first = await inCommission(fileId, ENERGIE);
    await moveOk(colleague, first, { to: 'accord' });
    const second = await inCommission(fileId, ENERGIE);
    const bare = await move(colleague, second, { to: 'accord' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.message).toContain(': indiquez le motif de la dérogation');
    const check = (await inject(ref, 'GET', `/api/aid-applications/${second}/eligibility`)).json();
    expect(check.rules.find((r: { code: string }) => r.code === 'renouvellement')?.detail).toContain(
      'une dérogation motivée reste possible en commission',
    );
    const granted = await moveOk(colleague, second, {
      to: 'accord',
      derogationReason: 'Nouvelle coupure après un changement de fournisseur',
    });
    expect(granted.decision).toMatchObject({
      outcome: 'accord',
      derogationReason: 'Nouvelle coupure après un changement de fournisseur',
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('target_id', '=', second)
      .where('action', '=', 'aid_application.transition')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain('derogation');
  });
});
