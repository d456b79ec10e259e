import type { Config } from '../config.js';
import { openDb, type OpenedDb } from '../db/connect.js';
import { DataDirBusyError, lockDataDir } from '../db/dir-lock.js';

/**
 * How every maintenance command opens the database (docs/security.md, Maintenance commands): on PGlite it first takes
 * the data-folder lock like the server, and when the lock is held it says so in French and exits with 1 instead of
 * opening the folder a second time. `close` closes the database and releases the lock.
 */
export async function openForMaintenance(cfg: Config): Promise<OpenedDb> {
  let unlock = () => {};
  if (!cfg.databaseUrl) {
    try {
      unlock = lockDataDir(cfg.dataDir);
    } catch (err) {
      if (!(err instanceof DataDirBusyError)) throw err;
      console.error(`Commande impossible : ${err.message}`);
      process.exit(1);
    }
  }
  try {
    const opened = await openDb({ databaseUrl: cfg.databaseUrl, dataDir: cfg.databaseUrl ? undefined : cfg.dataDir });
    return {
      ...opened,
      close: async () => {
        try {
          await opened.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
