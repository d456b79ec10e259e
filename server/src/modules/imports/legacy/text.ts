import { AppError } from '../../../errors.js';

/**
 * Text files of the legacy tools (docs/architecture.md, "Import pipeline"): the encoding detected (a BOM, else strict
 * UTF-8, else Windows-1252 when every byte is a character of it), the delimiter detected from the header line, and
 * RFC 4180 quoting (a quoted field may hold the delimiter, doubled quotes and line breaks).
 */

export const unknownEncoding = () =>
  new AppError(
    422,
    'unknown_encoding',
    'Encodage du fichier non reconnu : enregistrez l’export en UTF-8 ou en Windows-1252 (ANSI), puis déposez-le à nouveau',
  );

/** Bytes no Windows-1252 text holds: undefined code points and control characters other than tab and line ends. */
const NOT_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const isControl = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c;

export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: strictUtf8(bytes.subarray(3)), encoding: 'utf-8' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  for (const b of bytes.subarray(0, 1 << 20)) if (isControl(b)) throw unknownEncoding();
  try {
    return { text: strictUtf8(bytes), encoding: 'utf-8' };
  } catch {
    for (const b of bytes) if (NOT_1252.has(b)) throw unknownEncoding();
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function strictUtf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** The delimiter that cuts the header line in the most fields (outside quotes). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  let best: string = ';';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits CSV text into rows of fields; blank lines are dropped. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}
