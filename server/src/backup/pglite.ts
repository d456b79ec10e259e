import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { lockDataDir } from '../db/dir-lock.js';
import { writeFileAtomic } from './files.js';
import { tarWithout } from './tar.js';

/** Jalon's own files in the folder (key, lock, their temporary copies) never go into a backup. */
const notDatabase = (name: string) => /^jalon\./.test(basename(name));

/**
 * PGlite backup: the folder is opened alone (lock), PGlite writes a consistent archive of its data folder
 * (dumpDataDir), the key is taken out, and the archive (.tar.gz) is written atomically.
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<{ bytes: number }> {
  const unlock = lockDataDir(dataDir);
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`Aucune base PGlite dans ${dataDir}`);
    const client = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
    try {
      await client.query('checkpoint');
      const tar = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
      const gz = gzipSync(tarWithout(tar, notDatabase));
      writeFileAtomic(outFile, gz);
      return { bytes: gz.length };
    } finally {
      await client.close();
    }
  } finally {
    unlock();
  }
}

/**
 * PGlite restore into a folder that holds no database yet: the archive is unpacked into a temporary sibling
 * folder, opened once (checks it), then renamed into place, so a failed restore leaves nothing half-written.
 * Files already in the folder (the key) are kept.
 */
export async function restorePglite(inFile: string, dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${dataDir} contient déjà une base : restaurez dans un dossier vide (ou déplacez l’ancien).`);
  }
  const gz = readFileSync(inFile);
  let tar: Buffer;
  try {
    tar = gunzipSync(gz);
  } catch {
    throw new Error(`${inFile} n’est pas une sauvegarde PGlite (.tar.gz)`);
  }
  const tmp = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    const client = await PGlite.create({
      dataDir: tmp,
      loadDataDir: new Blob([new Uint8Array(tarWithout(tar, notDatabase))], { type: 'application/x-tar' }),
      extensions: { pg_trgm, unaccent },
    });
    await client.query('select 1');
    await client.close();
    if (existsSync(dataDir)) {
      // PG_VERSION last: until it is there the folder does not count as a database (a retry starts over).
      const files = readdirSync(tmp).sort((a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'));
      for (const f of files) {
        rmSync(join(dataDir, f), { recursive: true, force: true });
        renameSync(join(tmp, f), join(dataDir, f));
      }
      rmSync(tmp, { recursive: true, force: true });
    } else {
      renameSync(tmp, dataDir);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
