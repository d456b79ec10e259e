import { parentsOf, type GenoFiliationKind, type Genogram } from './schema.js';

/** Distances of the drawing, in SVG user units (docs/domain.md §8). */
export const GENO_SLOT = 100;
export const GENO_ROW = 130;
export const GENO_MARGIN = 60;

export interface GenoNode {
  id: string;
  x: number;
  y: number;
  gen: number;
}
export interface GenoUnionLayout {
  id: string;
  a: string;
  b: string;
  x1: number;
  x2: number;
  y: number;
}
/** A child's line: from its parents' union (or lone parent) to the child. */
export interface GenoLink {
  child: string;
  /** The union's id or the lone parent's id. */
  from: string;
  kind: GenoFiliationKind;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
}
export interface GenogramLayout {
  nodes: GenoNode[];
  unions: GenoUnionLayout[];
  links: GenoLink[];
  width: number;
  height: number;
}

/** Who descends from what: the family key of a child (union id or lone parent id). */
const familyKey = (f: Genogram['filiations'][number]) => (f.union ?? f.parent) as string;

/** Generations: a child one below its lowest-placed parent, partners on one row (longest path, bounded). */
function generations(g: Genogram): Map<string, number> {
  const gen = new Map(g.persons.map((p) => [p.id, 0]));
  const parents = parentsOf(g);
  for (let round = 0; round <= g.persons.length + 1; round++) {
    let changed = false;
    const raise = (id: string, v: number) => {
      if ((gen.get(id) ?? 0) >= v) return;
      gen.set(id, v);
      changed = true;
    };
    for (const [child, ps] of parents) for (const p of ps) raise(child, (gen.get(p) ?? 0) + 1);
    for (const u of g.unions) {
      const v = Math.max(gen.get(u.a) ?? 0, gen.get(u.b) ?? 0);
      raise(u.a, v);
      raise(u.b, v);
    }
    if (!changed) break;
  }
  return gen;
}

/** Birth order of siblings: eldest first (birth year, then the order of the data). */
const byBirth = (g: Genogram) => {
  const rank = new Map(g.persons.map((p, i) => [p.id, [p.birthYear ?? Infinity, i] as const]));
  return (a: string, b: string) => {
    const [ya, ia] = rank.get(a)!;
    const [yb, ib] = rank.get(b)!;
    return ya === yb ? ia - ib : ya - yb;
  };
};

/**
 * A couple chain: the person and their partners of the same row, a person with two unions between their partners
 * (first union on the left, a later one on the right), a man left of a woman in a single couple.
 */
function chainOf(g: Genogram, start: string, gen: Map<string, number>, placed: Set<string>): string[] {
  const hasParents = new Set(g.filiations.map((f) => f.child));
  const sex = new Map(g.persons.map((p) => [p.id, p.sex]));
  const partners = (id: string) =>
    g.unions
      .filter((u) => u.a === id || u.b === id)
      .map((u) => (u.a === id ? u.b : u.a))
      .filter((o) => gen.get(o) === gen.get(id) && !placed.has(o));
  const chain = [start];
  placed.add(start);
  const mine = partners(start);
  const left: string[] = [];
  const right: string[] = [];
  mine.forEach((p, i) => {
    placed.add(p);
    (i === 0 && mine.length > 1 ? left : right).push(p);
  });
  // A partner with parents in the drawing goes right (their family comes next); one who married in, by the convention.
  const conventional = sex.get(start) === 'female' && sex.get(mine[0]!) === 'male' && !hasParents.has(mine[0]!);
  if (mine.length === 1 && conventional) left.push(right.pop()!);
  // Partners' own other partners continue the chain outward (a remarriage on either side).
  const extend = (side: string[]) => {
    for (let i = 0; i < side.length; i++)
      for (const q of partners(side[i]!)) {
        placed.add(q);
        side.push(q);
      }
  };
  extend(left);
  extend(right);
  return [...left.reverse(), ...chain, ...right];
}

/** Order of each row: top row by the data, then each row by its parents' order and the siblings' birth order. */
function rows(g: Genogram, gen: Map<string, number>): string[][] {
  const depth = Math.max(0, ...gen.values());
  const out: string[][] = Array.from({ length: depth + 1 }, () => []);
  const placed = new Set<string>();
  const childrenOf = new Map<string, string[]>();
  for (const f of g.filiations) childrenOf.set(familyKey(f), [...(childrenOf.get(familyKey(f)) ?? []), f.child]);
  const cmp = byBirth(g);
  for (const kids of childrenOf.values()) kids.sort(cmp);
  const hasParents = new Set(g.filiations.map((f) => f.child));
  const place = (row: number, id: string) => {
    if (!placed.has(id) && gen.get(id) === row) out[row]!.push(...chainOf(g, id, gen, placed));
  };
  for (const p of g.persons) if (gen.get(p.id) === 0 && !hasParents.has(p.id)) place(0, p.id);
  for (let r = 1; r <= depth; r++) {
    const above = out[r - 1]!;
    const seen = new Set<string>();
    // Families in the order of their leftmost parent above; a lone parent's children right after the parent.
    for (let i = 0; i < above.length; i++) {
      const id = above[i]!;
      const fams = [...g.unions.filter((u) => u.a === id || u.b === id).map((u) => u.id), id].filter(
        (k) => !seen.has(k),
      );
      fams.forEach((k) => seen.add(k));
      for (const k of fams) for (const c of childrenOf.get(k) ?? []) place(r, c);
    }
    // Persons of this row with no placed relative (parents lower in the data): at the end, in data order.
    for (const p of g.persons) if (!hasParents.has(p.id)) place(r, p.id);
    for (const p of g.persons) place(r, p.id);
  }
  return out;
}

/** Keeps the order, pushes to the right what would overlap (one slot between two symbols). */
function sweep(row: string[], x: Map<string, number>): void {
  for (let i = 1; i < row.length; i++) {
    const min = x.get(row[i - 1]!)! + 1;
    if (x.get(row[i]!)! < min) x.set(row[i]!, min);
  }
}

/**
 * Lays a genogram out (docs/domain.md §8): rows are generations, partners side by side, siblings eldest on the left
 * under their parents, parents above the middle of their children, no two symbols on one slot. Pure and deterministic.
 */
export function layoutGenogram(g: Genogram): GenogramLayout {
  const gen = generations(g);
  const order = rows(g, gen);
  const x = new Map<string, number>();
  for (const row of order) row.forEach((id, i) => x.set(id, i));
  const unions = new Map(g.unions.map((u) => [u.id, u]));
  const familyX = (key: string) => {
    const u = unions.get(key);
    return u ? (x.get(u.a)! + x.get(u.b)!) / 2 : x.get(key)!;
  };
  const families = new Map<string, string[]>();
  for (const f of g.filiations) families.set(familyKey(f), [...(families.get(familyKey(f)) ?? []), f.child]);
  for (let pass = 0; pass < 4; pass++) {
    // Up: parents moved right over their children when these are further right.
    for (let r = order.length - 2; r >= 0; r--) {
      for (const [key, kids] of families) {
        const u = unions.get(key);
        const members = u ? [u.a, u.b] : [key];
        if (members.some((m) => gen.get(m) !== r)) continue;
        const xs = kids.map((k) => x.get(k)!);
        const shift = (Math.min(...xs) + Math.max(...xs)) / 2 - familyX(key);
        if (shift > 0) shiftFrom(order[r]!, members, shift, x, g);
      }
      sweep(order[r]!, x);
    }
    // Down: each sibling row centred under its parents.
    for (let r = 1; r < order.length; r++) {
      for (const [key, kids] of families) {
        const row = kids.filter((k) => gen.get(k) === r).sort((a, b) => x.get(a)! - x.get(b)!);
        if (row.length === 0) continue;
        const shift = familyX(key) - (x.get(row[0]!)! + x.get(row[row.length - 1]!)!) / 2;
        if (shift > 0) for (const k of row) x.set(k, x.get(k)! + shift);
      }
      sweep(order[r]!, x);
    }
  }
  return toLayout(g, gen, x);
}

/** Moves a couple chain and what stands right of it in its row (keeps partners together and the row's gaps). */
function shiftFrom(row: string[], members: string[], shift: number, x: Map<string, number>, g: Genogram): void {
  const partners = (a: string, b: string) => g.unions.some((u) => (u.a === a && u.b === b) || (u.a === b && u.b === a));
  let start = Math.min(...members.map((m) => row.indexOf(m)));
  while (start > 0 && partners(row[start - 1]!, row[start]!)) start--;
  for (let i = start; i < row.length; i++) x.set(row[i]!, x.get(row[i]!)! + shift);
}

function toLayout(g: Genogram, gen: Map<string, number>, x: Map<string, number>): GenogramLayout {
  const minX = Math.min(...x.values());
  const px = (id: string) => GENO_MARGIN + (x.get(id)! - minX) * GENO_SLOT;
  const py = (id: string) => GENO_MARGIN + gen.get(id)! * GENO_ROW;
  const nodes = g.persons.map((p) => ({ id: p.id, x: px(p.id), y: py(p.id), gen: gen.get(p.id)! }));
  const unionLayouts = g.unions.map((u) => {
    const [x1, x2] = [px(u.a), px(u.b)].sort((a, b) => a - b) as [number, number];
    return { id: u.id, a: u.a, b: u.b, x1, x2, y: Math.max(py(u.a), py(u.b)) + 48 };
  });
  const byUnion = new Map(unionLayouts.map((u) => [u.id, u]));
  const links = g.filiations.map((f) => {
    const u = f.union ? byUnion.get(f.union) : undefined;
    const key = familyKey(f);
    return {
      child: f.child,
      from: key,
      kind: f.kind,
      fromX: u ? (u.x1 + u.x2) / 2 : px(key),
      fromY: u ? u.y : py(key) + 22,
      toX: px(f.child),
      toY: py(f.child) - 22,
    };
  });
  const width = Math.max(GENO_MARGIN * 2, ...nodes.map((n) => n.x + GENO_MARGIN));
  const height = Math.max(GENO_MARGIN * 2, ...nodes.map((n) => n.y + GENO_MARGIN + 20));
  return { nodes, unions: unionLayouts, links, width, height };
}
