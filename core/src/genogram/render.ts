import type { GenogramLayout, GenoLink, GenoNode } from './layout.js';
import type { GenoPerson, GenoRelation, Genogram, GenoUnion } from './schema.js';

/**
 * The genogram as SVG, by the McGoldrick conventions (docs/domain.md §8): square = man, circle = woman, diamond =
 * unknown or other (a « ? » when unknown); X = deceased; double outline = index person; union line solid (mariage,
 * PACS) or dashed (union libre), one slash = separation, two = divorce; child line solid (biological), dashed
 * (adopted), dotted (foster), dash-dot (placed); twins fork from one point, identical twins joined by a bar; a dashed
 * rounded line around a household. Pure: the server's `.svg` route and the web editor draw the same picture.
 */
const R = 20;
const INK = '#161616';
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n1 = (v: number) => String(Math.round(v * 10) / 10);
const line = (x1: number, y1: number, x2: number, y2: number, extra = '') =>
  `<line x1="${n1(x1)}" y1="${n1(y1)}" x2="${n1(x2)}" y2="${n1(y2)}"${extra}/>`;
const text = (x: number, y: number, s: string, anchor = 'middle', size = 11) =>
  `<text x="${n1(x)}" y="${n1(y)}" text-anchor="${anchor}" font-size="${size}" fill="${INK}" stroke="none">${esc(s)}</text>`;

/** A white outline under a text, so lines passing behind it leave it legible. */
const halo = (t: string) => t.replace('stroke="none"', 'stroke="#fff" stroke-width="3" paint-order="stroke"');

const FILIATION_DASH = {
  biological: '',
  adopted: ' stroke-dasharray="6 4"',
  foster: ' stroke-dasharray="2 3"',
  placed: ' stroke-dasharray="8 3 2 3"',
};

function shape(p: GenoPerson, x: number, y: number, grow = 0): string {
  const r = (p.kind === 'person' ? R : R * 0.7) + grow;
  if (p.kind !== 'person')
    return `<polygon points="${n1(x)},${n1(y - r)} ${n1(x + r)},${n1(y + r * 0.8)} ${n1(x - r)},${n1(y + r * 0.8)}"/>`;
  if (p.sex === 'male') return `<rect x="${n1(x - r)}" y="${n1(y - r)}" width="${n1(2 * r)}" height="${n1(2 * r)}"/>`;
  if (p.sex === 'female') return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${n1(r)}"/>`;
  return `<polygon points="${n1(x)},${n1(y - r - 4)} ${n1(x + r + 4)},${n1(y)} ${n1(x)},${n1(y + r + 4)} ${n1(x - r - 4)},${n1(y)}"/>`;
}

function person(p: GenoPerson, n: GenoNode): string {
  const parts = [shape(p, n.x, n.y)];
  if (p.index) parts.push(shape(p, n.x, n.y, 5));
  if (p.sex === 'unknown' && p.kind === 'person') parts.push(text(n.x, n.y + 4, '?', 'middle', 14));
  const cross = p.kind === 'person' ? R : R * 0.7;
  if (p.deceased || p.kind === 'miscarriage')
    parts.push(
      line(n.x - cross, n.y - cross, n.x + cross, n.y + cross),
      line(n.x - cross, n.y + cross, n.x + cross, n.y - cross),
    );
  if (p.birthYear) parts.push(text(n.x - R - 2, n.y - R - 8, String(p.birthYear), 'end', 10));
  if (p.deathYear) parts.push(text(n.x + R + 2, n.y - R - 8, String(p.deathYear), 'start', 10));
  if (p.label) parts.push(halo(text(n.x, n.y + R + 15, p.label)));
  const name = p.label ?? p.id;
  return `<g class="geno-person" data-id="${esc(p.id)}" tabindex="-1"><title>${esc(name)}</title>${parts.join('')}</g>`;
}

const UNION_TAG = { mariage: 'm.', pacs: 'PACS', union_libre: 'u.l.' };

function union(u: GenoUnion, l: GenogramLayout['unions'][number], nodes: Map<string, GenoNode>): string {
  const a = nodes.get(l.a)!;
  const b = nodes.get(l.b)!;
  const dash = u.type === 'union_libre' ? ' stroke-dasharray="7 4"' : '';
  const d = `M${n1(a.x)},${n1(a.y + R)} V${n1(l.y)} H${n1(b.x)} V${n1(b.y + R)}`;
  const parts = [`<path d="${d}" fill="none"${dash}/>`];
  const mid = (l.x1 + l.x2) / 2;
  const slashes = u.divorceYear ? 2 : u.separationYear ? 1 : 0;
  for (let i = 0; i < slashes; i++) parts.push(line(mid - 10 + i * 8, l.y + 8, mid - 2 + i * 8, l.y - 8));
  const years = [
    `${UNION_TAG[u.type]}${u.startYear ? ` ${u.startYear}` : ''}`,
    u.separationYear ? `s. ${u.separationYear}` : '',
    u.divorceYear ? `d. ${u.divorceYear}` : '',
  ].filter(Boolean);
  parts.push(text(mid, l.y + 14, years.join(' '), 'middle', 9));
  return `<g class="geno-union" data-id="${esc(u.id)}">${parts.join('')}</g>`;
}

/** Child lines of one family: down from the union, along a sibling bar, down to each child; twins fork. */
function family(links: GenoLink[], twinOf: Map<string, { key: number; identical: boolean }>, rank: number): string {
  const first = links[0]!;
  // Families of one row alternate their sibling bar's height, so two bars never merge into one.
  const barY = (first.fromY + first.toY) / 2 - 4 + (rank % 3) * 8;
  const tops = new Map<string, number>();
  for (const k of links) {
    const tw = twinOf.get(k.child);
    const group = tw ? links.filter((o) => twinOf.get(o.child)?.key === tw.key) : [k];
    tops.set(k.child, group.reduce((s, o) => s + o.toX, 0) / group.length);
  }
  const xs = [first.fromX, ...tops.values()];
  const parts = [line(first.fromX, first.fromY, first.fromX, barY), line(Math.min(...xs), barY, Math.max(...xs), barY)];
  for (const k of links) parts.push(line(tops.get(k.child)!, barY, k.toX, k.toY, FILIATION_DASH[k.kind]));
  const drawn = new Set<number>();
  for (const k of links) {
    const tw = twinOf.get(k.child);
    if (!tw?.identical || drawn.has(tw.key)) continue;
    drawn.add(tw.key);
    const group = links.filter((o) => twinOf.get(o.child)?.key === tw.key).sort((a, b) => a.toX - b.toX);
    const at = (o: GenoLink) => tops.get(o.child)! + (o.toX - tops.get(o.child)!) * 0.5;
    const y = barY + (k.toY - barY) * 0.5;
    parts.push(line(at(group[0]!), y, at(group[group.length - 1]!), y));
  }
  return `<g class="geno-family">${parts.join('')}</g>`;
}

function household(members: string[], nodes: Map<string, GenoNode>): string {
  const ns = members.map((m) => nodes.get(m)!).filter(Boolean);
  if (ns.length === 0) return '';
  const x1 = Math.min(...ns.map((n) => n.x)) - R - 16;
  const x2 = Math.max(...ns.map((n) => n.x)) + R + 16;
  const y1 = Math.min(...ns.map((n) => n.y)) - R - 22;
  const y2 = Math.max(...ns.map((n) => n.y)) + R + 24;
  const box = `x="${n1(x1)}" y="${n1(y1)}" width="${n1(x2 - x1)}" height="${n1(y2 - y1)}" rx="26"`;
  return `<rect class="geno-household" ${box} fill="none" stroke="#6a6af4" stroke-dasharray="10 5"/>`;
}

function relation(r: GenoRelation, nodes: Map<string, GenoNode>): string {
  const a = nodes.get(r.a);
  const b = nodes.get(r.b);
  if (!a || !b) return '';
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy, px, py] = [dx / len, dy / len, -dy / len, dx / len];
  const from = (t: number, o: number) => [a.x + ux * t + px * o, a.y + uy * t + py * o] as const;
  const seg = (o: number, extra = '') => line(...from(R, o), ...from(len - R, o), extra);
  const color = r.kind === 'violence' ? '#c9191e' : '#8d4b00';
  if (r.kind === 'close') return `<g stroke="${color}">${seg(-3)}${seg(3)}</g>`;
  if (r.kind === 'distant') return `<g stroke="${color}">${seg(0, ' stroke-dasharray="3 6"')}</g>`;
  if (r.kind === 'cutoff') {
    const m = len / 2;
    return `<g stroke="${color}">${seg(0)}${line(...from(m - 4, -8), ...from(m - 4, 8))}${line(...from(m + 4, -8), ...from(m + 4, 8))}</g>`;
  }
  const steps = Math.max(2, Math.floor((len - 2 * R) / 10));
  const pts = Array.from({ length: steps + 1 }, (_, i) => from(R + ((len - 2 * R) * i) / steps, i % 2 ? 6 : -6));
  return `<polyline points="${pts.map(([x, y]) => `${n1(x)},${n1(y)}`).join(' ')}" fill="none" stroke="${color}"/>`;
}

export interface RenderOptions {
  /** The relationship lines, drawn only when given (opened with a reason). */
  relations?: GenoRelation[];
  title?: string;
}

export function renderGenogramSvg(g: Genogram, layout: GenogramLayout, opts: RenderOptions = {}): string {
  const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
  const twinOf = new Map<string, { key: number; identical: boolean }>();
  g.twins.forEach((t, key) => t.members.forEach((m) => twinOf.set(m, { key, identical: t.identical })));
  const families = new Map<string, GenoLink[]>();
  for (const k of layout.links) families.set(k.from, [...(families.get(k.from) ?? []), k]);
  const unionById = new Map(g.unions.map((u) => [u.id, u]));
  const title = opts.title ?? 'Génogramme';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<g font-family="Marianne, Arial, sans-serif" fill="${INK}">`,
    ...g.households.map((h) => household(h.members, nodes)),
    `<g stroke="${INK}" stroke-width="1.5" fill="none">`,
    ...layout.unions.map((l) => union(unionById.get(l.id)!, l, nodes)),
    ...[...families.values()]
      .sort((a, b) => a[0]!.fromY - b[0]!.fromY || a[0]!.fromX - b[0]!.fromX)
      .map((links, i) => family(links, twinOf, i)),
    `</g>`,
    `<g stroke-width="1.5">`,
    ...(opts.relations ?? []).map((r) => relation(r, nodes)),
    `</g>`,
    `<g stroke="${INK}" stroke-width="1.5" fill="#fff">`,
    ...g.persons.map((p) => person(p, nodes.get(p.id)!)),
    `</g>`,
    `</g>`,
    `</svg>`,
  ].join('\n');
}
