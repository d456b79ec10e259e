import type { AidApplicationDto, BudgetDto, EligibilityDto } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveAidPieces } from '../../test/aid-pieces.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  buildSite,
  buildUser,
  createUsagerAs,
  loginAs,
  minimalUsager,
  type Session,
  type TestUser,
} from '../../test/factories.js';
import { aidRequestsAs } from '../../test/requests.js';

/** Budget and aid applications through the HTTP API (docs/api.md, "Budget et aides"). */

let t: TestApp;
let refUser: TestUser;
let ref: Session;
let colleague: Session;
let otherTeam: Session;
let resp: Session;
let secretary: Session;
let otherSite: Session;
let fileId: string;

const BUDGET = {
  version: 0,
  resources: [
    { type: 'salaire', monthlyCents: 140_000 },
    { type: 'al_apl', monthlyCents: 20_000 },
  ],
  charges: [
    { type: 'loyer', monthlyCents: 65_000 },
    { type: 'energie', monthlyCents: 8_000 },
  ],
  debts: [{ type: 'loyer', creditor: 'Paris Habitat', amountCents: 180_000, monthlyRepaymentCents: 5_000 }],
};
const FSL_MAINTIEN = {
  scheme: 'fsl',
  aidType: 'maintien',
  form: 'subvention',
  requestedCents: 50_000,
  procedureStage: 'assignation',
  urgency: 'assignation',
  payee: 'bailleur',
  creditorName: 'Paris Habitat',
  contractRef: 'BAIL-2021-0042',
};

const aid = aidRequestsAs(() => t.app);
const { inject, move, moveOk } = aid;
const create = (s: Session, body: object = FSL_MAINTIEN, file = fileId) => aid.create(s, file, body);
/** Filed, instructed and sent to the commission by the référent. */
async function toCommission(id: string, to = 'commission_ordinaire') {
  await moveOk(ref, id, { to: 'deposee_complete' });
  await moveOk(ref, id, { to: 'en_instruction' });
  return moveOk(ref, id, { to });
}

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  refUser = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  ref = await loginAs(t.app, refUser);
  colleague = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  otherTeam = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]));
  resp = await loginAs(t.app, await buildUser(t.db, 'responsable', site.id));
  secretary = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
  otherSite = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', siteB.id, [siteB.teamA]));
  fileId = (await createUsagerAs(t.app, ref, minimalUsager({ postalCode: '75018', nationality: 'F' }))).id;
  const child = await inject(ref, 'POST', `/api/usagers/${fileId}/members`, {
    person: { birthName: 'Enfant', firstNames: 'Lou', birthDate: '2020-02-02' },
    relationship: '3',
    startDate: '2020-02-02',
  });
  expect(child.statusCode, child.body).toBe(201);
  await giveAidPieces(t.app, ref, fileId);
});
afterAll(async () => t.close());

describe('budget', () => {
  it('is empty at first, then saved with its reste à vivre per month, per UC (OECD) and per day', async () => {
    const empty = (await inject(ref, 'GET', `/api/usagers/${fileId}/budget`)).json() as BudgetDto;
    expect(empty).toMatchObject({ version: 0, resources: [], can: { write: true } });
    const r = await inject(ref, 'PUT', `/api/usagers/${fileId}/budget`, BUDGET);
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json() as BudgetDto;
    expect(b.version).toBe(1);
    // 160 000 − 73 000 − 5 000 = 82 000; UC = 1 + 0.3 = 1.3; the FSL leaves the AL out.
    expect(b.summaries.complet).toMatchObject({
      resteAVivreCents: 82_000,
      ucTenths: 13,
      resteAVivreParUcCents: 63_076,
    });
    expect(b.summaries.complet.resteAVivreParJourCents).toBe(2_733);
    expect(b.summaries.fsl).toMatchObject({ resourcesCents: 140_000, excludedCents: 20_000, resteAVivreCents: 62_000 });
    expect(b.persons).toHaveLength(2);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('case_file_id', '=', fileId)
      .where('action', '=', 'budget.update')
      .execute();
    expect(audit).toHaveLength(1);
    const stored = await t.db
      .selectFrom('budget')
      .select('payload')
      .where('case_file_id', '=', fileId)
      .executeTakeFirst();
    expect(stored?.payload).not.toContain('Paris Habitat');
  });
  it('refuses a stale version (409) and a person outside the household (422)', async () => {
    expect((await inject(ref, 'PUT', `/api/usagers/${fileId}/budget`, BUDGET)).statusCode).toBe(409);
    const stranger = await inject(ref, 'PUT', `/api/usagers/${fileId}/budget`, {
      ...BUDGET,
      version: 1,
      resources: [{ type: 'rsa', monthlyCents: 1, personId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('invalid_person');
  });
  it('is the file’s need-to-know: another team, the secretary, the manager and another site get 404', async () => {
    for (const s of [otherTeam, secretary, resp, otherSite])
      expect((await inject(s, 'GET', `/api/usagers/${fileId}/budget`)).statusCode).toBe(404);
    expect((await inject(colleague, 'GET', `/api/usagers/${fileId}/budget`)).statusCode).toBe(200);
    expect((await inject(resp, 'PUT', `/api/usagers/${fileId}/budget`, { ...BUDGET, version: 1 })).statusCode).toBe(
      404,
    );
  });
});

describe('aid applications', () => {
  it('creates a draft with a budget snapshot that later budget changes leave alone', async () => {
    const a = await create(ref);
    expect(a).toMatchObject({ status: 'brouillon', requestedCents: 50_000, aidLabel: 'FSL maintien' });
    expect(a.budgetSnapshot?.fsl.resteAVivreCents).toBe(62_000);
    // Every pièce of the checklist is in the file: it is deposited complete, never « pièces manquantes ».
    expect(a.missingPieces).toEqual([]);
    expect(a.can.transitions).toEqual(['deposee_complete', 'cloturee']);
    expect(a.history.map((h) => h.to)).toEqual(['brouillon']);
    const access = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', fileId)
      .where('part', '=', 'aides')
      .execute();
    expect(access.length).toBe(0);
    for (const s of [otherSite, secretary, otherTeam])
      expect((await inject(s, 'GET', `/api/aid-applications/${a.id}`)).statusCode).toBe(404);
    expect((await inject(resp, 'GET', `/api/aid-applications/${a.id}`)).statusCode).toBe(200);
    const changed = await inject(ref, 'PUT', `/api/usagers/${fileId}/budget`, {
      ...BUDGET,
      version: 1,
      resources: [{ type: 'salaire', monthlyCents: 200_000 }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = (await inject(ref, 'GET', `/api/aid-applications/${a.id}`)).json() as AidApplicationDto;
    expect(again.budgetSnapshot?.fsl.resteAVivreCents).toBe(62_000);
    expect(await t.db.selectFrom('access_log').select('part').where('part', '=', 'aides').execute()).toHaveLength(2);
  });

  it('goes from deposit to payment and closure, the decision by another worker than the instructor', async () => {
    const a = await create(ref);
    const inCommission = await toCommission(a.id, 'commission_urgente');
    expect(inCommission.status).toBe('commission_urgente');
    // Maker-checker: the référent instructed it.
    const own = await move(ref, a.id, { to: 'accord' });
    expect(own.statusCode).toBe(422);
    expect(own.json().error).toMatchObject({ code: 'maker_checker', message: expect.stringContaining('instruit') });
    const decided = await moveOk(colleague, a.id, { to: 'accord', amountCents: 45_000 });
    expect(decided.decision).toMatchObject({ outcome: 'accord', amountCents: 45_000, form: 'subvention' });
    expect(decided.decision?.params['aids.fsl.subventionMaxCents']).toBe(50_000);
    await moveOk(resp, a.id, { to: 'notifiee' });
    const closeFirst = await move(resp, a.id, { to: 'cloturee' });
    expect(closeFirst.json().error.message).toContain('paiement');
    await moveOk(resp, a.id, { to: 'payee' });
    const closed = await moveOk(ref, a.id, { to: 'cloturee' });
    expect(closed.history.map((h) => h.to)).toEqual([
      'brouillon',
      'deposee_complete',
      'en_instruction',
      'commission_urgente',
      'accord',
      'notifiee',
      'payee',
      'cloturee',
    ]);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', a.id)
      .where('action', '=', 'aid_application.transition')
      .execute();
    expect(audits).toHaveLength(7);
  });

  it('refuses a move the workflow does not allow, and a refusal without a reason, with a French 422', async () => {
    const a = await create(ref);
    const jump = await move(ref, a.id, { to: 'accord' });
    expect(jump.statusCode).toBe(422);
    expect(jump.json().error.code).toBe('transition_not_allowed');
    await toCommission(a.id);
    const bare = await move(colleague, a.id, { to: 'refus' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.message).toBe('Indiquez le motif du refus');
    const refused = await moveOk(colleague, a.id, { to: 'refus', reason: 'Dette résorbée par la CAF' });
    expect(refused.decision).toMatchObject({
      outcome: 'refus',
      amountCents: null,
      reason: 'Dette résorbée par la CAF',
    });
    expect((await move(resp, a.id, { to: 'payee' })).statusCode).toBe(422);
  });

  it('the urgent path needs a reason matching the aid', async () => {
    const a = await create(ref, { ...FSL_MAINTIEN, urgency: null, procedureStage: 'commandement_payer' });
    await moveOk(ref, a.id, { to: 'deposee_complete' });
    await moveOk(ref, a.id, { to: 'en_instruction' });
    const r = await move(ref, a.id, { to: 'commission_urgente' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('motif d’urgence');
  });

  it('a loan: échéancier on payment, repayments, late ones, closure once repaid', async () => {
    const a = await create(ref, { ...FSL_MAINTIEN, form: 'pret', requestedCents: 100_000 });
    await toCommission(a.id);
    expect((await move(colleague, a.id, { to: 'accord' })).json().error.message).toContain('durée du prêt');
    await moveOk(colleague, a.id, { to: 'accord', loanMonths: 3 });
    await moveOk(colleague, a.id, { to: 'notifiee' });
    const paid = await moveOk(colleague, a.id, { to: 'payee' });
    // Paid on 2026-11-25 (the test clock): first instalment on 2027-01-01.
    expect(paid.loan?.instalments.map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2027-01-01', 33_333],
      ['2027-02-01', 33_333],
      ['2027-03-01', 33_334],
    ]);
    expect(paid.can.repay).toBe(true);
    const repay = (amountCents: number) =>
      inject(ref, 'POST', `/api/aid-applications/${a.id}/repayments`, { paidOn: '2026-12-30', amountCents });
    expect((await repay(20_000)).statusCode).toBe(201);
    expect((await repay(90_000)).json().error.code).toBe('repayment_too_high');
    expect((await move(ref, a.id, { to: 'cloturee' })).json().error.message).toContain('remboursé');
    t.clock.advance(70 * 86_400_000);
    // Sessions end after 30 idle minutes: the référent signs in again.
    ref = await loginAs(t.app, refUser);
    const late = (await inject(ref, 'GET', `/api/aid-applications/${a.id}`)).json() as AidApplicationDto;
    expect(late.loan).toMatchObject({ lateCount: 2, lateCents: 46_666, outstandingCents: 80_000 });
    const lateList = (await inject(ref, 'GET', '/api/aids/late-repayments')).json() as { applicationId: string }[];
    expect(lateList).toContainEqual(
      expect.objectContaining({
        applicationId: a.id,
        lateCount: 2,
        lateCents: 46_666,
        oldestLateDueDate: '2027-01-01',
      }),
    );
    expect((await repay(80_000)).statusCode).toBe(201);
    const none = (await inject(ref, 'GET', '/api/aids/late-repayments')).json() as { applicationId: string }[];
    expect(none.map((l) => l.applicationId)).not.toContain(a.id);
    expect((await moveOk(ref, a.id, { to: 'cloturee' })).status).toBe('cloturee');
  });
});

describe('eligibility and dated parameters', () => {
  it('explains rule by rule; a decision keeps the parameters of its date when they change later', async () => {
    ref = await loginAs(t.app, refUser);
    const [colleagueUser] = await t.db
      .selectFrom('app_user')
      .select(['id', 'email'])
      .where('role', '=', 'travailleur_social')
      .where('id', '!=', refUser.id)
      .orderBy('created_at')
      .limit(1)
      .execute();
    colleague = await loginAs(t.app, colleagueUser as { email: string });
    const elder = (await createUsagerAs(t.app, ref, minimalUsager({ birthDate: '1950-05-05', postalCode: '75011' })))
      .id;
    await giveAidPieces(t.app, ref, elder);
    const put = await inject(ref, 'PUT', `/api/usagers/${elder}/budget`, {
      version: 0,
      resources: [{ type: 'pension_retraite', monthlyCents: 90_000 }],
      charges: [],
      debts: [],
    });
    expect(put.statusCode, put.body).toBe(200);
    const body = {
      scheme: 'paris',
      aidType: 'paris_solidarite',
      form: 'subvention',
      requestedCents: 8_000,
      payee: 'personne',
      facts: { parisResidenceMonths: 60 },
    };
    const a = await create(ref, body, elder);
    const before = (await inject(ref, 'GET', `/api/aid-applications/${a.id}/eligibility`)).json() as EligibilityDto;
    expect(before).toMatchObject({ kept: false, suggestedCents: 8_000 });
    expect(before.rules.find((r) => r.code === 'sejour')).toMatchObject({ status: 'inconnu' });
    // The nationality is on the file: a French national passes the titre de séjour rule once it is recorded.
    await toCommission(a.id);
    const decided = await moveOk(colleague, a.id, { to: 'accord' });
    expect(decided.decision?.params['aids.paris.solidarite.ceilingSingleCents']).toBe(98_000);
    // The ceiling changes from today on (as a scheduled version reaching its day).
    await t.db
      .insertInto('parameter_version')
      .values({
        name: 'aids.paris.solidarite.ceilingSingleCents',
        value: 100_000,
        valid_from: t.clock.now().toISOString().slice(0, 10),
        created_by: refUser.id,
        created_at: t.clock.now(),
      })
      .execute();
    const kept = (await inject(ref, 'GET', `/api/aid-applications/${a.id}/eligibility`)).json() as EligibilityDto;
    expect(kept).toMatchObject({ kept: true, suggestedCents: 8_000, result: before.result });
    const after = (await inject(ref, 'GET', `/api/aid-applications/${a.id}`)).json() as AidApplicationDto;
    expect(after.decision?.params['aids.paris.solidarite.ceilingSingleCents']).toBe(98_000);
    const fresh = await create(ref, body, elder);
    const now = (await inject(ref, 'GET', `/api/aid-applications/${fresh.id}/eligibility`)).json() as EligibilityDto;
    expect(now).toMatchObject({ kept: false, suggestedCents: 10_000 });
  });

  it('the facts are corrected until the decision, then refused', async () => {
    const a = await create(ref);
    const r = await inject(ref, 'PUT', `/api/aid-applications/${a.id}/facts`, { parisResidenceMonths: 12 });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as AidApplicationDto).facts.parisResidenceMonths).toBe(12);
    await toCommission(a.id);
    await moveOk(colleague, a.id, { to: 'refus', reason: 'Hors critères' });
    const late = await inject(ref, 'PUT', `/api/aid-applications/${a.id}/facts`, { parisResidenceMonths: 40 });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('application_decided');
  });
});

describe('retention and access export', () => {
  it('anonymisation drops the budget and what identifies, keeps types, amounts and statuses; a purge deletes', async () => {
    const { aidsModule } = await import('./index.js');
    const apps = await t.db.selectFrom('aid_application').select('id').where('case_file_id', '=', fileId).execute();
    expect(apps.length).toBeGreaterThan(3);
    const part = await t.db.transaction().execute((trx) => aidsModule.accessExport(trx, {} as never, fileId));
    expect(part?.items).toHaveLength(apps.length);
    expect(JSON.stringify(part)).toContain('FSL maintien');
    const counts = await t.db.transaction().execute((trx) => aidsModule.retention.anonymise(trx, fileId));
    expect(counts).toEqual({ budget: 1, aidApplications: apps.length });
    expect(await t.db.selectFrom('budget').where('case_file_id', '=', fileId).selectAll().execute()).toEqual([]);
    const left = await t.db
      .selectFrom('aid_application')
      .select(['creditor_name', 'contract_ref', 'budget_snapshot', 'decision_reason', 'requested_cents', 'status'])
      .where('case_file_id', '=', fileId)
      .execute();
    for (const r of left)
      expect(r).toMatchObject({
        creditor_name: null,
        contract_ref: null,
        budget_snapshot: null,
        decision_reason: null,
      });
    expect(left.every((r) => r.requested_cents > 0 && r.status.length > 0)).toBe(true);
    const purged = await t.db.transaction().execute((trx) => aidsModule.retention.purge(trx, fileId));
    expect(purged).toEqual({ budget: 0, aidApplications: apps.length });
  });
});
