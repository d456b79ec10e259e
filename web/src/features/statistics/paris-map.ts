/**
 * A schematic map of the 20 arrondissements, computed (not traced): each arrondissement is the Voronoi cell of its
 * approximate centre, clipped by an approximate outline of the boulevard périphérique. It keeps the neighbourhoods
 * and the spiral of the numbering, which is what a reader of the statistics needs, with no map data to ship or
 * download. Coordinates: longitude, latitude (approximate centres of the built-up part, woods left out).
 */
const CENTRES: Record<number, [number, number]> = {
  1: [2.3363, 48.8625],
  2: [2.3428, 48.8683],
  3: [2.36, 48.863],
  4: [2.3576, 48.8543],
  5: [2.3507, 48.8445],
  6: [2.3328, 48.8491],
  7: [2.3122, 48.8562],
  8: [2.3125, 48.8727],
  9: [2.3375, 48.877],
  10: [2.3607, 48.8762],
  11: [2.38, 48.8591],
  12: [2.39, 48.839],
  13: [2.3622, 48.8283],
  14: [2.3266, 48.8292],
  15: [2.2929, 48.8401],
  16: [2.272, 48.862],
  17: [2.3067, 48.8873],
  18: [2.3484, 48.8925],
  19: [2.3848, 48.8871],
  20: [2.4011, 48.8634],
};
const OUTLINE: [number, number][] = [
  [2.2795, 48.8785],
  [2.292, 48.888],
  [2.32, 48.9],
  [2.348, 48.9015],
  [2.37, 48.901],
  [2.39, 48.898],
  [2.41, 48.878],
  [2.412, 48.848],
  [2.411, 48.833],
  [2.39, 48.826],
  [2.364, 48.8165],
  [2.34, 48.817],
  [2.32, 48.824],
  [2.296, 48.83],
  [2.272, 48.839],
  [2.256, 48.847],
  [2.254, 48.864],
  [2.263, 48.874],
];

type Pt = [number, number];
const WIDTH = 600;
const X0 = 2.25;
const Y0 = 48.905;
const SCALE = WIDTH / ((2.42 - X0) * Math.cos((48.86 * Math.PI) / 180));
const project = ([lon, lat]: Pt): Pt => [(lon - X0) * Math.cos((48.86 * Math.PI) / 180) * SCALE, (Y0 - lat) * SCALE];

/** Keeps the part of `poly` closer to `a` than to `b` (Sutherland–Hodgman against the bisector). */
const clipCloser = (poly: Pt[], a: Pt, b: Pt): Pt[] => {
  const n: Pt = [b[0] - a[0], b[1] - a[1]];
  const c = (n[0] * (a[0] + b[0])) / 2 + (n[1] * (a[1] + b[1])) / 2;
  const side = (p: Pt) => n[0] * p[0] + n[1] * p[1] - c; // < 0: on a's side
  const out: Pt[] = [];
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % poly.length]!;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
};

export interface ArrondissementShape {
  n: number;
  path: string;
  label: Pt;
}

export const MAP_VIEWBOX = `0 0 ${WIDTH} ${Math.round((Y0 - 48.81) * SCALE)}`;

export const ARRONDISSEMENT_SHAPES: ArrondissementShape[] = (() => {
  const outline = OUTLINE.map(project);
  const centres = Object.entries(CENTRES).map(([n, c]) => [Number(n), project(c)] as const);
  return centres.map(([n, c]) => {
    let cell = outline;
    for (const [m, d] of centres) if (m !== n) cell = clipCloser(cell, c, d);
    const path = `M${cell.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L')}Z`;
    return { n, path, label: c };
  });
})();
