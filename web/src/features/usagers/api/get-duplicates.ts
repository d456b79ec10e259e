import type { DuplicateMatchesDto } from '@jalon/core';
import { api, toQuery } from '../../../lib/api-client';

/** Likely duplicates of a person about to get a file (the same rules as the server's 409 `likely_duplicate`). */
export const getDuplicates = (p: {
  birthName: string;
  usedName?: string | null;
  firstNames: string;
  birthDate: string;
}) =>
  api.get<DuplicateMatchesDto>(
    `/usagers/duplicates${toQuery({ birthName: p.birthName, usedName: p.usedName || undefined, firstNames: p.firstNames, birthDate: p.birthDate })}`,
  );

export const hasDuplicateMatches = (d: DuplicateMatchesDto) => d.onSite.length > 0 || d.elsewhere.length > 0;
