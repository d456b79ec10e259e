import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Every key able to decrypt, and the one that encrypts (the newest). Keys are 32 random bytes. */
export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

interface KeyFile {
  format: 'jalon-keys-1';
  current: string;
  keys: Record<string, string>;
}

const KEY_BYTES = 32;

/** A fresh one-key keyring (tests, first start). */
export function generateKeyring(): Keyring {
  return { currentId: 'k1', keys: new Map([['k1', randomBytes(KEY_BYTES)]]) };
}

/** The same keyring with a new current key; old keys stay for reading. */
export function addKey(k: Keyring): Keyring {
  const max = Math.max(0, ...[...k.keys.keys()].map((id) => Number(id.slice(1)) || 0));
  const id = `k${max + 1}`;
  return { currentId: id, keys: new Map([...k.keys, [id, randomBytes(KEY_BYTES)]]) };
}

export function parseKeyFile(text: string, path: string): Keyring {
  let f: KeyFile;
  try {
    f = JSON.parse(text) as KeyFile;
  } catch {
    throw new Error(`Fichier de clés illisible : ${path}`);
  }
  if (f.format !== 'jalon-keys-1' || typeof f.keys !== 'object' || !f.keys[f.current])
    throw new Error(`Fichier de clés invalide : ${path}`);
  const keys = new Map<string, Buffer>();
  for (const [id, b64] of Object.entries(f.keys)) {
    const key = Buffer.from(b64, 'base64');
    if (key.length !== KEY_BYTES || !/^k\d+$/.test(id)) throw new Error(`Clé ${id} invalide dans ${path}`);
    keys.set(id, key);
  }
  return { currentId: f.current, keys };
}

export function readKeyFile(path: string): Keyring {
  return parseKeyFile(readFileSync(path, 'utf8'), path);
}

/** Writes the key file atomically (temporary file, fsync, rename), mode 0600. */
export function writeKeyFile(path: string, k: Keyring): void {
  const body: KeyFile = {
    format: 'jalon-keys-1',
    current: k.currentId,
    keys: Object.fromEntries([...k.keys].map(([id, key]) => [id, key.toString('base64')])),
  };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Loads the key file, or creates it (first start of the embedded default). `created` tells the caller to say where. */
export function loadOrCreateKeyFile(path: string): { keyring: Keyring; created: boolean } {
  if (existsSync(path)) return { keyring: readKeyFile(path), created: false };
  const keyring = generateKeyring();
  writeKeyFile(path, keyring);
  return { keyring, created: true };
}
