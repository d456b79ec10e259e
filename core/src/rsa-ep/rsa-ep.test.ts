import { describe, expect, it } from 'vitest';
import { paramsAt, type ParamVersion } from '../params/index.js';
import { checkTransition, type TransitionRecord } from '../workflow/engine.js';
import { epNotificationText } from './notification.js';
import { computeSanction, nextMonthStart, remobilisationReversal, sanctionRulesOf } from './sanction.js';
import { plusDays, EP_WORKFLOW, type EpFacts } from './workflow.js';

const rules = sanctionRulesOf(paramsAt([], '2026-12-07'));

describe('sanction suspension-remobilisation (décret du 30 mai 2025)', () => {
  it('allows 30–100 % for 1–2 months on a first breach, for a person alone', () => {
    const ok = computeSanction(rules, { breach: 'premier', rate: 100, months: 2, householdSize: 1 });
    expect(ok).toMatchObject({ ok: true, value: { monthlyWithheldCents: 64652, totalWithheldCents: 129304 } });
    expect(computeSanction(rules, { breach: 'premier', rate: 29, months: 1, householdSize: 1 })).toMatchObject({
      ok: false,
      code: 'sanction_rate',
    });
    expect(computeSanction(rules, { breach: 'premier', rate: 30, months: 3, householdSize: 1 })).toMatchObject({
      ok: false,
      code: 'sanction_months',
    });
    expect(computeSanction(rules, { breach: 'premier', rate: 30, months: 0, householdSize: 1 }).ok).toBe(false);
  });
  it('allows up to 4 months when the breach is repeated', () => {
    expect(computeSanction(rules, { breach: 'repetition', rate: 30, months: 4, householdSize: 1 }).ok).toBe(true);
    expect(computeSanction(rules, { breach: 'repetition', rate: 30, months: 5, householdSize: 1 }).ok).toBe(false);
  });
  it('caps the rate at 50 % for a foyer of several persons', () => {
    const capped = computeSanction(rules, { breach: 'premier', rate: 60, months: 1, householdSize: 2 });
    expect(capped).toMatchObject({ ok: false, code: 'sanction_rate' });
    if (!capped.ok) expect(capped.message).toContain('50 %');
    const half = computeSanction(rules, {
      breach: 'premier',
      rate: 50,
      months: 1,
      householdSize: 3,
      monthlyAmountCents: 100001,
    });
    expect(half).toMatchObject({ ok: true, value: { monthlyWithheldCents: 50001, maxRate: 50 } });
  });
  it('reads the rules in force on the decision date (dated parameters)', () => {
    const versions: ParamVersion[] = [
      { name: 'rsa.sanction.firstMaxMonths', value: 1, validFrom: '2027-01-01', validTo: null },
    ];
    const before = sanctionRulesOf(paramsAt(versions, '2026-12-31'));
    const after = sanctionRulesOf(paramsAt(versions, '2027-01-01'));
    expect(computeSanction(before, { breach: 'premier', rate: 30, months: 2, householdSize: 1 }).ok).toBe(true);
    expect(computeSanction(after, { breach: 'premier', rate: 30, months: 2, householdSize: 1 }).ok).toBe(false);
  });
  it('remobilisation pays back what was withheld and cancels the months to come', () => {
    const s = { startMonth: '2027-01-01', months: 4, monthlyWithheldCents: 20000 };
    expect(remobilisationReversal(s, '2026-12-20')).toEqual({
      monthsWithheld: 0,
      reversedCents: 0,
      monthsCancelled: 4,
    });
    expect(remobilisationReversal(s, '2027-02-10')).toEqual({
      monthsWithheld: 2,
      reversedCents: 40000,
      monthsCancelled: 2,
    });
    expect(remobilisationReversal(s, '2028-01-01').monthsWithheld).toBe(4);
    expect(nextMonthStart('2026-12-07')).toBe('2027-01-01');
    expect(nextMonthStart('2027-03-31')).toBe('2027-04-01');
  });
});

describe('EP passage workflow', () => {
  const worker = { id: 'w', role: 'travailleur_social' as const };
  const manager = { id: 'm', role: 'responsable' as const };
  const facts = (over: Partial<EpFacts> = {}): EpFacts => ({
    now: new Date('2027-01-20T10:00:00Z'),
    sessionDate: '2027-01-10',
    motif: 'manquement',
    observationsReceived: false,
    observationsDeadline: '2027-01-05',
    avisDeemedFrom: plusDays('2027-01-10', 30),
    ...over,
  });
  const instructedBy = (id: string): TransitionRecord[] => [
    { from: null, to: 'inscrit', actorId: id, at: new Date('2027-01-01'), reason: null, instructs: true },
  ];

  it('records the avis once the session has been held', () => {
    const early = facts({ now: new Date('2027-01-09T10:00:00Z') });
    expect(checkTransition(EP_WORKFLOW, 'inscrit', 'avis_rendu', worker, early).ok).toBe(false);
    expect(checkTransition(EP_WORKFLOW, 'inscrit', 'avis_rendu', worker, facts()).ok).toBe(true);
  });
  it('decides only after the avis, or once it is deemed given', () => {
    expect(checkTransition(EP_WORKFLOW, 'avis_rendu', 'decide', manager, facts()).ok).toBe(true);
    expect(checkTransition(EP_WORKFLOW, 'inscrit', 'decide', manager, facts()).ok).toBe(false);
    const later = facts({ now: new Date('2027-02-09T08:00:00Z') });
    expect(checkTransition(EP_WORKFLOW, 'inscrit', 'decide', manager, later).ok).toBe(true);
  });
  it('waits for the observations before a sanction (contradictoire)', () => {
    const open = facts({ observationsDeadline: '2027-01-25' });
    const refused = checkTransition(EP_WORKFLOW, 'avis_rendu', 'decide', manager, open);
    expect(refused).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    const received = facts({ observationsDeadline: '2027-01-25', observationsReceived: true });
    expect(checkTransition(EP_WORKFLOW, 'avis_rendu', 'decide', manager, received).ok).toBe(true);
    const reorientation = facts({ observationsDeadline: '2027-01-25', motif: 'reorientation' });
    expect(checkTransition(EP_WORKFLOW, 'avis_rendu', 'decide', manager, reorientation).ok).toBe(true);
  });
  it('never lets the instructing person decide, and a worker never decides', () => {
    expect(checkTransition(EP_WORKFLOW, 'avis_rendu', 'decide', manager, facts(), instructedBy('m'))).toMatchObject({
      ok: false,
      code: 'maker_checker',
    });
    expect(checkTransition(EP_WORKFLOW, 'avis_rendu', 'decide', worker, facts()).ok).toBe(false);
  });
});

describe('notification', () => {
  it('states the sanction and the voies de recours', () => {
    const { text } = epNotificationText({
      personName: 'Camille Martin',
      decidedOn: '2027-01-20',
      outcome: 'sanction',
      reason: null,
      sanction: { rate: 50, months: 2, startMonth: '2027-02-01', monthlyWithheldCents: 32326 },
    });
    expect(text).toContain('50 % pendant 2 mois à compter du 01/02/2027');
    expect(text).toContain('323,26');
    expect(text).toContain('Voies de recours');
    expect(text).toContain('tribunal administratif');
  });
});
