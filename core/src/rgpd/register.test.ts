import { describe, expect, it } from 'vitest';
import { FIELD_CATALOGUE, SECTIONS } from './field-catalogue.js';
import { buildRegister, registerToMarkdown } from './register.js';
import { DATA_CATEGORIES, PURPOSES, SECURITY_MEASURES } from './vocabulary.js';

describe('register (art. 30) and AIPD inventory from the catalogue', () => {
  const md = registerToMarkdown(buildRegister('2026-11-25'));

  it('lists every catalogued field, every purpose, every data category and every security measure', () => {
    for (const f of FIELD_CATALOGUE) expect(md, f.name).toContain(`| ${f.label} |`);
    for (const p of Object.values(PURPOSES)) expect(md).toContain(`- ${p}`);
    for (const c of Object.values(DATA_CATEGORIES)) expect(md).toContain(c.label);
    for (const m of SECURITY_MEASURES) expect(md).toContain(`- ${m}`);
    expect(md).toContain('Généré le 25/11/2026');
  });

  it('says which categories are not collected and which sections are optional', () => {
    expect(md).toMatch(
      /\| NIR \(numéro de sécurité sociale\) \(Décret-cadre NIR\) \| 0 \| Non collectée : aucun champ \|/,
    );
    expect(md).toMatch(/\| Infractions, condamnations \(RGPD art\. 10\) \| 0 \| Non collectée/);
    expect(md).toContain(`### ${SECTIONS.sante.label} — section facultative, fermée par défaut, ouverte sur motif`);
    expect(md).toContain(`### ${SECTIONS.identity.label}\n`);
  });

  it('is well-formed Markdown: every table row has as many cells as its header', () => {
    const lines = md.split('\n');
    let width = 0;
    for (const l of lines) {
      if (!l.startsWith('|')) {
        width = 0;
        continue;
      }
      const cells = l.replace(/\\\|/g, '').split('|').length - 2;
      if (width === 0) width = cells;
      expect(cells, l).toBe(width);
    }
  });

  it('a field added to the catalogue appears in the next register', () => {
    const before = registerToMarkdown(buildRegister('2026-11-25'));
    expect(before).toBe(md);
    expect(before.match(/^\| /gm)?.length).toBeGreaterThan(FIELD_CATALOGUE.length);
  });
});
