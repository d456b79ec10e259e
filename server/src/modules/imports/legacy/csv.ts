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

/** The text of a byte stream, slice by slice. */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let offset = 0;
  let ascii = true;
  let bom = false;
  for await (let chunk of chunks) {
    if (!decoder) {
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        decoder = new TextDecoder('utf-8', { fatal: true });
        bom = true;
        chunk = chunk.subarray(3);
      } else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        decoder = new TextDecoder(chunk[0] === 0xff ? 'utf-16le' : 'utf-16be');
        bom = true;
        chunk = chunk.subarray(2);
      } else decoder = new TextDecoder('utf-8', { fatal: true });
    }
    if (!bom && offset < CONTROL_CHECKED)
      for (const b of chunk.subarray(0, CONTROL_CHECKED - offset)) if (isControl(b)) throw unknownEncoding();
    offset += chunk.length;
    if (decoder.encoding === 'windows-1252') {
      for (const b of chunk) if (NOT_1252.has(b)) throw unknownEncoding();
      yield decoder.decode(chunk);
      continue;
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      if (bom) throw unknownEncoding();
      if (!ascii) throw mixed();
      decoder = new TextDecoder('windows-1252');
      for (const b of chunk) if (NOT_1252.has(b)) throw unknownEncoding();
      yield decoder.decode(chunk);
      continue;
    }
    if (ascii) for (const b of chunk) if (b > 0x7f) ascii = false;
  }
  if (decoder && decoder.encoding !== 'windows-1252') {
    try {
      yield decoder.decode();
    } catch {
      throw ascii ? unknownEncoding() : mixed();
    }
  }
}

/** RFC 4180 rows from slices of text: a quoted field may hold the delimiter, doubled quotes and line breaks. */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  private size = 0;
  /** The last character of a slice when reading it needs the next one ('"', '\r'): read with the next slice. */
  private carry = '';
  constructor(private readonly delimiter: string) {}

  push(slice: string): string[][] {
    let text = this.carry + slice;
    this.carry = '';
    const last = text[text.length - 1];
    if (last === '\r' || last === '"') {
      this.carry = last;
      text = text.slice(0, -1);
    }
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
