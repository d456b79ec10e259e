import { describe, expect, it } from 'vitest';
import { DocumentFields, sniffDocument } from './index.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffDocument', () => {
  it('recognises PDF, JPEG, PNG, HEIC by their first bytes', () => {
    expect(sniffDocument(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocument(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffDocument(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffDocument(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('image/heic');
  });
  it('accepts a ZIP only as OpenDocument or Office Open XML, and the OLE header', () => {
    const odt = bytes([0x50, 0x4b, 3, 4], new Array(26).fill(0), 'mimetypeapplication/vnd.oasis.opendocument.text');
    expect(sniffDocument(odt)).toBe('opendocument');
    expect(sniffDocument(bytes([0x50, 0x4b, 3, 4], new Array(26).fill(0), '[Content_Types].xml'))).toBe('office');
    expect(sniffDocument(bytes([0x50, 0x4b, 3, 4], new Array(26).fill(0), 'virus.exe'))).toBeNull();
    expect(sniffDocument(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('office');
  });
  it('refuses anything else whatever its name', () => {
    expect(sniffDocument(bytes('MZ\x90\x00'))).toBeNull();
    expect(sniffDocument(bytes('<html><script>'))).toBeNull();
    expect(sniffDocument(bytes(''))).toBeNull();
  });
});

describe('DocumentFields', () => {
  it('checks the type from the list and the date format', () => {
    expect(DocumentFields.safeParse({ type: 'titre_sejour', validUntil: '2027-03-01' }).success).toBe(true);
    expect(DocumentFields.safeParse({ type: 'passeport_magique' }).success).toBe(false);
    expect(DocumentFields.safeParse({ type: 'rib', validUntil: '01/03/2027' }).success).toBe(false);
  });
});
