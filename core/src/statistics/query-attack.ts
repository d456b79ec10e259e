import { knowledgeOf, recoverFromKnowledge, type Knowledge } from './attack.js';
import { isSuppressed, type PublishedValue } from './published.js';
import type { Line, Structure } from './table.js';

/**
 * The attack across queries (docs/security.md, Statistics: attacker model). The reader may send any sequence of the
 * queries the API allows to one scope and combine every answer. Each published value is a sum of "atoms": the finest
 * counts the reader reasons about (e.g. one month × one arrondissement × one category of one site). Every answer is an
 * equation over the atoms, every mark a bound ("< 5": 1 … threshold − 1; "secret": at least threshold), and atoms are
 * whole and non-negative. A value is disclosed when it takes a single value over the whole feasible set: a hidden
 * answer, or an atom of 1 … threshold − 1 persons that no answer showed.
 *
 * This is `recoverFromKnowledge` (attack.ts, exact rationals) on a structure whose lines are "answer = Σ atoms"; the
 * same answer reached by two queries (same atoms) is one unknown, so a value published by one and hidden by the other
 * is known. The relaxation to real numbers is exact only for network structures (attack.ts); across queries it may
 * miss a value an attacker who reasons in integers would pin: this attack is a necessary check, not a proof.
 */
export interface QueryAnswer {
  /** Indices of the atoms the value sums (any order, no duplicates). */
  atoms: readonly number[];
  value: PublishedValue;
  threshold: number;
  /** Where the value came from (query and position), for the report. */
  source: string;
}

export interface Disclosure {
  kind: 'answer' | 'atom';
  /** The query and position of the hidden answer, or the atom's index. */
  what: string;
  value: number;
}

/** Every hidden answer and every small atom the union of the answers determines. */
export const recoverAcrossQueries = (
  nAtoms: number,
  answers: readonly QueryAnswer[],
  smallAtomThreshold: number,
): Disclosure[] => {
  const zero = new Set<number>();
  for (const a of answers) if (a.value === 0) for (const x of a.atoms) zero.add(x);
  // Atoms inside a published zero are 0: dropped, which keeps the system small.
  const live = [...Array(nAtoms).keys()].filter((x) => !zero.has(x));
  const atomEntry = new Map(live.map((x, i) => [x, i]));
  const byKey = new Map<string, { entry: number; answers: QueryAnswer[] }>();
  const lines: Line[] = [];
  for (const a of answers) {
    const parts = a.atoms.filter((x) => atomEntry.has(x)).sort((p, q) => p - q);
    const key = parts.join(',');
    if (parts.length === 0) continue;
    let group = byKey.get(key);
    if (!group) {
      group = { entry: live.length + byKey.size, answers: [] };
      byKey.set(key, group);
      lines.push({ total: group.entry, parts: parts.map((x) => atomEntry.get(x)!) });
    }
    group.answers.push(a);
  }
  const groups = [...byKey.values()];
  const k: Knowledge[] = live.map(() => ({ lower: 0, upper: null }));
  for (const g of groups) {
    const shown = g.answers.find((a) => !isSuppressed(a.value));
    if (shown) {
      k.push({ value: shown.value as number });
      continue;
    }
    // Several marks on the same value: the reader intersects their bounds.
    const bounds = g.answers.map(
      (a) => knowledgeOf(a.value, a.threshold, 'labels') as { lower: number; upper: number | null },
    );
    const uppers = bounds.map((b) => b.upper).filter((u): u is number => u !== null);
    k.push({ lower: Math.max(...bounds.map((b) => b.lower)), upper: uppers.length ? Math.min(...uppers) : null });
  }
  const linesOf: number[][] = k.map(() => []);
  lines.forEach((l, i) => [l.total, ...l.parts].forEach((e) => linesOf[e]!.push(i)));
  const s: Structure = { refs: k.map(() => ({ kind: 'grandTotal' as const })), lines, linesOf };
  const out: Disclosure[] = [];
  for (const r of recoverFromKnowledge(s, k)) {
    if (r.entry < live.length) {
      if (r.value > 0 && r.value < smallAtomThreshold)
        out.push({ kind: 'atom', what: String(live[r.entry]), value: r.value });
      continue;
    }
    const g = groups[r.entry - live.length]!;
    const more = g.answers.length > 1 ? ` (et ${g.answers.length - 1} autres réponses)` : '';
    out.push({ kind: 'answer', what: `${g.answers[0]!.source}${more}`, value: r.value });
  }
  return out;
};
