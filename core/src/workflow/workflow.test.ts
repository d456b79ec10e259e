import { describe, expect, it } from 'vitest';
import { APPOINTMENT_WORKFLOW, allowedTargets, checkTransition, type Workflow } from './index.js';

const ts = { id: 'u1', role: 'travailleur_social' as const };
const sec = { id: 'u2', role: 'secretaire' as const };
const resp = { id: 'u3', role: 'responsable' as const };
const start = new Date('2026-12-07T10:00:00Z');
const before = { now: new Date('2026-12-07T09:00:00Z'), start };
const after = { now: new Date('2026-12-07T10:00:00Z'), start };

describe('appointment workflow', () => {
  it('marks honoré, excusé or non venu only once the appointment has started', () => {
    for (const to of ['honore', 'excuse', 'non_venu'] as const) {
      expect(checkTransition(APPOINTMENT_WORKFLOW, 'prevu', to, ts, before)).toMatchObject({
        ok: false,
        code: 'transition_not_allowed',
      });
      expect(checkTransition(APPOINTMENT_WORKFLOW, 'prevu', to, sec, after).ok).toBe(true);
    }
  });
  it('cancels only before it starts, and restores a cancelled one while still ahead', () => {
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'prevu', 'annule', ts, before).ok).toBe(true);
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'prevu', 'annule', ts, after).ok).toBe(false);
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'annule', 'prevu', ts, before).ok).toBe(true);
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'annule', 'honore', ts, after).ok).toBe(false);
  });
  it('corrects an outcome, never to the same state, and not by a role outside the table', () => {
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'non_venu', 'honore', ts, after).ok).toBe(true);
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'honore', 'honore', ts, after).ok).toBe(false);
    expect(checkTransition(APPOINTMENT_WORKFLOW, 'prevu', 'honore', resp, after).ok).toBe(false);
    expect(allowedTargets(APPOINTMENT_WORKFLOW, 'prevu', ts, before)).toEqual(['annule']);
    expect(allowedTargets(APPOINTMENT_WORKFLOW, 'prevu', ts, after)).toEqual(['honore', 'excuse', 'non_venu']);
  });
});

describe('maker-checker', () => {
  type S = 'depose' | 'instruit' | 'accorde' | 'refuse';
  const wf: Workflow<S, null> = {
    name: 'aide',
    states: ['depose', 'instruit', 'accorde', 'refuse'],
    transitions: [
      { from: ['depose'], to: 'instruit', roles: ['travailleur_social'], instructs: true },
      { from: ['instruit'], to: 'accorde', roles: ['travailleur_social', 'responsable'], decides: true },
    ],
  };
  const history = [{ from: 'depose', to: 'instruit', actorId: ts.id, at: start, reason: null, instructs: true }];
  it('refuses the decision to whoever instructed the case', () => {
    expect(checkTransition(wf, 'instruit', 'accorde', ts, null, history)).toMatchObject({
      ok: false,
      code: 'maker_checker',
    });
    expect(checkTransition(wf, 'instruit', 'accorde', resp, null, history).ok).toBe(true);
    expect(checkTransition(wf, 'instruit', 'refuse', resp, null, history).ok).toBe(false);
  });
});
