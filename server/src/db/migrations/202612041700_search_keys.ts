import { sql, type Kysely } from 'kysely';

/**
 * Name search by keys (docs/benchmarks.md; ADR 006). The trigram search spent its time re-checking thousands of false candidates
 * per word: a 5-letter word needs only 2 of its trigrams to be a `%` candidate, so "dubua" drew every name starting
 * with "du" (3,800 rows in one site's partition, 6 µs each). Each search row now carries the keys of its words, and a
 * typed word matches a row when they share one key:
 * - the word and its one-letter deletions (words of 4 letters or more): a missed, doubled, wrong or swapped letter
 *   leaves a deletion in common (SymSpell's deletion neighbourhood, edit distance 1);
 * - '~' + a French phonetic form (`jalon_phonetic`): spellings by ear ("Dubois" → "dubua", "Nguyen" → "nguien");
 * - '>' + its first 3 to 6 letters: the beginning of a name typed alone ("dubo").
 * A GIN index on the keys answers with the true candidates; the trigram similarity then only ranks them.
 * The keys are a generated column: every writer of usager_search (refresh, migration, seeds) gets them for free.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function jalon_phonetic(w text) returns text language plpgsql immutable strict parallel safe as $$
    declare s text := w;
    begin
      s := regexp_replace(s, 'eaux?|au', 'o', 'g');
      s := regexp_replace(s, 'o[iy][stx]?$', 'wa');
      s := regexp_replace(s, 'o[iya]|ua', 'wa', 'g');
      s := replace(s, 'ou', 'u');
      s := replace(s, 'ph', 'f');
      s := regexp_replace(s, 's?ch|sh', '§', 'g');
      s := regexp_replace(s, 'qu|ck|q', 'k', 'g');
      s := regexp_replace(s, 'c([eiy])', 's\\1', 'g');
      s := replace(s, 'c', 'k');
      s := replace(s, 'gu', 'g');
      s := replace(s, 'y', 'i');
      s := regexp_replace(s, '[ae]i', 'e', 'g');
      s := regexp_replace(s, '[ie]ne$', 'an');
      s := regexp_replace(s, 'e([nm])', 'a\\1', 'g');
      s := replace(s, 'h', '');
      s := regexp_replace(s, '(.)\\1+', '\\1', 'g');
      s := regexp_replace(s, '[tdxsz]+$', '');
      s := regexp_replace(s, '(.)e$', '\\1');
      return s;
    end $$`.execute(db);

  // The keys of one typed word: itself, its deletions, its phonetic form, and itself as a beginning. Calls are
  // schema-qualified: pg_restore runs with an empty search_path and computes the generated column with them.
  await sql`
    create function jalon_query_keys(w text) returns text[] language sql immutable strict parallel safe as $$
      select array(
        select w
        union select overlay(w placing '' from i for 1) from generate_series(1, length(w)) i where length(w) >= 4
        union select '~' || public.jalon_phonetic(w)
        union select '>' || w where length(w) between 3 and 6)
    $$`.execute(db);

  // The keys of a stored name (surname words and first names): the same, with the beginnings of each word.
  await sql`
    create function jalon_search_keys(name_n text, first_n text) returns text[] language sql immutable strict parallel safe as $$
      select array(
        select distinct k from unnest(string_to_array(btrim(name_n || ' ' || first_n), ' ')) as w,
          lateral (
            select w as k
            union all select overlay(w placing '' from i for 1) from generate_series(1, length(w)) i where length(w) >= 4
            union all select '~' || public.jalon_phonetic(w)
            union all select '>' || left(w, n) from generate_series(3, least(6, length(w) - 1)) n
          ) keys
        where w <> '')
    $$`.execute(db);

  await sql`alter table usager_search add column keys text[] generated always as (jalon_search_keys(name_n, first_n)) stored`.execute(
    db,
  );
  await sql`create index usager_search_keys_idx on usager_search using gin (keys)`.execute(db);
  await sql`drop index if exists usager_search_trgm_idx`.execute(db);
  await sql`drop index if exists usager_search_first_trgm_idx`.execute(db);
  await sql`analyze usager_search`.execute(db);
}
