import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles.js';
import type { TransitionRecord } from '../workflow/engine.js';
import { allowedAidTargets, checkAidTransition } from './policy.js';
import { AID_STATES, AID_WORKFLOW, type AidFacts, type AidState } from './workflow.js';

const a = { id: 'ts-a', role: 'travailleur_social' as const };
const b = { id: 'ts-b', role: 'travailleur_social' as const };
const resp = { id: 'resp', role: 'responsable' as const };
const sec = { id: 'sec', role: 'secretaire' as const };
const at = new Date('2026-12-07T10:00:00Z');

const facts = (
  over: Partial<AidFacts['application']> = {},
  input: Partial<AidFacts['input']> = {},
  more: Partial<AidFacts> = {},
): AidFacts => ({
  application: {
    scheme: 'fsl',
    aidType: 'maintien',
    form: 'subvention',
    requestedCents: 50_000,
    urgency: null,
    procedureStage: 'commandement_payer',
    decision: null,
    decidedForm: null,
    ...over,
  },
  input: { reason: null, amountCents: null, form: null, loanMonths: null, ...input },
  missingPieces: null,
  loanOutstandingCents: 0,
  loanMaxMonths: 36,
  ...more,
});
const instructedBy = (id: string): TransitionRecord[] => [
  { from: 'deposee_complete', to: 'en_instruction', actorId: id, at, reason: null, instructs: true },
];
const check = (
  from: AidState,
  to: AidState,
  actor: { id: string; role: Role } = a,
  f = facts(),
  h: TransitionRecord[] = [],
) => checkAidTransition(from, to, actor, f, h);

describe('aid application workflow: the allowed path', () => {
  it('brouillon → déposée → en instruction → commission → accord → notifiée → payée → clôturée', () => {
    expect(check('brouillon', 'deposee_complete').ok).toBe(true);
    expect(check('brouillon', 'deposee_pieces_manquantes').ok).toBe(true);
    expect(check('deposee_pieces_manquantes', 'deposee_complete').ok).toBe(true);
    expect(check('deposee_complete', 'en_instruction').ok).toBe(true);
    expect(check('en_instruction', 'commission_ordinaire').ok).toBe(true);
    expect(check('commission_ordinaire', 'accord', b, facts(), instructedBy(a.id)).ok).toBe(true);
    expect(check('commission_ordinaire', 'accord', resp, facts(), instructedBy(a.id)).ok).toBe(true);
    const granted = facts({ decision: 'accord', decidedForm: 'subvention' });
    expect(check('accord', 'notifiee', resp, granted).ok).toBe(true);
    expect(check('notifiee', 'payee', resp, granted).ok).toBe(true);
    expect(check('payee', 'cloturee', resp, granted).ok).toBe(true);
  });
  it('each step is marked: instruction and commission instruct, the four outcomes decide', () => {
    const byTo = new Map(AID_WORKFLOW.transitions.map((t) => [t.to, t]));
    expect(byTo.get('en_instruction')?.instructs).toBe(true);
    expect(byTo.get('commission_ordinaire')?.instructs).toBe(true);
    expect(byTo.get('commission_urgente')?.instructs).toBe(true);
    for (const d of ['accord', 'accord_partiel', 'refus', 'ajournement'] as const)
      expect(byTo.get(d)?.decides).toBe(true);
  });
  it('an ajournement goes back to the instruction or to a commission', () => {
    expect(check('ajournement', 'en_instruction').ok).toBe(true);
    expect(check('ajournement', 'commission_ordinaire').ok).toBe(true);
    expect(check('ajournement', 'notifiee', resp).ok).toBe(false);
  });
});

describe('refusals', () => {
  it('refuses every move the table does not list (422 transition_not_allowed)', () => {
    const listed = new Set(AID_WORKFLOW.transitions.flatMap((t) => t.from.map((f) => `${f}>${t.to}`)));
    let refused = 0;
    for (const from of AID_STATES)
      for (const to of AID_STATES) {
        if (listed.has(`${from}>${to}`)) continue;
        expect(check(from, to, resp).ok, `${from} → ${to}`).toBe(false);
        expect(check(from, to, a).ok, `${from} → ${to}`).toBe(false);
        refused++;
      }
    expect(refused).toBeGreaterThan(130);
  });
  it('the secretary moves nothing; the site manager does not instruct', () => {
    expect(check('brouillon', 'deposee_complete', sec)).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    expect(check('deposee_complete', 'en_instruction', resp).ok).toBe(false);
    expect(check('commission_ordinaire', 'accord', sec).ok).toBe(false);
  });
  it('a complete deposit with pièces still missing is refused, with the count and the list', () => {
    const missing = { missingPieces: ['RIB', 'Bail ou projet de bail'] };
    const r = check('brouillon', 'deposee_complete', a, facts({}, {}, missing));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('2 pièce(s)') });
    expect(r).toMatchObject({ message: expect.stringContaining(': RIB, Bail ou projet de bail') });
    expect(check('brouillon', 'deposee_pieces_manquantes', a, facts({}, {}, missing)).ok).toBe(true);
  });
  it('"pièces manquantes" is refused when nothing is missing, "complète" allowed', () => {
    const none = facts({}, {}, { missingPieces: [] });
    expect(check('brouillon', 'deposee_pieces_manquantes', a, none)).toMatchObject({ ok: false });
    expect(check('brouillon', 'deposee_complete', a, none).ok).toBe(true);
  });
  it('maker-checker: whoever instructed never decides, even after another sent it to the commission', () => {
    for (const to of ['accord', 'accord_partiel', 'refus', 'ajournement'] as const) {
      const f = facts({}, { reason: 'Motif', amountCents: 10_000 });
      expect(check('commission_ordinaire', to, a, f, instructedBy(a.id))).toMatchObject({
        ok: false,
        code: 'maker_checker',
      });
      expect(check('commission_ordinaire', to, b, f, instructedBy(a.id)).ok).toBe(true);
    }
    const twoInstructors: TransitionRecord[] = [
      ...instructedBy(a.id),
      { from: 'en_instruction', to: 'commission_ordinaire', actorId: b.id, at, reason: null, instructs: true },
    ];
    expect(check('commission_ordinaire', 'accord', a, facts(), twoInstructors)).toMatchObject({
      code: 'maker_checker',
    });
    expect(check('commission_ordinaire', 'accord', b, facts(), twoInstructors)).toMatchObject({
      code: 'maker_checker',
    });
    expect(check('commission_ordinaire', 'accord', resp, facts(), twoInstructors).ok).toBe(true);
  });
  it('a refusal and an ajournement need their reason; a partial accord a lower amount and a reason', () => {
    expect(check('commission_ordinaire', 'refus', resp)).toMatchObject({
      ok: false,
      message: expect.stringContaining('motif du refus'),
    });
    expect(check('commission_ordinaire', 'refus', resp, facts({}, { reason: 'Ressources suffisantes' })).ok).toBe(true);
    expect(check('commission_ordinaire', 'ajournement', resp).ok).toBe(false);
    expect(
      check('commission_ordinaire', 'accord_partiel', resp, facts({}, { amountCents: 50_000, reason: 'x' })).ok,
    ).toBe(false);
    expect(check('commission_ordinaire', 'accord_partiel', resp, facts({}, { amountCents: 20_000 })).ok).toBe(false);
    expect(
      check('commission_ordinaire', 'accord_partiel', resp, facts({}, { amountCents: 20_000, reason: 'Plafond' })).ok,
    ).toBe(true);
    expect(check('commission_ordinaire', 'accord', resp, facts({}, { amountCents: 60_000 })).ok).toBe(false);
  });
  it('a loan needs a length within the parameter (36 months at most)', () => {
    const loan = (m: number | null, max = 36) => facts({ form: 'pret' }, { loanMonths: m }, { loanMaxMonths: max });
    expect(check('commission_ordinaire', 'accord', resp, loan(null)).ok).toBe(false);
    expect(check('commission_ordinaire', 'accord', resp, loan(37)).ok).toBe(false);
    expect(check('commission_ordinaire', 'accord', resp, loan(36)).ok).toBe(true);
    expect(check('commission_ordinaire', 'accord', resp, loan(24, 12)).ok).toBe(false);
    // A subvention the commission grants as a loan needs the length too.
    expect(check('commission_ordinaire', 'accord', resp, facts({}, { form: 'pret' })).ok).toBe(false);
  });
  it('payment only for a granted subvention or loan; a guarantee or a refusal closes without payment', () => {
    const refused = facts({ decision: 'refus' });
    expect(check('notifiee', 'payee', resp, refused).ok).toBe(false);
    expect(check('notifiee', 'cloturee', resp, refused).ok).toBe(true);
    const guarantee = facts({ form: 'garantie', decision: 'accord', decidedForm: 'garantie' });
    expect(check('notifiee', 'payee', resp, guarantee).ok).toBe(false);
    expect(check('notifiee', 'cloturee', resp, guarantee).ok).toBe(true);
    const granted = facts({ decision: 'accord', decidedForm: 'subvention' });
    expect(check('notifiee', 'cloturee', resp, granted)).toMatchObject({
      ok: false,
      message: expect.stringContaining('paiement'),
    });
  });
  it('a paid loan closes only once repaid', () => {
    const f = facts({ form: 'pret', decision: 'accord', decidedForm: 'pret' }, {}, { loanOutstandingCents: 100 });
    expect(check('payee', 'cloturee', resp, f)).toMatchObject({
      ok: false,
      message: expect.stringContaining('remboursé'),
    });
    expect(check('payee', 'cloturee', resp, { ...f, loanOutstandingCents: 0 }).ok).toBe(true);
  });
  it('classement sans suite of a draft or an incomplete deposit, with a reason', () => {
    expect(check('brouillon', 'cloturee').ok).toBe(false);
    expect(check('deposee_pieces_manquantes', 'cloturee', a, facts({}, { reason: 'Pièces jamais fournies' })).ok).toBe(
      true,
    );
    expect(check('en_instruction', 'cloturee', a, facts({}, { reason: 'x' })).ok).toBe(false);
  });
});

describe('urgent path (loi 90-449 art. 6-1)', () => {
  const urgent = (over: Partial<AidFacts['application']>) =>
    check('en_instruction', 'commission_urgente', a, facts(over));
  it('for a lease signature (accès), an imminent cut-off (énergie, eau, téléphone), an assignation (maintien)', () => {
    expect(urgent({ aidType: 'acces', urgency: 'signature_bail' }).ok).toBe(true);
    for (const aidType of ['energie', 'eau', 'telephone'] as const)
      expect(urgent({ aidType, urgency: 'coupure_imminente' }).ok).toBe(true);
    expect(urgent({ aidType: 'maintien', urgency: 'assignation', procedureStage: 'assignation' }).ok).toBe(true);
    expect(urgent({ aidType: 'maintien', urgency: 'assignation', procedureStage: 'jugement' }).ok).toBe(true);
  });
  it('refused without a reason, with a reason that does not match the aid, or outside the FSL', () => {
    expect(urgent({ urgency: null })).toMatchObject({ ok: false, message: expect.stringContaining('motif d’urgence') });
    expect(urgent({ aidType: 'maintien', urgency: 'signature_bail' }).ok).toBe(false);
    expect(urgent({ aidType: 'acces', urgency: 'coupure_imminente' }).ok).toBe(false);
    expect(urgent({ aidType: 'maintien', urgency: 'assignation', procedureStage: 'commandement_payer' }).ok).toBe(
      false,
    );
    expect(urgent({ scheme: 'paris', aidType: 'allocation_exceptionnelle', urgency: 'coupure_imminente' }).ok).toBe(
      false,
    );
  });
  it('the page offers what the actor may do now', () => {
    expect(allowedAidTargets('brouillon', a, facts(), [])).toEqual(['deposee_complete', 'deposee_pieces_manquantes']);
    expect(allowedAidTargets('commission_ordinaire', a, facts({}, { reason: 'x' }), instructedBy(a.id))).toEqual([]);
    expect(allowedAidTargets('commission_ordinaire', resp, facts({}, { reason: 'x' }), instructedBy(a.id))).toEqual([
      'accord',
      'refus',
      'ajournement',
    ]);
  });
});
