import { describe, expect, it } from 'vitest';
import { paramsAt, type ParamVersion } from '../params/index.js';
import { limitOf, limitRefusal, limitRule } from './limits.js';
import { aidParamsOf } from './params.js';

/** The 12-month re-application limits (docs/adr/012-aid-applications.md, "Re-application limits"). */
const v = (value: number, from: string): ParamVersion => ({
  name: 'aids.limit.paris_energie_familles',
  value,
  validFrom: from,
  validTo: null,
});

describe('12-month re-application limits', () => {
  it('are dated parameters: the limit of the decision’s date, none where the value is 0', () => {
    const before = aidParamsOf(paramsAt([], '2026-12-07'));
    expect(limitOf('paris', 'paris_energie_familles', before, [])?.max).toBe(1);
    expect(limitOf('fsl', 'energie', before, [])).toBeNull();
    expect(limitOf('paris', 'allocation_exceptionnelle', before, [])).toBeNull();
    const later = aidParamsOf(paramsAt([v(2, '2027-01-01')], '2027-02-01'));
    expect(limitOf('paris', 'paris_energie_familles', later, ['2026-12-01'])).toMatchObject({ max: 2 });
    expect(
      limitRefusal('paris_energie_familles', limitOf('paris', 'paris_energie_familles', later, ['2026-12-01']), null),
    ).toBeNull();
  });
  it('the pre-check rule and the decision refuse beyond the limit; only the FSL allows a derogation', () => {
    const paris = { max: 1, previous: ['2026-03-02'], derogationAllowed: false };
    expect(limitRule('paris_energie_familles', paris)).toMatchObject({ status: 'ko' });
    expect(limitRefusal('paris_energie_familles', paris, 'Motif')).toContain('ne prévoit pas de dérogation');
    const fsl = { ...paris, derogationAllowed: true };
    expect(limitRefusal('energie', fsl, null)).toContain('indiquez le motif de la dérogation');
    expect(limitRefusal('energie', fsl, 'Motif')).toBeNull();
    expect(limitRule('energie', { ...fsl, previous: [] })).toMatchObject({ status: 'ok' });
  });
});
