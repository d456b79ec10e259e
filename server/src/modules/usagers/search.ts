import { canSearchUsagers, type SearchQuery, type SearchResultDto } from '@jalon/core';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { elsewhereCards } from './elsewhere.js';
import { displayName } from './present.js';
import { personNames, queryWords, searchCandidates, searchResultFiles } from './search-queries.js';

const DATE_FR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const FILE_NUMBER = /^(\d{2})-?(\d{1,6})$/;

interface ParsedQuery {
  birthDate: string | null;
  fileNumber: string | null;
  text: string;
}

/** Splits "dupont marie 12/03/1980" into a birth date, a file number and name words. */
export function parseQuery(q: string): ParsedQuery {
  let birthDate: string | null = null;
  let fileNumber: string | null = null;
  const words: string[] = [];
  for (const w of q.trim().split(/\s+/)) {
    const d = DATE_FR.exec(w);
    const f = FILE_NUMBER.exec(w);
    if (d) {
      const iso = `${d[3]}-${(d[2] ?? '').padStart(2, '0')}-${(d[1] ?? '').padStart(2, '0')}`;
      birthDate = Number.isNaN(Date.parse(iso)) ? null : iso;
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(w)) {
      birthDate = w;
    } else if (f && w.length >= 7) {
      fileNumber = `${f[1]}-${(f[2] ?? '').padStart(6, '0')}`;
    } else {
      words.push(w);
    }
  }
  return { birthDate, fileNumber, text: words.join(' ') };
}

/** The surnames a query may mean exactly: each word typed, and each pair of adjacent words ("de la", "la fontaine"). */
export function surnameCandidates(tokens: string[]): string[] {
  const out = new Set(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  for (let i = 0; i + 2 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return [...out];
}

/**
 * Search (docs/adr/006-search-keys.md): accent- and case-insensitive, typo-tolerant within the caller's site; elsewhere only an exact
 * normalised name match (btree), which returns a minimal "Connu·e à <site>" card and never a link
 * (search-measurements.md; elsewhere.ts: from the name only, principal persons only, counted and access-logged). A
 * typed word finds the rows that share one of its keys (its one-letter deletions, its French phonetic form, itself as
 * a beginning: ADR 006, GIN on `usager_search.keys`); the trigram similarity only ranks those candidates. Several
 * words must all match (a surname and a first name narrow the list); when no row matches them all, rows matching any
 * of them are shown.
 */
export async function searchUsagers(ctx: Ctx, query: SearchQuery): Promise<SearchResultDto> {
  if (!canSearchUsagers(ctx.actor) || !ctx.actor.siteId)
    throw forbidden('La recherche d’usagers n’est pas ouverte à votre profil');
  const siteId = ctx.actor.siteId;
  const parsed = parseQuery(query.q);
  const words = parsed.text ? await queryWords(ctx.db, parsed.text) : [];
  const tokens = words.map((w) => w.t);
  if (!tokens.length && !parsed.birthDate && !parsed.fileNumber)
    return { results: [], elsewhere: [], page: query.page, hasMore: false };

  const offset = (query.page - 1) * query.limit;
  // Ranked by the best reading of the words typed; an exact surname match ranks this result with the "known elsewhere"
  // cards (which are exact by construction).
  const candidates = searchCandidates(ctx.db, {
    siteId,
    words,
    exactNames: surnameCandidates(tokens),
    fileNumber: parsed.fileNumber,
    birthDate: parsed.birthDate,
  });
  let rows = await candidates(true, query.limit + 1, offset);
  // No row matches every word (and this is not the end of a longer list): rows that match any word.
  if (!rows.length && words.length > 1 && (offset === 0 || !(await candidates(true, 1, 0)).length)) {
    rows = await candidates(false, query.limit + 1, offset);
  }
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);

  const ids = page.map((r) => r.case_file_id);
  const [details, matchedPersons, elsewhere] = await Promise.all([
    page.length ? searchResultFiles(ctx.db, ids) : [],
    page.length
      ? personNames(
          ctx.db,
          page.map((r) => r.person_id),
        )
      : [],
    // Out of scope, the name alone decides (the birth date typed filters the site's own files only).
    tokens.length && query.page === 1
      ? elsewhereCards(ctx, siteId, surnameCandidates(tokens), (surname) => tokens.filter((t) => !surname.has(t)))
      : { cards: [], paused: null },
  ]);
  const byId = new Map(details.map((d) => [d.id, d]));
  const personById = new Map(matchedPersons.map((p) => [p.id, p]));
  const results = page.flatMap((r) => {
    const d = byId.get(r.case_file_id);
    const p = personById.get(r.person_id);
    if (!d) return [];
    return [
      {
        id: d.id,
        fileNumber: d.file_number,
        displayName: displayName(d),
        birthDate: d.birth_date,
        matchedPerson: p ? displayName(p) : displayName(d),
        exact: r.exact,
        status: d.status,
        teamName: d.team_name,
        referentName: d.referent_name,
      },
    ];
  });

  return { results, elsewhere: elsewhere.cards, elsewherePaused: elsewhere.paused, page: query.page, hasMore };
}
