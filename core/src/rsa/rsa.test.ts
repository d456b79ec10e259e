import { describe, expect, it } from 'vitest';
import { checkTransition } from '../workflow/index.js';
import {
  ORIENTATION_WORKFLOW,
  addMonths,
  contractEnd,
  hoursRefusal,
  inForce,
  orientationDelay,
  rsaLabel,
  signatureDueOn,
  toRenew,
} from './index.js';

const ts = { id: 'u1', role: 'travailleur_social' as const };
const other = { id: 'u2', role: 'travailleur_social' as const };
const sec = { id: 'u3', role: 'secretaire' as const };
const at = new Date('2026-11-02T10:00:00Z');
const requested = [{ from: 'non_orientee', to: 'demandee', actorId: ts.id, at, reason: null, instructs: true }];
const facts = { soumis: true, kind: 'professionnelle' as const, organisme: 'france_travail' as const };

describe('RSA orientation workflow', () => {
  it('is requested for a person soumis aux droits et devoirs, by a social worker', () => {
    expect(checkTransition(ORIENTATION_WORKFLOW, 'non_orientee', 'demandee', ts, facts).ok).toBe(true);
    expect(checkTransition(ORIENTATION_WORKFLOW, 'non_orientee', 'demandee', ts, { soumis: false }).ok).toBe(false);
    expect(checkTransition(ORIENTATION_WORKFLOW, 'non_orientee', 'demandee', sec, facts).ok).toBe(false);
  });
  it('is decided by someone other than the requester, to an organisme of the kind chosen', () => {
    expect(checkTransition(ORIENTATION_WORKFLOW, 'demandee', 'orientee', ts, facts, requested)).toMatchObject({
      ok: false,
      code: 'maker_checker',
    });
    expect(checkTransition(ORIENTATION_WORKFLOW, 'demandee', 'orientee', other, facts, requested).ok).toBe(true);
    const mismatch = { ...facts, kind: 'sociale' as const };
    expect(checkTransition(ORIENTATION_WORKFLOW, 'demandee', 'orientee', other, mismatch, requested).ok).toBe(false);
    expect(checkTransition(ORIENTATION_WORKFLOW, 'non_orientee', 'orientee', other, facts).ok).toBe(false);
  });
  it('re-orients only an oriented person', () => {
    expect(checkTransition(ORIENTATION_WORKFLOW, 'orientee', 'reorientation_demandee', ts, facts).ok).toBe(true);
    expect(checkTransition(ORIENTATION_WORKFLOW, 'demandee', 'reorientation_demandee', ts, facts).ok).toBe(false);
  });
});

describe('RSA rules', () => {
  it('adds calendar months (end of month kept) and ends a contract the day before', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(contractEnd('2026-11-02', 6)).toBe('2027-05-01');
    expect(contractEnd('2026-01-01', 12)).toBe('2026-12-31');
    expect(signatureDueOn('2026-10-22', 1)).toBe('2026-11-22');
  });
  it('measures the delay to orientation against the target in weeks', () => {
    const d = orientationDelay({ ddSince: '2026-09-01', decidedOn: null, today: '2026-09-29', targetWeeks: 4 });
    expect(d).toMatchObject({ days: 28, targetDays: 28, late: false, decided: false, dueOn: '2026-09-29' });
    expect(
      orientationDelay({ ddSince: '2026-09-01', decidedOn: null, today: '2026-09-30', targetWeeks: 4 })?.late,
    ).toBe(true);
    expect(orientationDelay({ ddSince: null, decidedOn: null, today: '2026-09-30', targetWeeks: 4 })).toBeNull();
  });
  it('asks a reason below the weekly hours, its text for "autre"; legacy contracts carry no hours rule', () => {
    const base = { kind: 'contrat_engagement' as const, reason: null, reasonText: null, minHours: 15 };
    expect(hoursRefusal({ ...base, weeklyHours: 15 })).toBeNull();
    expect(hoursRefusal({ ...base, weeklyHours: 14 })).toContain('15 heures');
    expect(hoursRefusal({ ...base, weeklyHours: null })).not.toBeNull();
    expect(hoursRefusal({ ...base, weeklyHours: 0, reason: 'sante' })).toBeNull();
    expect(hoursRefusal({ ...base, weeklyHours: 0, reason: 'autre' })).toContain('Précisez');
    expect(hoursRefusal({ ...base, kind: 'cer', weeklyHours: null })).toBeNull();
  });
  it('tells a contract in force and one to renew', () => {
    const c = { startOn: '2026-01-01', endOn: '2026-06-30', signedOn: '2026-01-01', renewed: false };
    expect(inForce(c, '2026-03-01')).toBe(true);
    expect(inForce({ ...c, signedOn: null }, '2026-03-01')).toBe(false);
    expect(toRenew(c, '2026-06-01', 30)).toBe(true);
    expect(toRenew(c, '2026-05-01', 30)).toBe(false);
    expect(toRenew({ ...c, renewed: true }, '2026-06-01', 30)).toBe(false);
  });
  it('labels CAF codes in French, an unknown code never as itself', () => {
    expect(rsaLabel('etatdosrsa', 'Z')).toBe('Non défini');
    expect(rsaLabel('natpf', 'XYZ')).toBe('Code inconnu');
    expect(rsaLabel('rolepers', null)).toBeNull();
  });
});
