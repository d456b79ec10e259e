import type { AidApplicationDto, BudgetDto } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveAidPieces } from '../../test/aid-pieces.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';

/**
 * A merge of files and the aids (docs/api.md, "Fusion de dossiers"; the `merge` hook of the module contract): the
 * absorbed file's budget and aid applications (with their loan, repayments, history, commission line and letter)
 * go to the kept file, and come back when the merge is undone.
 */

let t: TestApp;
let ref: Session;
let colleague: Session;
let resp: Session;

type Method = 'GET' | 'POST' | 'PUT';
const inject = (s: Session, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? s.get : s.send, payload });
const ok = async (s: Session, method: Method, url: string, payload?: object, status = 200) => {
  const r = await inject(s, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};

const LOAN = {
  scheme: 'fsl',
  aidType: 'maintien',
  form: 'pret',
  requestedCents: 60_000,
  procedureStage: 'commandement_payer',
  payee: 'bailleur',
  creditorName: 'Bailleur social',
  contractRef: 'BAIL-FUSION',
};
const BUDGET = (cents: number) => ({
  version: 0,
  resources: [{ type: 'salaire', monthlyCents: cents }],
  charges: [{ type: 'loyer', monthlyCents: 50_000 }],
  debts: [],
});

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  colleague = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  resp = await loginAs(t.app, await buildUser(t.db, 'responsable', site.id));
}, 60_000);
afterAll(() => t.close());

/** Two files of one person; the absorbed one has a budget and a paid loan decided in commission, one repayment. */
async function pair(keptBudget: boolean) {
  const person = minimalUsager();
  const kept = (await createUsagerAs(t.app, ref, person)).id;
  const absorbed = (await createUsagerAs(t.app, ref, { ...person, confirmDuplicate: true })).id;
  await ok(ref, 'PUT', `/api/usagers/${absorbed}/budget`, BUDGET(130_000));
  if (keptBudget) await ok(ref, 'PUT', `/api/usagers/${kept}/budget`, BUDGET(90_000));
  await giveAidPieces(t.app, ref, absorbed);
  const a = (await ok(ref, 'POST', `/api/usagers/${absorbed}/aid-applications`, LOAN, 201)) as AidApplicationDto;
  for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire'])
    await ok(ref, 'POST', `/api/aid-applications/${a.id}/transitions`, { to });
  const session = await ok(resp, 'POST', '/api/commissions', { sessionDate: '2026-12-10', kind: 'ordinaire' }, 201);
  await ok(resp, 'POST', `/api/commissions/${session.id}/agenda`, { applicationIds: [a.id] });
  const decisions = [{ applicationId: a.id, outcome: 'accord', amountCents: 60_000, loanMonths: 6 }];
  await ok(resp, 'POST', `/api/commissions/${session.id}/decisions`, { decisions });
  for (const to of ['notifiee', 'payee'])
    await ok(colleague, 'POST', `/api/aid-applications/${a.id}/transitions`, { to });
  await ok(ref, 'POST', `/api/aid-applications/${a.id}/repayments`, { paidOn: '2026-11-25', amountCents: 10_000 }, 201);
  return { kept, absorbed, applicationId: a.id };
}

const fileOfRows = async (applicationId: string) => ({
  application: (
    await t.db
      .selectFrom('aid_application')
      .select('case_file_id')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow()
  ).case_file_id,
  history: [
    ...new Set(
      (
        await t.db
          .selectFrom('workflow_transition')
          .select('case_file_id')
          .where('subject_id', '=', applicationId)
          .execute()
      ).map((r) => r.case_file_id),
    ),
  ],
  items: (
    await t.db
      .selectFrom('commission_item')
      .select('case_file_id')
      .where('application_id', '=', applicationId)
      .execute()
  ).map((r) => r.case_file_id),
  // The notification letter: its document (moved by the merge) and the record of its sending.
  letters: [
    ...new Set(
      (
        await t.db
          .selectFrom('commission_item as i')
          .innerJoin('letter_sent as l', 'l.document_id', 'i.letter_document_id')
          .innerJoin('document as d', 'd.id', 'l.document_id')
          .select(['l.case_file_id as sent', 'd.case_file_id as doc'])
          .where('i.application_id', '=', applicationId)
          .execute()
      ).flatMap((r) => [r.sent, r.doc]),
    ),
  ],
});
const listOf = async (fileId: string) =>
  ((await ok(ref, 'GET', `/api/usagers/${fileId}/aid-applications`)) as { id: string }[]).map((a) => a.id);
const budgetOf = async (fileId: string) => (await ok(ref, 'GET', `/api/usagers/${fileId}/budget`)) as BudgetDto;

/** The kept file absorbs its duplicate, as its référent asks. */
const merge = (p: { kept: string; absorbed: string }) =>
  ok(ref, 'POST', `/api/usagers/${p.kept}/merge`, { duplicateId: p.absorbed, reason: 'Doublon' }, 201);

describe('merge of files and the aids', () => {
  it('moves the budget and the applications with their loan, history and commission line; the undo puts them back', async () => {
    const p = await pair(false);
    const m = await merge(p);
    expect(m.moved.modules).toMatchObject({ budget: 1, aidApplications: 1, commissionItems: 1, lettersSent: 1 });
    expect(await fileOfRows(p.applicationId)).toEqual({
      application: p.kept,
      history: [p.kept],
      items: [p.kept],
      letters: [p.kept],
    });
    expect(await listOf(p.kept)).toEqual([p.applicationId]);
    // The budget is readable on the kept file (re-sealed for it), and gone from the absorbed one.
    expect((await budgetOf(p.kept)).resources[0]?.monthlyCents).toBe(130_000);
    const app = (await ok(ref, 'GET', `/api/aid-applications/${p.applicationId}`)) as AidApplicationDto;
    expect(app).toMatchObject({ caseFileId: p.kept, status: 'payee' });
    expect(app.loan?.outstandingCents).toBe(50_000);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('action', '=', 'file.merge')
      .where('case_file_id', '=', p.kept)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain('aidApplications');

    await ok(ref, 'POST', `/api/file-merges/${m.id}/undo`);
    expect(await fileOfRows(p.applicationId)).toEqual({
      application: p.absorbed,
      history: [p.absorbed],
      items: [p.absorbed],
      letters: [p.absorbed],
    });
    expect(await listOf(p.kept)).toEqual([]);
    expect(await listOf(p.absorbed)).toEqual([p.applicationId]);
    expect((await budgetOf(p.absorbed)).resources[0]?.monthlyCents).toBe(130_000);
    expect((await budgetOf(p.kept)).version).toBe(0);
    const back = (await ok(ref, 'GET', `/api/aid-applications/${p.applicationId}`)) as AidApplicationDto;
    expect(back.loan?.outstandingCents).toBe(50_000);
  });

  it('leaves the absorbed budget where it is when the kept file has its own, and says so', async () => {
    const p = await pair(true);
    const m = await merge(p);
    expect(m.moved.modules).toMatchObject({ budget: 0, aidApplications: 1 });
    expect(m.message).toContain('Budget du foyer');
    expect((await budgetOf(p.kept)).resources[0]?.monthlyCents).toBe(90_000);
    const left = await t.db
      .selectFrom('budget')
      .select('case_file_id')
      .where('case_file_id', '=', p.absorbed)
      .execute();
    expect(left).toHaveLength(1);
    await ok(ref, 'POST', `/api/file-merges/${m.id}/undo`);
    expect((await budgetOf(p.kept)).resources[0]?.monthlyCents).toBe(90_000);
    expect((await budgetOf(p.absorbed)).resources[0]?.monthlyCents).toBe(130_000);
    expect(await listOf(p.absorbed)).toEqual([p.applicationId]);
  });
});
