/**
 * The type of an uploaded file from its first bytes (magic numbers), never from its name or declared type
 * (docs/security.md, "Documents"). Null: not an accepted type.
 */
export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/heic' | 'office' | 'opendocument';

export const SNIFF_BYTES = 4096;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

export function sniffDocument(head: Uint8Array): SniffedType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && HEIC_BRANDS.includes(ascii(head, 8, 12)))
    return 'image/heic';
  // Legacy Office (.doc, .xls, .ppt): the OLE compound file header.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'office';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // A ZIP is accepted only as an OpenDocument (its first entry `mimetype`) or an Office Open XML package.
    const text = ascii(head, 0, Math.min(head.length, SNIFF_BYTES));
    if (text.slice(30, 38) === 'mimetype' && text.includes('application/vnd.oasis.opendocument')) return 'opendocument';
    if (text.includes('[Content_Types].xml')) return 'office';
  }
  return null;
}

/** The Content-Type served for a stored document (Office and OpenDocument download as bytes). */
export const servedMime = (t: SniffedType): string =>
  t === 'office' || t === 'opendocument' ? 'application/octet-stream' : t;
