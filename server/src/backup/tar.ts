/**
 * Removes members from an uncompressed (ustar) archive: the PGlite folder dump must not carry the encryption key
 * that lives in the same folder. 512-byte header, size in octal at offset 124, content padded to 512 bytes.
 */
export function tarWithout(tar: Buffer, drop: (name: string) => boolean): Buffer {
  const kept: Buffer[] = [];
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const end = off + 512 + Math.ceil(size / 512) * 512;
    const full = prefix ? `${prefix}/${name}` : name;
    if (!drop(full.replace(/^\/+/, ''))) kept.push(tar.subarray(off, end));
    off = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

/** Member names of an uncompressed archive (tests). */
export function tarNames(tar: Buffer): string[] {
  const names: string[] = [];
  tarWithout(tar, (n) => {
    names.push(n);
    return false;
  });
  return names;
}
