import type { DuplicateMatchesDto } from '@jalon/core';
import type { Ctx } from '../../context.js';
import { displayName } from './present.js';
import { elsewhereCards, elsewhereMatches } from './elsewhere.js';
import { findSiteDuplicates, normaliseNames } from './queries.js';
import { duplicateFiles } from './search-queries.js';

/** Who is about to get a file (a creation form, an imported row). */
export interface PersonKeys {
  birthName: string;
  usedName?: string | null;
  firstNames: string;
  birthDate: string;
}

async function keysOf(ctx: Ctx, p: PersonKeys) {
  const [birth = '', used = '', first = ''] = await normaliseNames(ctx.db, [p.birthName, p.usedName, p.firstNames]);
  const surnames = [birth, used].filter(Boolean);
  const firstWords = first.split(' ').filter(Boolean);
  return { surnames, first, firstWords };
}

/**
 * Likely duplicates of a person about to get a file (docs/security.md, "Duplicates"). On the caller's site: the
 * files a matcher of keys and birth date finds (ids, numbers and names: the caller may open them). Elsewhere: the
 * "known elsewhere" cards, computed from the name only like the search's (never from the birth date: no oracle),
 * counted against the same budget and access-logged. Served to the creation form and to the imports to come.
 */
export async function findLikelyDuplicates(ctx: Ctx, siteId: string, p: PersonKeys): Promise<DuplicateMatchesDto> {
  const k = await keysOf(ctx, p);
  const ids = await findSiteDuplicates(ctx.db, siteId, {
    surnames: k.surnames,
    first: k.first,
    birthDate: p.birthDate,
  });
  const [files, elsewhere] = await Promise.all([
    ids.length ? duplicateFiles(ctx.db, ids) : [],
    elsewhereCards(ctx, siteId, k.surnames, () => k.firstWords),
  ]);
  return {
    onSite: files.map((f) => ({
      id: f.id,
      fileNumber: f.file_number,
      displayName: displayName(f),
      birthDate: f.birth_date,
      status: f.status,
    })),
    elsewhere: elsewhere.cards,
    elsewherePaused: elsewhere.paused,
  };
}

/** The files a confirmed creation overrode, for its audit row: nothing is shown, nothing counted or logged. */
export async function overriddenDuplicates(ctx: Ctx, siteId: string, p: PersonKeys): Promise<string[]> {
  const k = await keysOf(ctx, p);
  const [onSite, elsewhere] = await Promise.all([
    findSiteDuplicates(ctx.db, siteId, { surnames: k.surnames, first: k.first, birthDate: p.birthDate }),
    elsewhereMatches(ctx.db, siteId, k.surnames, () => k.firstWords),
  ]);
  return [...onSite, ...elsewhere.map((r) => r.case_file_id)];
}

export const hasDuplicates = (d: DuplicateMatchesDto) => d.onSite.length > 0 || d.elsewhere.length > 0;
