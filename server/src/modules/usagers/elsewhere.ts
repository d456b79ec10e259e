import type { SearchResultDto } from '@jalon/core';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { displayName } from './present.js';
import { elsewhereSearchRows, personNames, siteNames } from './search-queries.js';

export type ElsewhereCard = SearchResultDto['elsewhere'][number];

/** Distinct files one user may be shown on "known elsewhere" cards per window (docs/security.md, "Known elsewhere"). */
export const CARD_BUDGET = 30;
export const CARD_WINDOW_MS = 10 * 60 * 1000;
/** Bound on the users remembered, so the memory cannot grow without limit. */
const MAX_TRACKED_USERS = 10_000;

/**
 * Cards shown per user: file id → last time shown (in memory: one server process, like the login throttle). A card
 * shown again within the window costs nothing more; each new file does. Exported for the tests' reset only.
 */
export const shownCards = new Map<string, Map<string, number>>();

/**
 * Counts the cards against the user's budget. Over budget, nothing is shown or counted: the minutes before a new card
 * may be shown (the search itself still answers with the site's own files).
 */
function spendBudget(userId: string, fileIds: string[], now: number): number | null {
  const mine = shownCards.get(userId) ?? new Map<string, number>();
  for (const [id, at] of mine) if (now - at >= CARD_WINDOW_MS) mine.delete(id);
  const fresh = [...new Set(fileIds)].filter((id) => !mine.has(id));
  if (mine.size + fresh.length > CARD_BUDGET) {
    const oldest = Math.min(...mine.values());
    return Math.max(1, Math.ceil((oldest + CARD_WINDOW_MS - now) / 60_000));
  }
  for (const id of fileIds) mine.set(id, now);
  if (!shownCards.has(userId) && shownCards.size >= MAX_TRACKED_USERS) {
    const first = shownCards.keys().next().value;
    if (first !== undefined) shownCards.delete(first);
  }
  shownCards.set(userId, mine);
  return null;
}

/** The cards of one search or duplicate check; `paused`: over budget, no card shown for that many minutes. */
export interface ElsewhereResult {
  cards: ElsewhereCard[];
  paused: { minutes: number } | null;
}

/**
 * "Known elsewhere" cards (docs/security.md, "Known elsewhere"): the principal persons of files of other sites whose
 * normalised surname (birth or used name) is exactly one of `names`, and, when `firstWords` are given, whose first
 * names begin with one of them. Nothing else decides whether a card appears: no birth date, no other attribute, so a
 * card cannot confirm a guess about anything but the name; household members are never carded (their presence
 * would say whose household they live in). The search rows are read alone (index on name_n), then the persons and
 * sites of the ten cards kept. Each card shown is counted against the user's budget and writes an access-log row
 * (`elsewhere_card`) on the file it names. Over budget the cards are paused, not the search: a worker looking for
 * common names keeps their own site's results (docs/security.md, "Known elsewhere").
 */
export async function elsewhereCards(
  ctx: Ctx,
  siteId: string,
  names: string[],
  firstWords: (surname: Set<string>) => string[],
): Promise<ElsewhereResult> {
  const kept = await elsewhereMatches(ctx.db, siteId, names, firstWords);
  if (!kept.length) return { cards: [], paused: null };
  const minutes = spendBudget(
    ctx.actor.id,
    kept.map((r) => r.case_file_id),
    ctx.now.getTime(),
  );
  if (minutes !== null) return { cards: [], paused: { minutes } };
  return { cards: await showCards(ctx, kept), paused: null };
}

type Match = Awaited<ReturnType<typeof elsewhereMatches>>[number];

/** The files a card would name, without showing anything (no budget, no access log): the audit of an override. */
export async function elsewhereMatches(
  db: Queryable,
  siteId: string,
  names: string[],
  firstWords: (surname: Set<string>) => string[],
) {
  if (!names.length) return [];
  const rows = await elsewhereSearchRows(db, siteId, names);
  const seen = new Set<string>();
  const kept: typeof rows = [];
  for (const r of rows) {
    // Words typed beyond the surname must begin the first name: "dupont marie" does not show every Dupont.
    const rest = firstWords(new Set(r.name_n.split(' ')));
    if (rest.length && !rest.some((t) => r.first_n.split(' ').some((f) => f.startsWith(t)))) continue;
    if (seen.has(r.case_file_id)) continue;
    seen.add(r.case_file_id);
    kept.push(r);
    if (kept.length >= 10) break;
  }
  return kept;
}

async function showCards(ctx: Ctx, kept: Match[]): Promise<ElsewhereCard[]> {
  const [persons, sites] = await Promise.all([
    personNames(
      ctx.db,
      kept.map((r) => r.person_id),
    ),
    siteNames(
      ctx.db,
      kept.map((r) => r.site_id),
    ),
  ]);
  const personById = new Map(persons.map((p) => [p.id, p]));
  const siteName = new Map(sites.map((x) => [x.id, x.name]));
  const cards: ElsewhereCard[] = [];
  for (const r of kept) {
    const p = personById.get(r.person_id);
    if (!p) continue;
    cards.push({ displayName: displayName(p), siteName: siteName.get(r.site_id) ?? '', caseFileId: r.case_file_id });
  }
  await Promise.all(cards.map((c) => logAccess(ctx.db, ctx, c.caseFileId, 'elsewhere_card')));
  return cards;
}
