import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not lock its folder: a second process opening it (a backup while the server runs) would corrupt it.
 * The server and the maintenance commands hold `jalon.lock` (the owner's pid); a lock whose process is gone
 * (killed) is taken over.
 */
const LOCK = 'jalon.lock';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK);
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(
        `Le dossier ${dataDir} est utilisé par un autre processus Jalon (pid ${pid}) : arrêtez-le d’abord.`,
      );
    }
  }
  writeFileSync(path, `${process.pid}\n`);
  return () => rmSync(path, { force: true });
}
