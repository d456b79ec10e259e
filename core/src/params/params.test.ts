import { describe, expect, it } from 'vitest';
import { paramAt, paramsAt, planParamVersion, type ParamVersion } from './index.js';

const V: ParamVersion[] = [
  { id: 'a', name: 'retention.dossier.activeDays', value: 730, validFrom: '2000-01-01', validTo: '2027-01-01' },
  { id: 'b', name: 'retention.dossier.activeDays', value: 1095, validFrom: '2027-01-01', validTo: null },
];

describe('paramAt', () => {
  it('reads the version covering the day, validTo excluded', () => {
    expect(paramAt(V, 'retention.dossier.activeDays', '2026-12-31')).toBe(730);
    expect(paramAt(V, 'retention.dossier.activeDays', '2027-01-01')).toBe(1095);
    expect(paramAt(V, 'retention.dossier.activeDays', new Date('2030-05-01T10:00:00Z'))).toBe(1095);
  });
  it('falls back to the built-in default', () => {
    expect(paramAt(V, 'statistics.primaryThreshold', '2026-01-01')).toBe(5);
    expect(paramsAt([], '2026-01-01')['statistics.sensitiveThreshold']).toBe(11);
  });
});

describe('planParamVersion', () => {
  const today = '2026-12-07';
  it('refuses a version starting today or in the past', () => {
    const p = planParamVersion(V, { name: 'retention.dossier.activeDays', value: 800, validFrom: today }, today);
    expect(p).toMatchObject({ ok: false, code: 'param_past' });
  });
  it('refuses a value out of range', () => {
    const p = planParamVersion(V, { name: 'statistics.primaryThreshold', value: 1, validFrom: '2027-02-01' }, today);
    expect(p).toMatchObject({ ok: false, code: 'param_range' });
  });
  it('updates a future version scheduled the same day, refuses one before it', () => {
    expect(
      planParamVersion(V, { name: 'retention.dossier.activeDays', value: 800, validFrom: '2027-01-01' }, today),
    ).toEqual({ ok: true, action: 'update', id: 'b' });
    expect(
      planParamVersion(V, { name: 'retention.dossier.activeDays', value: 800, validFrom: '2026-12-20' }, today),
    ).toMatchObject({ ok: false, code: 'param_order' });
  });
  it('appends after the latest version and closes it', () => {
    expect(
      planParamVersion(V, { name: 'retention.dossier.activeDays', value: 800, validFrom: '2028-01-01' }, today),
    ).toEqual({ ok: true, action: 'append', closeId: 'b' });
    expect(
      planParamVersion([], { name: 'statistics.primaryThreshold', value: 6, validFrom: '2027-01-01' }, today),
    ).toEqual({ ok: true, action: 'append', closeId: undefined });
  });
});
