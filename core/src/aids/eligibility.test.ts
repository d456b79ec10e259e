import { describe, expect, it } from 'vitest';
import { paramsAt, type ParamVersion } from '../params/index.js';
import { EMPTY_FACTS, type EligibilityInput } from './eligibility-base.js';
import { checkEligibility } from './eligibility.js';
import { aidParamsOf } from './params.js';

const today = '2026-12-07';
const params = aidParamsOf(paramsAt([], today));
const base = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  scheme: 'paris',
  aidType: 'paris_solidarite',
  form: 'subvention',
  requestedCents: 10_000,
  today,
  applicant: { birthDate: '1955-03-01', nationality: 'F' },
  others: [],
  postalCode: '75018',
  facts: { ...EMPTY_FACTS, parisResidenceMonths: 60 },
  budget: { resources: [{ type: 'pension_retraite', monthlyCents: 90_000 }], charges: [], debts: [] },
  params,
  grantedLast12MonthsCents: 0,
  ...over,
});
const ruleOf = (e: ReturnType<typeof checkEligibility>, code: string) => e.rules.find((r) => r.code === code);

describe('eligibility pre-check: Paris optional aids', () => {
  it('Paris Solidarité: 71 years old, €900 under the €980 ceiling → €80 top-up, rule by rule', () => {
    const e = checkEligibility(base());
    expect(e.result).toBe('eligible');
    expect(e.suggestedCents).toBe(8_000);
    expect(e.rules.map((r) => [r.code, r.status])).toEqual([
      ['domicile', 'ok'],
      ['residence', 'ok'],
      ['sejour', 'ok'],
      ['public', 'ok'],
      ['ressources', 'ok'],
      ['minimum', 'ok'],
    ]);
    expect(ruleOf(e, 'ressources')?.detail).toContain('900,00');
  });
  it('fails on each condition with its reason: residence, titre de séjour, address, ceiling, age', () => {
    const e = checkEligibility(
      base({
        applicant: { birthDate: '1980-01-01', nationality: 'A' },
        postalCode: '93200',
        facts: { ...EMPTY_FACTS, parisResidenceMonths: 20, titreSejourValidUntil: '2026-01-01', handicap: false },
        budget: { resources: [{ type: 'salaire', monthlyCents: 150_000 }], charges: [], debts: [] },
      }),
    );
    expect(e.result).toBe('non_eligible');
    for (const code of ['domicile', 'residence', 'sejour', 'public', 'ressources'])
      expect(ruleOf(e, code)?.status, code).toBe('ko');
    expect(ruleOf(e, 'residence')?.detail).toBe('20 mois de résidence à Paris, 36 exigés');
    expect(ruleOf(e, 'sejour')?.detail).toContain('expiré');
  });
  it('unknown facts make it "à vérifier", never eligible', () => {
    const e = checkEligibility(base({ facts: EMPTY_FACTS, applicant: { birthDate: '1955-03-01', nationality: 'A' } }));
    expect(e.result).toBe('a_verifier');
    expect(ruleOf(e, 'residence')?.status).toBe('inconnu');
    expect(ruleOf(e, 'sejour')?.detail).toContain('titre de séjour');
  });
  it('a couple has the couple ceiling; the aid is not paid under €2', () => {
    const couple = base({ others: [{ birthDate: '1950-01-01', relationship: '2' }] });
    expect(checkEligibility(couple).suggestedCents).toBe(155_300 - 90_000);
    const tiny = base({
      budget: { resources: [{ type: 'pension_retraite', monthlyCents: 97_900 }], charges: [], debts: [] },
    });
    expect(ruleOf(checkEligibility(tiny), 'minimum')?.status).toBe('ko');
  });
  it('Paris Logement: taux d’effort from rent, flat charges and AL, over resources without the AL', () => {
    const e = checkEligibility(
      base({
        aidType: 'paris_logement',
        applicant: { birthDate: '1980-01-01', nationality: 'C' },
        budget: {
          resources: [
            { type: 'salaire', monthlyCents: 110_000 },
            { type: 'al_apl', monthlyCents: 10_000 },
          ],
          charges: [{ type: 'loyer', monthlyCents: 40_000 }],
          debts: [],
        },
        facts: { ...EMPTY_FACTS, parisResidenceMonths: 48, rentArrears: false },
      }),
    );
    // (40 000 + 5 367 − 10 000) / 110 000 = 32 %
    expect(ruleOf(e, 'effort')).toMatchObject({ status: 'ok', detail: expect.stringContaining('32 %') });
    expect(e.result).toBe('eligible');
    expect(e.suggestedCents).toBe(8_400);
  });
  it('the family aids count the dependent children and pick the amount by income', () => {
    const kids = [1, 2, 3, 4].map((i) => ({ birthDate: `201${i}-05-05`, relationship: '3' }));
    const family = (aidType: EligibilityInput['aidType'], income: number, others = kids) =>
      checkEligibility(
        base({
          aidType,
          applicant: { birthDate: '1985-01-01', nationality: 'F' },
          others,
          facts: { ...EMPTY_FACTS, parisResidenceMonths: 60, rentArrears: false },
          budget: { resources: [{ type: 'salaire', monthlyCents: income }], charges: [], debts: [] },
        }),
      );
    expect(family('paris_forfait_familles', 250_000).suggestedCents).toBe(30_500);
    expect(family('paris_forfait_familles', 400_000).suggestedCents).toBe(20_000);
    expect(family('paris_forfait_familles', 600_000).result).toBe('non_eligible');
    expect(family('paris_logement_familles', 250_000).suggestedCents).toBe(12_800 + 4_100);
    expect(family('paris_logement_familles', 400_000).suggestedCents).toBe(8_400 + 2_100);
    expect(family('paris_energie_familles', 250_000).suggestedCents).toBe(27_500);
    expect(family('paris_energie_familles', 150_000, kids.slice(0, 1)).suggestedCents).toBe(13_800);
    expect(family('paris_energie_familles', 210_000, kids.slice(0, 1)).result).toBe('non_eligible');
    expect(family('paris_logement_familles_monoparentales', 100_000, kids.slice(0, 1)).suggestedCents).toBe(15_000);
    expect(family('paris_logement_familles_monoparentales', 150_000, kids.slice(0, 1)).suggestedCents).toBe(12_800);
    const withPartner = [...kids.slice(0, 1), { birthDate: '1984-01-01', relationship: '2' }];
    expect(family('paris_logement_familles_monoparentales', 100_000, withPartner).result).toBe('non_eligible');
    // A child of 20 or more is no longer counted.
    expect(
      family('paris_forfait_familles', 250_000, [...kids.slice(0, 2), { birthDate: '2000-01-01', relationship: '3' }])
        .result,
    ).toBe('non_eligible');
  });
  it('Allocation exceptionnelle: one month in Paris suffices; the 12-month ceiling depends on 3 years', () => {
    const ae = (months: number, requested: number, granted = 0) =>
      checkEligibility(
        base({
          aidType: 'allocation_exceptionnelle',
          requestedCents: requested,
          grantedLast12MonthsCents: granted,
          facts: { ...EMPTY_FACTS, parisResidenceMonths: months },
        }),
      );
    expect(ae(2, 100_000).result).toBe('eligible');
    expect(ae(0, 100_000).result).toBe('non_eligible');
    expect(ae(40, 328_700).result).toBe('eligible');
    expect(ae(20, 290_000).result).toBe('non_eligible');
    expect(ae(40, 100_000, 300_000).suggestedCents).toBe(28_700);
  });
});

describe('eligibility pre-check: FSL', () => {
  const fsl = (over: Partial<EligibilityInput> = {}) =>
    checkEligibility(base({ scheme: 'fsl', aidType: 'maintien', facts: EMPTY_FACTS, postalCode: null, ...over }));
  it('asks no residence nor Paris address (loi 90-449 art. 6-1) and shows resources without AL', () => {
    const e = fsl();
    expect(e.result).toBe('eligible');
    expect(ruleOf(e, 'residence')?.detail).toContain('aucune durée de résidence');
    expect(ruleOf(e, 'domicile')).toBeUndefined();
  });
  it('a maintien subsidy above the €500 parameter is refused in favour of a loan', () => {
    expect(ruleOf(fsl({ requestedCents: 50_000 }), 'forme')?.status).toBe('ok');
    expect(ruleOf(fsl({ requestedCents: 50_001 }), 'forme')).toMatchObject({
      status: 'ko',
      detail: expect.stringContaining('prêt'),
    });
    expect(ruleOf(fsl({ requestedCents: 80_000, form: 'pret' }), 'forme')?.status).toBe('ok');
  });
});

describe('dated parameters', () => {
  it('the pre-check reads the values in force on its day: a later ceiling never changes an earlier result', () => {
    const versions: ParamVersion[] = [
      {
        name: 'aids.paris.solidarite.ceilingSingleCents',
        value: 98_000,
        validFrom: '2019-09-01',
        validTo: '2027-01-01',
      },
      { name: 'aids.paris.solidarite.ceilingSingleCents', value: 100_000, validFrom: '2027-01-01', validTo: null },
    ];
    const at = (day: string) => checkEligibility(base({ today: day, params: aidParamsOf(paramsAt(versions, day)) }));
    expect(at('2026-12-31').suggestedCents).toBe(8_000);
    expect(at('2027-01-01').suggestedCents).toBe(10_000);
  });
});
