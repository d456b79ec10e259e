import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { CsvReader, decodeChunks } from './csv.js';

/** The streamed reading of text exports (docs/architecture.md, "Import pipeline"): slices cut anywhere read alike. */

async function* from(parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield p;
}
const decode = async (parts: Buffer[]) => {
  let out = '';
  for await (const s of decodeChunks(from(parts))) out += s;
  return out;
};
/** Every way of cutting `bytes` in two, and in single bytes. */
const cuts = (bytes: Buffer): Buffer[][] => [
  ...Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]),
  [...bytes].map((b) => Buffer.from([b])),
];
const rowsOf = (slices: string[], delimiter = ';') => {
  const r = new CsvReader(delimiter);
  return [...slices.flatMap((s) => r.push(s)), ...r.end()];
};

describe('decodeChunks', () => {
  it('reads UTF-8 with or without a BOM, a character cut between two slices kept whole', async () => {
    const text = 'NOM;PRÉNOM\r\nLefèvre;Zoé\r\n';
    for (const bom of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf])])
      for (const parts of cuts(Buffer.concat([bom, Buffer.from(text, 'utf8')]))) expect(await decode(parts)).toBe(text);
  });

  it('reads Windows-1252 even when its first bytes are ASCII', async () => {
    const bytes = Buffer.from([...Buffer.from('NOM;PRENOM\r\nLef'), 0xe8, ...Buffer.from('vre;Zo'), 0xe9]);
    for (const parts of cuts(bytes)) expect(await decode(parts)).toBe('NOM;PRENOM\r\nLefèvre;Zoé');
  });

  it('refuses an encoding that changes midway, bytes of no encoding, and control bytes', async () => {
    const mixed = Buffer.concat([Buffer.from('Zoé;', 'utf8'), Buffer.from([0x41, 0xe9, 0x41])]);
    const binary = Buffer.from([0x4e, 0x3b, 0x81, 0x8d]);
    for (const bytes of [mixed, binary, Buffer.from([0x41, 0x00, 0x42])]) {
      const err = await decode([bytes]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('unknown_encoding');
    }
  });
});

describe('CsvReader', () => {
  const text = 'a;"b;""c""\r\nd";e\r\n\r\nf;g\rh;"i"\n';
  const expected = [
    ['a', 'b;"c"\r\nd', 'e'],
    ['f', 'g'],
    ['h', 'i'],
  ];

  it('reads quoted fields, doubled quotes, line breaks in quotes and blank lines, however the text is sliced', () => {
    expect(rowsOf([text])).toEqual(expected);
    for (let i = 0; i <= text.length; i++) expect(rowsOf([text.slice(0, i), text.slice(i)])).toEqual(expected);
    expect(rowsOf([...text])).toEqual(expected);
  });

  it('refuses a row of over a million characters (not an export: never the whole file in memory)', () => {
    const r = new CsvReader(';');
    expect(() => r.push('x'.repeat(1_100_000))).toThrow(AppError);
  });
});
