import { describe, expect, it } from 'vitest';
import { parisMidnight } from './agenda.js';

describe('agenda days are Paris days', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
  ])('%s starts at %s', (day, instant) => {
    expect(parisMidnight(day).toISOString()).toBe(instant);
  });
});
