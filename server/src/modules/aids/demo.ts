import { aidParamsOf, checkEligibility, EMPTY_FACTS, loanSchedule, addMonths, type Budget } from '@jalon/core';
import { randomUUID } from 'node:crypto';
import { sealText } from '../../crypto/index.js';
import type { Trx } from '../../db/schema.js';
import { paramsAt } from '@jalon/core';
import { recordTransition } from '../workflows/index.js';
import { agesOf, dayOf, summariesOf } from './budget.js';
import {
  budgetAad,
  findHousehold,
  insertApplication,
  insertBudget,
  insertInstalments,
  snapshotAad,
} from './queries.js';

/**
 * Demo data (synthetic): a few coherent budgets and aid applications on files of the demo site eps18, one in each
 * stage of the workflow, instructed by the file's référent and decided by the site manager (maker-checker).
 */
const DAY = 86_400_000;

const BUDGETS: Budget[] = [
  {
    resources: [
      { type: 'salaire', monthlyCents: 132_000 },
      { type: 'al_apl', monthlyCents: 21_500 },
    ],
    charges: [
      { type: 'loyer', monthlyCents: 68_000 },
      { type: 'charges_locatives', monthlyCents: 9_000 },
      { type: 'energie', monthlyCents: 7_500 },
    ],
    debts: [{ type: 'loyer', creditor: 'Bailleur social (démo)', amountCents: 240_000, monthlyRepaymentCents: 0 }],
  },
  {
    resources: [
      { type: 'rsa', monthlyCents: 63_500 },
      { type: 'prestations_familiales', monthlyCents: 14_800 },
    ],
    charges: [
      { type: 'loyer', monthlyCents: 52_000 },
      { type: 'energie', monthlyCents: 6_000 },
    ],
    debts: [
      { type: 'energie', creditor: 'Fournisseur d’énergie (démo)', amountCents: 41_000, monthlyRepaymentCents: 3_000 },
    ],
  },
  {
    resources: [{ type: 'pension_retraite', monthlyCents: 91_000 }],
    charges: [
      { type: 'loyer', monthlyCents: 45_000 },
      { type: 'mutuelle', monthlyCents: 6_500 },
    ],
    debts: [],
  },
];

interface Plan {
  app: {
    scheme: 'fsl' | 'paris';
    aidType: string;
    form: string;
    requestedCents: number;
    payee: string;
    creditor: string | null;
  };
  urgency?: string;
  stage?: string;
  path: string[];
  decision?: {
    outcome: 'accord' | 'refus';
    cents: number | null;
    form: string | null;
    months: number | null;
    reason: string | null;
  };
}
const PLANS: Plan[] = [
  {
    app: {
      scheme: 'fsl',
      aidType: 'maintien',
      form: 'subvention',
      requestedCents: 48_000,
      payee: 'bailleur',
      creditor: 'Bailleur social (démo)',
    },
    stage: 'commandement_payer',
    path: ['brouillon', 'deposee_complete', 'en_instruction'],
  },
  {
    app: {
      scheme: 'fsl',
      aidType: 'energie',
      form: 'subvention',
      requestedCents: 41_000,
      payee: 'fournisseur',
      creditor: 'Fournisseur d’énergie (démo)',
    },
    urgency: 'coupure_imminente',
    path: ['brouillon', 'deposee_complete', 'en_instruction', 'commission_urgente'],
  },
  {
    app: {
      scheme: 'fsl',
      aidType: 'maintien',
      form: 'pret',
      requestedCents: 240_000,
      payee: 'bailleur',
      creditor: 'Bailleur social (démo)',
    },
    stage: 'assignation',
    path: ['brouillon', 'deposee_complete', 'en_instruction', 'commission_ordinaire', 'accord', 'notifiee', 'payee'],
    decision: { outcome: 'accord', cents: 240_000, form: 'pret', months: 24, reason: null },
  },
  {
    app: {
      scheme: 'paris',
      aidType: 'complement_sante_paris',
      form: 'subvention',
      requestedCents: 46_800,
      payee: 'personne',
      creditor: null,
    },
    path: ['brouillon', 'deposee_pieces_manquantes'],
  },
];

/** Seeds the aids of `files` (the first files of the site with a référent), in the demo's transaction. */
export async function seedAidsDemo(
  trx: Trx,
  now: Date,
  files: { id: string; referentId: string; deciderId: string }[],
) {
  const params = aidParamsOf(paramsAt([], now));
  for (const [i, f] of files.slice(0, PLANS.length).entries()) {
    const plan = PLANS[i] as Plan;
    const budget = BUDGETS[i % BUDGETS.length] as Budget;
    const start = new Date(now.getTime() - (40 - i * 5) * DAY);
    await insertBudget(trx, f.id, sealText(JSON.stringify(budget), budgetAad(f.id)), f.referentId, start);
    const h = await findHousehold(trx, f.id, dayOf(start));
    const summaries = summariesOf(budget, agesOf(h, dayOf(start)));
    const id = randomUUID();
    const at = (k: number) => new Date(start.getTime() + k * 3 * DAY);
    const last = at(plan.path.length - 1);
    const d = plan.decision;
    const decidedAt = d ? at(plan.path.indexOf(d.outcome)) : null;
    const eligibility = checkEligibility({
      ...plan.app,
      form: plan.app.form as 'subvention',
      aidType: plan.app.aidType as 'maintien',
      today: dayOf(start),
      applicant: { birthDate: h.applicant.birth_date, nationality: h.applicant.nationality },
      others: h.others.map((m) => ({ birthDate: m.birth_date, relationship: m.relationship })),
      postalCode: h.file.postal_code,
      facts: EMPTY_FACTS,
      budget,
      params,
      grantedLast12MonthsCents: 0,
    });
    await insertApplication(trx, {
      id,
      case_file_id: f.id,
      site_id: h.file.site_id,
      scheme: plan.app.scheme,
      aid_type: plan.app.aidType,
      form: plan.app.form,
      requested_cents: plan.app.requestedCents,
      urgency: plan.urgency ?? null,
      procedure_stage: plan.stage ?? null,
      payee: plan.app.payee,
      creditor_name: plan.app.creditor,
      contract_ref: plan.app.creditor ? `DEMO-${1000 + i}` : null,
      budget_snapshot: sealText(JSON.stringify({ takenAt: start.toISOString(), budget, summaries }), snapshotAad(id)),
      status: plan.path.at(-1) as string,
      decision: d?.outcome ?? null,
      decided_cents: d?.cents ?? null,
      decided_form: d?.form ?? null,
      loan_months: d?.months ?? null,
      decision_reason: d?.reason ?? null,
      decided_at: decidedAt,
      decided_by: d ? f.deciderId : null,
      decision_params: d ? JSON.stringify(params) : null,
      decision_eligibility: d ? JSON.stringify(eligibility) : null,
      created_by: f.referentId,
      created_at: start,
      updated_at: last,
    });
    for (const [k, to] of plan.path.entries()) {
      const decides = to === d?.outcome || to === 'notifiee' || to === 'payee';
      await recordTransition(trx, {
        workflow: 'aid_application',
        subjectId: id,
        caseFileId: f.id,
        from: k === 0 ? null : (plan.path[k - 1] as string),
        to,
        actorId: decides ? f.deciderId : f.referentId,
        at: at(k),
        reason: null,
        instructs: to === 'en_instruction' || to.startsWith('commission_'),
      });
    }
    if (d?.form === 'pret' && d.cents && d.months)
      await insertInstalments(trx, id, loanSchedule(d.cents, d.months, addMonths(`${dayOf(last).slice(0, 7)}-01`, 2)));
  }
}
