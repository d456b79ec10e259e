import {
  aidParamsOf,
  canReadAidApplication,
  checkEligibility,
  type AidForm,
  type AidParamValues,
  type AidScheme,
  type AidType,
  type Eligibility,
  type EligibilityDto,
} from '@jalon/core';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { loadParams } from '../params/index.js';
import { currentBudget } from './budget.js';
import { factsOfRow, snapshotOf } from './facts.js';
import { loadApplication } from './applications.js';
import { findHousehold, grantDatesSince, grantedSince, type ApplicationRow } from './queries.js';

const YEAR = 365 * 86_400_000;

/**
 * The pre-check of an application on `at` with the parameters of that date: the file's household that day, the
 * application's facts, its budget snapshot (the live budget when it has none).
 */
export async function computeEligibility(db: Queryable, row: ApplicationRow, at: Date, params?: AidParamValues) {
  const day = at.toISOString().slice(0, 10);
  const since = new Date(at.getTime() - YEAR);
  const [h, values, granted, previousGrants] = await Promise.all([
    findHousehold(db, row.case_file_id, day),
    params ? Promise.resolve(params) : loadParams(db, at).then(aidParamsOf),
    grantedSince(db, row.case_file_id, row.aid_type, since, row.id),
    grantDatesSince(db, row.case_file_id, row.aid_type, since, row.id),
  ]);
  const budget = snapshotOf(row)?.budget ?? (await currentBudget(db, row.case_file_id));
  const eligibility = checkEligibility({
    scheme: row.scheme as AidScheme,
    aidType: row.aid_type as AidType,
    form: row.form as AidForm,
    requestedCents: row.requested_cents,
    today: day,
    applicant: { birthDate: h.applicant.birth_date, nationality: h.applicant.nationality },
    others: h.others.map((m) => ({ birthDate: m.birth_date, relationship: m.relationship })),
    postalCode: h.file.postal_code,
    facts: factsOfRow(row),
    budget,
    params: values,
    grantedLast12MonthsCents: granted,
    previousGrants,
  });
  return { eligibility, params: values, previousGrants };
}

/**
 * GET /api/aid-applications/:id/eligibility: once decided, the pre-check kept with the decision (its parameters and
 * its result, never recomputed); before, the pre-check of today.
 */
export async function readEligibility(ctx: Ctx, id: string): Promise<EligibilityDto> {
  const { row } = await loadApplication(ctx.db, ctx, id, canReadAidApplication);
  await logAccess(ctx.db, ctx, row.case_file_id, 'aides');
  if (row.decided_at && row.decision_eligibility)
    return {
      ...(row.decision_eligibility as Eligibility),
      at: new Date(row.decided_at).toISOString(),
      kept: true,
    };
  const { eligibility } = await computeEligibility(ctx.db, row, ctx.now);
  return { ...eligibility, at: ctx.now.toISOString(), kept: false };
}
