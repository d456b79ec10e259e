import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { giveAidPieces } from '../aid-pieces.js';
import type { Session } from '../factories.js';

/**
 * Aid applications for the access matrix (modules/aids), on the référent's fixture file that every related caller
 * holds its relation on: one draft read by every caller, one draft per call of the transitions route (a filing that
 * succeeds consumes it), and a paid loan for the repayments route. Filled in by access-matrix.test.ts's `beforeAll`.
 */
export const aidFixture: { id: string; loanId: string; drafts: string[] } = { id: '', loanId: '', drafts: [] };

export const AID_APPLICATION = {
  scheme: 'fsl',
  aidType: 'energie',
  form: 'subvention',
  requestedCents: 30_000,
  urgency: 'coupure_imminente',
  payee: 'fournisseur',
  creditorName: 'Fournisseur d’énergie',
  contractRef: 'PDL-0001',
};

export async function buildAidFixtures(
  app: FastifyInstance,
  ref: Session,
  decider: Session,
  fileId: string,
  n: number,
) {
  const create = async (body: object = AID_APPLICATION) => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/aid-applications`,
      headers: ref.send,
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { id: string }).id;
  };
  const move = async (s: Session, id: string, payload: object) => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/aid-applications/${id}/transitions`,
      headers: s.send,
      payload,
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  // The pièces of the checklist, so a filing « complète » is allowed (core/src/commission/pieces.ts).
  await giveAidPieces(app, ref, fileId);
  aidFixture.id = await create();
  for (let i = 0; i < n; i++) aidFixture.drafts.push(await create());
  const loan = await create({
    ...AID_APPLICATION,
    aidType: 'maintien',
    form: 'pret',
    procedureStage: 'aucune',
    urgency: null,
    payee: 'bailleur',
  });
  for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire']) await move(ref, loan, { to });
  await move(decider, loan, { to: 'accord', loanMonths: 12 });
  for (const to of ['notifiee', 'payee']) await move(decider, loan, { to });
  aidFixture.loanId = loan;
}
