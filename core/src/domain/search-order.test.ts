import { describe, expect, it } from 'vitest';
import { elsewhereComesFirst } from './search-order.js';

describe('cross-site search order', () => {
  it('exact "known elsewhere" cards come before weak fuzzy local results', () => {
    expect(elsewhereComesFirst([{ exact: false }, { exact: false }], 1)).toBe(true);
    expect(elsewhereComesFirst([], 1)).toBe(true);
  });
  it('an exact local match keeps the site’s results first; no card, nothing to move', () => {
    expect(elsewhereComesFirst([{ exact: false }, { exact: true }], 1)).toBe(false);
    expect(elsewhereComesFirst([{ exact: false }], 0)).toBe(false);
  });
});
