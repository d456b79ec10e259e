import { describe, expect, it } from 'vitest';
import { sampleFamily } from './fixtures.js';
import { layoutGenogram } from './layout.js';
import { renderGenogramSvg } from './render.js';
import { Genogram } from './schema.js';

describe('renderGenogramSvg', () => {
  const g = sampleFamily();
  const svg = renderGenogramSvg(g, layoutGenogram(g));
  const personSvg = (id: string) =>
    svg.split('\n').find((l) => l.includes(`data-id="${id}"`) && l.includes('geno-person'))!;

  it('draws squares, circles and diamonds; an X for the deceased; a double outline for the index person', () => {
    expect(personSvg('gp1')).toMatch(/<rect[^>]*\/>.*<line.*<line/);
    expect(personSvg('gm1')).toContain('<circle');
    expect(personSvg('gm1')).not.toContain('<line');
    expect(personSvg('ad')).toContain('<polygon');
    expect(personSvg('ad')).toContain('>?</text>');
    expect(personSvg('a').match(/<circle/g)).toHaveLength(2);
    expect(personSvg('gp1')).toContain('>1940<');
    expect(personSvg('gp1')).toContain('>2010<');
  });

  it('marks a divorce with two slashes and a union libre with a dashed line', () => {
    const u1 = svg.split('\n').find((l) => l.includes('data-id="u1"'))!;
    const u2 = svg.split('\n').find((l) => l.includes('data-id="u2"'))!;
    expect(u1.match(/<line/g)).toHaveLength(2);
    expect(u1).toContain('d. 1996');
    expect(u2).toContain('stroke-dasharray');
  });

  it('draws the adoption dashed, identical twins with a bar, and the household boundary', () => {
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('class="geno-household"');
    const fam = svg.split('\n').filter((l) => l.includes('geno-family'));
    // u2's family: trunk, bar, 3 child lines, the identical twins' bar.
    expect(fam.some((l) => (l.match(/<line/g) ?? []).length === 6)).toBe(true);
  });

  it('escapes labels and draws relationship lines only when given', () => {
    const h = Genogram.parse({
      persons: [
        { id: 'x', sex: 'male', label: '<script>' },
        { id: 'y', sex: 'female' },
      ],
    });
    const out = renderGenogramSvg(h, layoutGenogram(h));
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('polyline');
    const rel = renderGenogramSvg(h, layoutGenogram(h), { relations: [{ a: 'x', b: 'y', kind: 'conflictual' }] });
    expect(rel).toContain('<polyline');
  });
});
