import { describe, expect, it } from 'vitest';
import {
  RETENTION_PERIODS,
  anonymisedBirthDate,
  retentionAction,
  retentionDeadline,
  type RetentionFacts,
} from './retention.js';

const now = new Date('2026-11-25T09:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const file = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  state: 'active',
  lastContactAt: null,
  openedAt: daysAgo(100),
  holdKind: null,
  holdUntil: null,
  ...over,
});

describe('retention rules', () => {
  it('the active base lasts 2 years after the last contact, else after the opening', () => {
    expect(RETENTION_PERIODS.dossier.activeDays).toBe(730);
    expect(retentionDeadline(file({ lastContactAt: daysAgo(10) })).toISOString()).toBe(
      new Date(daysAgo(10).getTime() + 730 * 86_400_000).toISOString(),
    );
    expect(retentionDeadline(file({ openedAt: daysAgo(5) })).getTime()).toBe(daysAgo(5).getTime() + 730 * 86_400_000);
  });

  it.each([
    ['recent contact', file({ lastContactAt: daysAgo(100) }), 'keep'],
    ['31 days before the deadline', file({ lastContactAt: daysAgo(699) }), 'keep'],
    ['29 days before the deadline', file({ lastContactAt: daysAgo(701) }), 'notice'],
    ['past the deadline', file({ lastContactAt: daysAgo(731) }), 'anonymise'],
    ['past the deadline, no contact since opening', file({ openedAt: daysAgo(800) }), 'anonymise'],
    [
      'prolonged until next year',
      file({ lastContactAt: daysAgo(800), holdKind: 'prolongation', holdUntil: '2027-06-30' }),
      'keep',
    ],
    [
      'prolongation ending in 10 days',
      file({ lastContactAt: daysAgo(800), holdKind: 'prolongation', holdUntil: '2026-12-05' }),
      'notice',
    ],
    [
      'prolongation over',
      file({ lastContactAt: daysAgo(800), holdKind: 'prolongation', holdUntil: '2026-11-24' }),
      'anonymise',
    ],
    [
      'a prolongation never shortens the base',
      file({ lastContactAt: daysAgo(10), holdKind: 'prolongation', holdUntil: '2026-12-01' }),
      'keep',
    ],
    [
      'legal reason to archive',
      file({ lastContactAt: daysAgo(731), holdKind: 'archive', holdUntil: '2030-01-01' }),
      'archive',
    ],
    [
      'archive reason already over',
      file({ lastContactAt: daysAgo(731), holdKind: 'archive', holdUntil: '2026-01-01' }),
      'anonymise',
    ],
    [
      'archived, still within its period',
      file({ state: 'archived', lastContactAt: daysAgo(900), holdKind: 'archive', holdUntil: '2026-11-25' }),
      'keep',
    ],
    [
      'archived, period over',
      file({ state: 'archived', lastContactAt: daysAgo(900), holdKind: 'archive', holdUntil: '2026-11-24' }),
      'anonymise',
    ],
    ['already anonymised', file({ state: 'anonymised', lastContactAt: daysAgo(2000) }), 'keep'],
  ] as const)('%s → %s', (_label, f, action) => {
    expect(retentionAction(f, now)).toBe(action);
  });

  it('the anonymised birth date keeps the year only', () => {
    expect(anonymisedBirthDate('1985-04-12')).toBe('1985-07-01');
  });
});
