import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DecryptError, keyIdOf, open, seal } from './envelope.js';
import { addKey, generateKeyring, loadOrCreateKeyFile, readKeyFile, writeKeyFile } from './keyring.js';

const dir = mkdtempSync(join(tmpdir(), 'jalon-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AES-256-GCM envelope', () => {
  const k = generateKeyring();
  it('round-trips any text, with a fresh IV each time', () => {
    for (const text of ['', 'Point logement.', 'Émilie — ﻣﺮﺣﺒﺎ 👋 \u0000 e\u0301']) {
      const a = seal(k, text, 'journal_entry.note:1');
      expect(a).toMatch(/^jk1\.k1\.[\w-]{16}\.[\w-]{22}\.[\w-]*$/);
      expect(open(k, a, 'journal_entry.note:1')).toBe(text);
    }
    expect(seal(k, 'x', 'a')).not.toBe(seal(k, 'x', 'a'));
  });
  it('never gives two values the same IV, across the random pools the IVs are cut from', () => {
    const ivs = Array.from({ length: 2_000 }, () => seal(k, 'x', 'a').split('.')[2]);
    expect(new Set(ivs).size).toBe(2_000);
    expect(ivs.every((iv) => Buffer.from(iv ?? '', 'base64url').length === 12)).toBe(true);
  });
  it('refuses a ciphertext moved to another row, altered, or sealed with an unknown key', () => {
    const env = seal(k, 'Secret', 'journal_entry.note:1');
    expect(() => open(k, env, 'journal_entry.note:2')).toThrow(DecryptError);
    const parts = env.split('.');
    const ct = Buffer.from(parts[4] as string, 'base64url');
    ct[0] = (ct[0] as number) ^ 1;
    expect(() => open(k, [...parts.slice(0, 4), ct.toString('base64url')].join('.'), 'journal_entry.note:1')).toThrow(
      DecryptError,
    );
    expect(() => open(generateKeyring(), env, 'journal_entry.note:1')).toThrow(DecryptError);
    expect(() => open(k, 'jk1.k1.abc', 'x')).toThrow(DecryptError);
  });
  it('after a rotation the new key seals and the old one still opens', () => {
    const env = seal(k, 'Ancien', 'a');
    const k2 = addKey(k);
    expect(k2.currentId).toBe('k2');
    expect(keyIdOf(seal(k2, 'Nouveau', 'a'))).toBe('k2');
    expect(open(k2, env, 'a')).toBe('Ancien');
  });
});

describe('key file', () => {
  it('is created on first start with mode 0600, then read back unchanged', () => {
    const path = join(dir, 'data', 'jalon.key');
    const first = loadOrCreateKeyFile(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadOrCreateKeyFile(path);
    expect(again.created).toBe(false);
    expect(again.keyring.keys.get('k1')?.equals(first.keyring.keys.get('k1') as Buffer)).toBe(true);
  });
  it('keeps every key after a rotation and leaves no temporary file', () => {
    const path = join(dir, 'rot.key');
    const k = generateKeyring();
    writeKeyFile(path, k);
    writeKeyFile(path, addKey(k));
    const back = readKeyFile(path);
    expect(back.currentId).toBe('k2');
    expect([...back.keys.keys()]).toEqual(['k1', 'k2']);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8')).format).toBe('jalon-keys-1');
  });
  it('refuses a damaged file with a clear message', () => {
    const path = join(dir, 'bad.key');
    writeKeyFile(path, generateKeyring());
    const f = JSON.parse(readFileSync(path, 'utf8'));
    f.keys.k1 = Buffer.alloc(8).toString('base64');
    writeFileSync(path, JSON.stringify(f));
    expect(() => readKeyFile(path)).toThrow(/Clé k1 invalide/);
  });
});
