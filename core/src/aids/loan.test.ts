import { describe, expect, it } from 'vitest';
import { addMonths, loanSchedule, loanStatus } from './loan.js';

describe('loan schedule', () => {
  it('splits into equal integer instalments with the remainder on the last', () => {
    const s = loanSchedule(100_000, 3, '2027-01-05');
    expect(s.map((i) => i.amountCents)).toEqual([33_333, 33_333, 33_334]);
    expect(s.map((i) => i.dueDate)).toEqual(['2027-01-05', '2027-02-05', '2027-03-05']);
    const long = loanSchedule(123_457, 36, '2027-01-31');
    expect(long).toHaveLength(36);
    expect(long.reduce((a, i) => a + i.amountCents, 0)).toBe(123_457);
    expect(long[1]?.dueDate).toBe('2027-02-28');
    expect(long[35]?.amountCents).toBe(123_457 - 3_429 * 35);
  });
  it('refuses more than 36 months, zero months, a non-integer or zero amount', () => {
    expect(() => loanSchedule(100_000, 37, '2027-01-01')).toThrow(/36 mois/);
    expect(() => loanSchedule(100_000, 0, '2027-01-01')).toThrow();
    expect(() => loanSchedule(100.5, 3, '2027-01-01')).toThrow();
    expect(() => loanSchedule(0, 3, '2027-01-01')).toThrow();
    expect(() => loanSchedule(100_000, 13, '2027-01-01', 12)).toThrow(/12 mois/);
  });
  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 2)).toBe('2028-01-15');
  });
});

describe('repayments', () => {
  const s = loanSchedule(30_000, 3, '2027-01-10');
  it('applies repayments to the oldest instalment first and lists the late ones', () => {
    const st = loanStatus(s, [{ paidOn: '2027-01-09', amountCents: 15_000 }], '2027-02-15');
    expect(st.instalments.map((i) => [i.state, i.paidCents])).toEqual([
      ['payee', 10_000],
      ['en_retard', 5_000],
      ['a_venir', 0],
    ]);
    expect(st.lateCount).toBe(1);
    expect(st.lateCents).toBe(5_000);
    expect(st.outstandingCents).toBe(15_000);
  });
  it('a partial payment before the due date is not late; a full repayment leaves nothing outstanding', () => {
    const st = loanStatus(s, [{ paidOn: '2027-01-01', amountCents: 5_000 }], '2027-01-05');
    expect(st.instalments[0]?.state).toBe('partielle');
    expect(st.lateCount).toBe(0);
    const done = loanStatus(s, [{ paidOn: '2027-01-01', amountCents: 30_000 }], '2028-01-01');
    expect(done.outstandingCents).toBe(0);
    expect(done.instalments.every((i) => i.state === 'payee')).toBe(true);
    // Paying on the due date itself is on time.
    expect(loanStatus(s, [], '2027-01-10').lateCount).toBe(0);
    expect(loanStatus(s, [], '2027-01-11').lateCount).toBe(1);
  });
});
