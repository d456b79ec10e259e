import { ageOn, type Budget } from './budget.js';
import type { AidForm, AidScheme, AidType } from './codes.js';
import type { AidParamValues } from './params.js';

/**
 * The eligibility pre-check's vocabulary (issue "Aid applications"): rule by rule, from the file's data, the facts the
 * worker recorded and the budget, why the application passes or fails. It advises; the commission decides.
 */
export type RuleStatus = 'ok' | 'ko' | 'inconnu';
export interface EligibilityRule {
  code: string;
  label: string;
  status: RuleStatus;
  detail: string;
}
export interface Eligibility {
  result: 'eligible' | 'non_eligible' | 'a_verifier';
  rules: EligibilityRule[];
  /** The amount the rules give, when they give one (null: the amount is the request, within the ceiling). */
  suggestedCents: number | null;
}

/** What the worker records on the application for the pre-check (unknown: null). */
export interface EligibilityFacts {
  /** Months of residence in Paris within the last 5 years (0 to 60). */
  parisResidenceMonths: number | null;
  /** End of validity of the titre de séjour (yyyy-mm-dd), for a national of a country outside the EU/EEA/Switzerland. */
  titreSejourValidUntil: string | null;
  /** Recognised disability of the applicant (PH). */
  handicap: boolean | null;
  /** Recognised unfit for work (60 to 64). */
  inapteTravail: boolean | null;
  /** A disabled child in the household. */
  disabledChild: boolean | null;
  /** Rent arrears (most housing aids of Paris exclude them). */
  rentArrears: boolean | null;
}
export const EMPTY_FACTS: EligibilityFacts = {
  parisResidenceMonths: null,
  titreSejourValidUntil: null,
  handicap: null,
  inapteTravail: null,
  disabledChild: null,
  rentArrears: null,
};

export interface EligibilityInput {
  scheme: AidScheme;
  aidType: AidType;
  form: AidForm;
  requestedCents: number;
  /** yyyy-mm-dd: the day of the check (or of the decision it was kept for). */
  today: string;
  applicant: { birthDate: string; nationality: string };
  /** Current members of the household other than the applicant (relationship: INSEE LPRM code). */
  others: readonly { birthDate: string; relationship: string }[];
  postalCode: string | null;
  facts: EligibilityFacts;
  budget: Budget;
  params: AidParamValues;
  /** Amount of the Paris aids of the same kind granted in the last 12 months (allocation exceptionnelle ceiling). */
  grantedLast12MonthsCents: number;
  /**
   * Days (yyyy-mm-dd) of the accords of the same aid in the 12 months before, for the re-application limit
   * (limits.ts); undefined when the caller does not know the history (no limit rule then).
   */
  previousGrants?: readonly string[];
}

/** The household as the rules read it: couple, dependent children (LPRM "Enfant" under 20), ages for the UC. */
export function householdOf(input: EligibilityInput) {
  const children = input.others.filter((m) => m.relationship === '3' && ageOn(m.birthDate, input.today) < 20);
  return {
    couple: input.others.some((m) => m.relationship === '2'),
    children: children.length,
    applicantAge: ageOn(input.applicant.birthDate, input.today),
    ages: [input.applicant.birthDate, ...input.others.map((m) => m.birthDate)].map((b) => ageOn(b, input.today)),
  };
}

export const rule = (code: string, label: string, status: RuleStatus, detail: string): EligibilityRule => ({
  code,
  label,
  status,
  detail,
});
export const check = (code: string, label: string, ok: boolean | null, yes: string, no: string, unknown = '') =>
  rule(
    code,
    label,
    ok === null ? 'inconnu' : ok ? 'ok' : 'ko',
    ok === null ? unknown || 'Information à recueillir' : ok ? yes : no,
  );
