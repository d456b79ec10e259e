import { describe, expect, it } from 'vitest';
import {
  BulkDecisionsInput,
  PAYMENT_FILE_COLUMNS,
  applicationFitsSession,
  canDecideInSession,
  canManageSession,
  canRecordCityCommissionDecisions,
  checkPieces,
  checklistOf,
  euros,
  paymentFileCsv,
  paymentFileTotal,
  type PaymentLine,
} from './index.js';

describe('pièces justificatives', () => {
  const doc = (id: string, type: string, validUntil: string | null = null) => ({ id, type, validUntil });

  it('an FSL maintien needs identity, resources, lease and rent receipt; missing ones are listed in order', () => {
    const r = checkPieces('maintien', [doc('a', 'titre_sejour'), doc('b', 'bail')], '2026-12-07');
    expect(r.complete).toBe(false);
    expect(r.lines.map((l) => [l.key, l.documentId])).toEqual([
      ['identite', 'a'],
      ['ressources', null],
      ['bail', 'b'],
      ['quittance', null],
    ]);
    expect(r.missing).toHaveLength(2);
    expect(r.missing[0]).toMatch(/ressources/);
  });

  it('is complete when every line has a valid document; an expired document counts for nothing', () => {
    const docs = [doc('a', 'piece_identite'), doc('b', 'avis_imposition'), doc('c', 'facture', '2026-12-07')];
    expect(checkPieces('energie', docs, '2026-12-07').complete).toBe(true);
    const later = checkPieces('energie', docs, '2026-12-08');
    expect(later.complete).toBe(false);
    expect(later.lines.find((l) => l.key === 'facture')?.documentId).toBeNull();
  });

  it('an unknown aid type gets the common base, never nothing', () => {
    expect(checklistOf('inconnue').map((l) => l.key)).toEqual(['identite', 'ressources']);
    expect(checklistOf('toString').map((l) => l.key)).toEqual(['identite', 'ressources']);
  });
});

describe('payment file', () => {
  const line = (over: Partial<PaymentLine> = {}): PaymentLine => ({
    reference: '2026-12-10-001',
    commissionDate: '2026-12-10',
    applicationId: '11111111-1111-4111-8111-111111111111',
    aidType: 'maintien',
    aidForm: 'subvention',
    beneficiary: 'tiers',
    beneficiaryName: 'Paris Habitat',
    creditor: 'Paris Habitat',
    contractRef: 'BAIL-42',
    amountCents: 50_000,
    decisionDate: '2026-12-10',
    ...over,
  });

  it('has the documented header, CRLF lines and integer cents', () => {
    const csv = paymentFileCsv([line(), line({ reference: '2026-12-10-002', amountCents: 12_345 })]);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(PAYMENT_FILE_COLUMNS.join(';'));
    expect(rows[1]?.split(';')).toHaveLength(PAYMENT_FILE_COLUMNS.length);
    expect(rows[2]?.split(';')[9]).toBe('12345');
    expect(rows.at(-1)).toBe('');
    expect(paymentFileTotal([line(), line({ amountCents: 1 })])).toBe(50_001);
  });

  it('quotes separators and neutralises spreadsheet formulas', () => {
    const csv = paymentFileCsv([line({ beneficiaryName: 'Dupont; "Marie"', contractRef: '=HYPERLINK("x")' })]);
    const data = csv.split('\r\n')[1] ?? '';
    expect(data).toContain('"Dupont; ""Marie"""');
    expect(data).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses an amount that is not a positive whole number of cents', () => {
    expect(() => paymentFileCsv([line({ amountCents: 10.5 })])).toThrow();
    expect(() => paymentFileCsv([line({ amountCents: 0 })])).toThrow();
  });

  it('prints euros in French', () => {
    expect(euros(123_456)).toBe('1 234,56 €');
  });
});

describe('decisions input', () => {
  const id = '11111111-1111-4111-8111-111111111111';
  it('needs an amount for an accord and a reason for anything but a full accord', () => {
    expect(BulkDecisionsInput.safeParse({ decisions: [{ applicationId: id, outcome: 'accord' }] }).success).toBe(false);
    expect(
      BulkDecisionsInput.safeParse({ decisions: [{ applicationId: id, outcome: 'accord', amountCents: 100 }] }).success,
    ).toBe(true);
    expect(BulkDecisionsInput.safeParse({ decisions: [{ applicationId: id, outcome: 'refus' }] }).success).toBe(false);
    const twice = { applicationId: id, outcome: 'refus', reason: 'Ressources' };
    expect(BulkDecisionsInput.safeParse({ decisions: [twice, twice] }).success).toBe(false);
  });
});

describe('who manages a session', () => {
  it('the administration any session, a responsable only its site', () => {
    const resp = { id: 'u', role: 'responsable' as const, siteId: 's1', teamIds: [] };
    expect(canManageSession(resp, { siteId: 's1' })).toBe(true);
    expect(canManageSession(resp, { siteId: 's2' })).toBe(false);
    expect(canManageSession({ ...resp, role: 'admin_fonctionnel', siteId: null }, { siteId: 's2' })).toBe(true);
    expect(canDecideInSession(resp, { siteId: 's1' })).toBe(true);
    expect(canDecideInSession({ ...resp, role: 'admin_fonctionnel', siteId: null }, { siteId: 's1' })).toBe(false);
    expect(canManageSession({ ...resp, role: 'travailleur_social' }, { siteId: 's1' })).toBe(false);
  });
});

describe('who decides a city-level session (docs/adr/012, "Who decides")', () => {
  const resp = { id: 'u', role: 'responsable' as const, siteId: 's1', teamIds: [] };
  const admin = { ...resp, role: 'admin_fonctionnel' as const, siteId: null };
  const ville = { siteId: null, level: 'ville' as const };
  it('the administration records its decisions; no responsable manages or decides it', () => {
    expect(canRecordCityCommissionDecisions(admin, ville)).toBe(true);
    expect(canDecideInSession(admin, ville)).toBe(true);
    expect(canManageSession(admin, ville)).toBe(true);
    expect(canManageSession(resp, ville)).toBe(false);
    expect(canDecideInSession(resp, ville)).toBe(false);
    for (const role of ['travailleur_social', 'secretaire', 'dpo'] as const)
      expect(canRecordCityCommissionDecisions({ ...resp, role }, ville)).toBe(false);
  });
  it('never a site’s session, whatever its site', () => {
    expect(canRecordCityCommissionDecisions(admin, { siteId: 's1', level: 'site' })).toBe(false);
    expect(canDecideInSession(admin, { siteId: 's1', level: 'site' })).toBe(false);
  });
  it('takes the FSL applications of every site, never a Paris optional aid', () => {
    expect(applicationFitsSession(ville, { siteId: 's1', scheme: 'fsl' })).toBe(true);
    expect(applicationFitsSession(ville, { siteId: 's2', scheme: 'fsl' })).toBe(true);
    expect(applicationFitsSession(ville, { siteId: 's1', scheme: 'paris' })).toBe(false);
    expect(applicationFitsSession({ siteId: 's1' }, { siteId: 's2', scheme: 'fsl' })).toBe(false);
    expect(applicationFitsSession({ siteId: 's1' }, { siteId: 's1', scheme: 'paris' })).toBe(true);
  });
});
