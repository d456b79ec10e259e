import { AppError } from '../../../errors.js';
import { unknownEncoding } from './text.js';

/**
 * Streamed reading of the legacy tools' text exports (docs/architecture.md, "Import pipeline"): the bytes decoded as
 * they arrive (a BOM, else strict UTF-8, else Windows-1252: exact, since a file is switched to Windows-1252 only while
 * everything before was ASCII, which both read alike), then cut into rows by an RFC 4180 reader that keeps its state
 * between slices. Never the whole file in memory: at most a row.
 */

/** Bytes no Windows-1252 text holds: undefined code points and control characters other than tab and line ends. */
const NOT_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const isControl = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c;
const CONTROL_CHECKED = 1 << 20;
/** A row longer than this is no export row (a note holds 20,000 characters at most). */
export const MAX_ROW_CHARS = 1 << 20;

const mixed = () =>
  new AppError(
    422,
    'unknown_encoding',
    'Encodage du fichier incohérent (UTF-8 au début, puis autre chose) : enregistrez l’export en UTF-8 ou en Windows-1252 (ANSI), puis déposez-le à nouveau',
  );

/**
 * The end of the valid UTF-8 at the start of `b`: `end` (where an incomplete sequence begins, or the length), the
 * first invalid byte (`invalid`, -1 when none) and whether a non-ASCII character comes before it.
 */
function scanUtf8(b: Buffer): { end: number; invalid: number; nonAscii: boolean } {
  let nonAscii = false;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!n) return { end: i, invalid: i, nonAscii };
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < n; k++) {
      if (i + k >= b.length) return { end: i, invalid: -1, nonAscii };
      const x = b[i + k]!;
      if (x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return { end: i, invalid: i, nonAscii };
    }
    nonAscii = true;
    i += n;
  }
  return { end: i, invalid: -1, nonAscii };
}

/**
 * The text of a byte stream, slice by slice, whatever the cuts: UTF-8 (after a BOM, or while valid), Windows-1252 from
 * the first invalid UTF-8 byte when all before it was ASCII (read alike by both), else refused; UTF-16 after its BOM.
 */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const d = new Decoder();
  let start: Buffer | null = Buffer.alloc(0);
  for await (const chunk of chunks) {
    if (start) {
      // The first three bytes decide (a BOM), however the stream is cut.
      start = Buffer.concat([start, chunk]);
      if (start.length < 3) continue;
      const first = start;
      start = null;
      yield d.begin(first);
    } else yield d.next(chunk);
  }
  if (start?.length) yield d.begin(start);
  yield d.end();
}

class Decoder {
  private mode: 'utf-8' | 'bom' | 'utf-16' | 'windows-1252' = 'utf-8';
  private utf16: TextDecoder | null = null;
  private tail: Buffer = Buffer.alloc(0);
  private offset = 0;
  private nonAscii = false;

  begin(chunk: Buffer): string {
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.mode = 'bom';
      return this.next(chunk.subarray(3));
    }
    if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
      this.utf16 = new TextDecoder(chunk[0] === 0xff ? 'utf-16le' : 'utf-16be');
      this.mode = 'utf-16';
      return this.next(chunk.subarray(2));
    }
    return this.next(chunk);
  }

  next(chunk: Buffer): string {
    if (this.utf16) return this.utf16.decode(chunk, { stream: true });
    if (this.mode !== 'bom' && this.offset < CONTROL_CHECKED)
      for (const b of chunk.subarray(0, CONTROL_CHECKED - this.offset)) if (isControl(b)) throw unknownEncoding();
    this.offset += chunk.length;
    if (this.mode === 'windows-1252') return cp1252(chunk);
    const data = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const s = scanUtf8(data);
    if (s.invalid < 0) {
      this.nonAscii ||= s.nonAscii;
      this.tail = Buffer.from(data.subarray(s.end));
      return data.toString('utf8', 0, s.end);
    }
    return this.switchTo1252(data, s.nonAscii);
  }

  end(): string {
    if (this.utf16) return this.utf16.decode();
    // A sequence cut by the end of the file: not UTF-8.
    return this.tail.length ? this.switchTo1252(this.tail, false) : '';
  }

  /** Invalid UTF-8: Windows-1252 when every character so far was ASCII (read alike by both), else refused. */
  private switchTo1252(data: Buffer, nonAsciiBefore: boolean): string {
    if (this.mode === 'bom') throw unknownEncoding();
    if (this.nonAscii || nonAsciiBefore) throw mixed();
    this.mode = 'windows-1252';
    this.tail = Buffer.alloc(0);
    return cp1252(data);
  }
}

const cp1252 = (b: Buffer) => {
  for (const x of b) if (NOT_1252.has(x)) throw unknownEncoding();
  return new TextDecoder('windows-1252').decode(b);
};

/** RFC 4180 rows from slices of text: a quoted field may hold the delimiter, doubled quotes and line breaks. */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  private size = 0;
  /** The last characters of a slice when reading them needs the next one ('"', '\r'): read with the next slice. */
  private carry = '';
  constructor(private readonly delimiter: string) {}

  push(slice: string): string[][] {
    let text = this.carry + slice;
    const tail = /["\r]*$/.exec(text)?.[0] ?? '';
    this.carry = tail;
    text = text.slice(0, text.length - tail.length);
    return this.read(text);
  }

  end(): string[][] {
    const out = this.read(this.carry);
    this.carry = '';
    this.row.push(this.field);
    if (this.row.some((f) => f.trim() !== '')) out.push(this.row);
    this.row = [];
    this.field = '';
    return out;
  }

  private read(text: string): string[][] {
    const rows: string[][] = [];
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (++this.size > MAX_ROW_CHARS) throw rowTooLong();
      if (this.quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.quoted = false;
        } else this.field += ch;
      } else if (ch === '"' && this.field === '') this.quoted = true;
      else if (ch === d) {
        this.row.push(this.field);
        this.field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        this.row.push(this.field);
        this.field = '';
        if (this.row.some((f) => f.trim() !== '')) rows.push(this.row);
        this.row = [];
        this.size = 0;
      } else this.field += ch;
    }
    return rows;
  }
}

const rowTooLong = () =>
  new AppError(
    422,
    'row_too_long',
    'Une ligne du fichier dépasse 1 million de caractères : ce n’est pas un export de l’ancien outil (vérifiez le séparateur et les guillemets)',
  );
