import { join, resolve } from 'node:path';
import { installKeyring } from './fields.js';
import { loadOrCreateKeyFile, type Keyring } from './keyring.js';

/** `JALON_KEY_FILE`, or `jalon.key` in the data folder (the embedded default). */
export const keyFilePath = (cfg: { keyFile?: string; dataDir: string }): string => resolve(cfg.keyFile ?? join(cfg.dataDir, 'jalon.key'));

/** Loads the key file (creating it, mode 0600, on first start), installs it for the process and says where it is. */
export function loadKeyring(cfg: { keyFile?: string; dataDir: string }, log: (line: string) => void = console.log): Keyring {
  const path = keyFilePath(cfg);
  const { keyring, created } = loadOrCreateKeyFile(path);
  installKeyring(keyring);
  if (created) {
    log(`Clé de chiffrement des notes créée : ${path} (mode 0600). Sauvegardez-la à part : sans elle, les notes sont illisibles.`);
  } else {
    log(`Clé de chiffrement : ${path} (clé courante ${keyring.currentId}, ${keyring.keys.size} clé(s)).`);
  }
  return keyring;
}
