import { describe, expect, it } from 'vitest';
import { monthFromIndex, monthIndex, shiftMonth } from './months.js';

describe('month arithmetic', () => {
  it('a month index and its text are each other’s inverse', () => {
    expect(monthIndex({ y: 2025, m: 1 })).toBe(2025 * 12);
    expect(monthFromIndex(monthIndex({ y: 2025, m: 1 }))).toBe('2025-01');
    expect(monthFromIndex(monthIndex({ y: 2024, m: 12 }))).toBe('2024-12');
  });

  it.each([
    ['2025-03', 1, '2025-04'],
    ['2025-03', 0, '2025-03'],
    ['2025-12', 1, '2026-01'],
    ['2025-01', -1, '2024-12'],
    ['2025-03', -11, '2024-04'],
    ['2025-03', -12, '2024-03'],
    ['2025-03', 24, '2027-03'],
    ['2025-03-01', -24, '2023-03'], // a date: its month
  ])('shiftMonth(%s, %i) = %s', (month, n, expected) => {
    expect(shiftMonth(month, n)).toBe(expected);
  });
});
