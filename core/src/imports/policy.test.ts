import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy/actor.js';
import { canImportToSite, canUseImports } from './policy.js';

const actor = (role: Actor['role'], siteId: string | null): Actor =>
  ({ id: 'u', role, siteId, teamIds: [], motivatedFileIds: [] }) as unknown as Actor;

describe('imports: who imports into a site', () => {
  it.each([
    ['admin_fonctionnel', null, 'site-1', true],
    ['responsable', 'site-1', 'site-1', true],
    ['responsable', 'site-2', 'site-1', false],
    ['travailleur_social', 'site-1', 'site-1', false],
    ['secretaire', 'site-1', 'site-1', false],
    ['dpo', null, 'site-1', false],
  ] as const)('%s of %s into %s: %s', (role, own, target, ok) => {
    expect(canImportToSite(actor(role, own), target)).toBe(ok);
    if (ok) expect(canUseImports(actor(role, own))).toBe(true);
  });
});
