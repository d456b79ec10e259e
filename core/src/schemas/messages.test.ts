import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnyDate, Code, PastDate } from './common.js';
import { ExtendRetentionInput } from './partage.js';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('error messages a person reads, consistent with the hints', () => {
  it('a wrong date asks for jj/mm/aaaa, the format of the form', () => {
    expect(message(PastDate.safeParse('31/02/2020'))).toBe('Date invalide : saisissez jj/mm/aaaa');
    expect(message(AnyDate.safeParse('2024-13-01'))).toBe('Date invalide : saisissez jj/mm/aaaa');
  });

  it('a choice left empty is "obligatoire"; a value outside the list asks to choose from it', () => {
    const reason = (v: unknown) =>
      ExtendRetentionInput.safeParse({ kind: 'prolongation', untilDate: '2030-01-01', reason: v, note: 'x' });
    expect(message(reason(undefined))).toBe('Motif obligatoire');
    expect(message(reason(''))).toBe('Motif obligatoire');
    expect(message(reason('nimporte'))).toBe('Motif : choisissez une valeur de la liste');
    const nationality = Code('nationalite');
    expect(message(nationality.safeParse('zz'))).toBe('Nationalité : choisissez une valeur de la liste');
    expect(message(nationality.safeParse(undefined))).toBe('Nationalité obligatoire');
  });
});

/** Every non-test source file of the three packages (core, server, web). */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
/** Comments may name the wire format; only the code's strings are read by people. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
/** Wording that contradicts the hints ("jj/mm/aaaa", "Motif obligatoire"): docs/style-guide, messages. */
const FORBIDDEN = [/aaaa-mm-jj/i, /hors de la liste/i, /format attendu\s*:?\s*(aaaa|yyyy)/i];

describe('no message in the code contradicts the hints', () => {
  it('no string literal asks for "aaaa-mm-jj", says "valeur hors de la liste" or "format attendu"', () => {
    const files = ['core/src', 'server/src', 'web/src'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const literals = withoutComments(readFileSync(file, 'utf8')).match(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g) ?? [];
      for (const lit of literals)
        if (FORBIDDEN.some((re) => re.test(lit))) found.push(`${file.slice(ROOT.length)}: ${lit}`);
    }
    expect(found).toEqual([]);
  });
});
