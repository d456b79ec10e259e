import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not lock its folder: a second process opening it (a backup or a maintenance command while the server
 * runs) would corrupt it or crash the WASM database. The server and every maintenance command hold `jalon.lock`
 * (the owner's pid), created atomically; a lock whose process is gone (killed) is taken over.
 */
const LOCK = 'jalon.lock';

/** The folder is held by another live Jalon process: the message says so in French. */
export class DataDirBusyError extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const ownerOf = (path: string): number => {
  try {
    return Number(readFileSync(path, 'utf8').trim()) || 0;
  } catch {
    return 0;
  }
};

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK);
  const unlock = () => rmSync(path, { force: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return unlock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = ownerOf(path);
    if (pid === process.pid) return unlock;
    if (pid && alive(pid))
      throw new DataDirBusyError(
        `Le dossier ${dataDir} est utilisé par un autre processus Jalon (pid ${pid}) : arrêtez-le d’abord.`,
      );
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new DataDirBusyError(`Le dossier ${dataDir} est verrouillé par un autre processus Jalon : réessayez.`);
}
