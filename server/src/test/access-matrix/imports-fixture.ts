import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/schema.js';
import { drainImportJobs } from '../../modules/imports/index.js';
import type { Session } from '../factories.js';

/**
 * Imports of site A for the access matrix (modules/imports): one to read, and a fresh analysed import per call of the
 * mapping and commit routes (a first mapping or commit makes the next caller's a 409). Filled in by `prepareImports`.
 */
export const importFixture: { siteId: string; id: string; forMapping: string[]; forCommit: string[] } = {
  siteId: '',
  id: '',
  forMapping: [],
  forCommit: [],
};

const HEADER = 'NUM_DOSSIER;NOM_NAISSANCE;PRENOM;DATE_NAISSANCE\r\n';

/** A COORDIN-like CSV of one synthetic person, new at every call (so never "the same file again"). */
export function importUpload(siteId = importFixture.siteId): { payload: Buffer; contentType: string } {
  const b = 'jalonMatrixImport';
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  const payload = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="source"\r\n\r\ncoordin\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="siteId"\r\n\r\n${siteId}\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="export.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      `${HEADER}${id};Matrice${id};Camille;12/04/1985\r\n\r\n--${b}--\r\n`,
  );
  return { payload, contentType: `multipart/form-data; boundary=${b}` };
}

export async function prepareImports(app: FastifyInstance, db: Db, responsable: Session, siteId: string, n: number) {
  importFixture.siteId = siteId;
  const one = async () => {
    const up = importUpload(siteId);
    const r = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...responsable.send, 'content-type': up.contentType },
      payload: up.payload,
    });
    if (r.statusCode !== 201) throw new Error(`import upload ${r.statusCode} ${r.body}`);
    return (r.json() as { importId: string }).importId;
  };
  importFixture.id = await one();
  for (let i = 0; i < n; i++) {
    importFixture.forMapping.push(await one());
    importFixture.forCommit.push(await one());
  }
  await drainImportJobs(db);
}

/** An import of the site, analysed and committed (the bad-input harness: its mapping and commit answer 409). */
export async function committedImport(t: { app: FastifyInstance; db: Db }, responsable: Session, siteId: string) {
  const up = importUpload(siteId);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { ...responsable.send, 'content-type': up.contentType },
    payload: up.payload,
  });
  const id = (r.json() as { importId: string }).importId;
  await drainImportJobs(t.db);
  await t.app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: responsable.send, payload: {} });
  await drainImportJobs(t.db);
  return id;
}
