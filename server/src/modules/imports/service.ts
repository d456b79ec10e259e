import { createHash, randomUUID } from 'node:crypto';
import {
  canImportToSite,
  canUseImports,
  type CommitImportInput,
  type CreateImportFields,
  type ImportMappingInput,
  type ImportProfile,
} from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { sealText } from '../../crypto/index.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { enqueue } from '../jobs/index.js';
import { kickImportJobs } from './kick.js';
import { adapterFor, type ImportOptions, type SourceAdapter } from './pipeline.js';
import { batchSettings } from './batch-queries.js';
import {
  confirmMerges,
  findImport,
  findImportByHash,
  insertImport,
  insertProfile,
  insertRows,
  setImport,
  siteExists,
} from './queries.js';
import { ANALYSE_JOB, COMMIT_JOB, rawAad } from './run.js';

/** Use cases of the import pipeline (docs/api.md, "Imports"; docs/security.md, "Imports"). */

/** The target site of an upload: the administrator names it, a responsable imports into their own site. */
export async function targetSite(ctx: Ctx, fields: CreateImportFields): Promise<string> {
  if (!canUseImports(ctx.actor)) throw forbidden('Votre profil ne permet pas d’importer des dossiers');
  const siteId = ctx.actor.role === 'admin_fonctionnel' ? fields.siteId : (fields.siteId ?? ctx.actor.siteId);
  if (!siteId)
    throw new AppError(400, 'site_required', 'Choisissez le site de destination de l’import (champ « siteId »)');
  if (!canImportToSite(ctx.actor, siteId) || !(await siteExists(ctx.db, siteId))) throw notFound('Site');
  if (!adapterFor(fields.source))
    throw new AppError(400, 'unknown_source', 'Source inconnue : COORDIN, 4D, TIPI ou export d’un site');
  return siteId;
}

const who = (ctx: Ctx) => ({ id: ctx.actor.id, role: ctx.actor.role });

/** The upload is already there (same source, site and content): its import is answered, nothing is staged again. */
class AlreadyUploaded extends Error {
  constructor(readonly importId: string) {
    super('already uploaded');
  }
}

/** A whole buffer as slices (the callers that hold the bytes: tests, the bench). */
async function* slices(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 1 << 16) yield bytes.subarray(at, at + (1 << 16));
}

/** The rows of an adapter that reads whole files only: the stream collected first. */
async function* whole(adapter: SourceAdapter, chunks: AsyncIterable<Buffer>, fileName: string, profile: unknown) {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  const parsed = await adapter.parse!({ bytes: Buffer.concat(parts), fileName, profile });
  yield parsed;
}

/**
 * Stages an uploaded file as it arrives (docs/architecture.md, "Import pipeline"): the adapter reads the stream
 * (`parseStream`) and its rows are stored sealed with their keys batch by batch, in one transaction with the upload's
 * audit row and the analysis job: a refusal at any row stages nothing. The content's hash, computed on the way, makes
 * the same file uploaded again for the same source and site the same import: its id is answered, nothing changes.
 */
export async function stageImport(
  ctx: Ctx,
  input: {
    siteId: string;
    fields: CreateImportFields;
    fileName: string;
    bytes?: Buffer;
    chunks?: AsyncIterable<Buffer>;
  },
): Promise<{ importId: string; alreadyUploaded: boolean }> {
  const { fields, siteId } = input;
  const adapter = adapterFor(fields.source);
  if (!adapter) throw new AppError(400, 'unknown_source', 'Source inconnue : COORDIN, 4D, TIPI ou export d’un site');
  const profile = await adapter.loadProfile(ctx.db, { source: fields.source, profileId: fields.profileId, siteId });
  const hash = createHash('sha256');
  let size = 0;
  const source = input.chunks ?? slices(input.bytes ?? Buffer.alloc(0));
  const counted = (async function* () {
    for await (const c of source) {
      hash.update(c);
      size += c.length;
      yield c;
    }
  })();
  const batches = adapter.parseStream
    ? adapter.parseStream({ chunks: counted, fileName: input.fileName, profile })
    : whole(adapter, counted, input.fileName, profile);
  let importId: string;
  let digest = '';
  try {
    importId = await ctx.db.transaction().execute(async (trx) => {
      const id = randomUUID();
      await batchSettings(trx);
      await insertImport(trx, {
        id,
        source: fields.source,
        format: 'inconnu',
        site_id: siteId,
        file_name: input.fileName.slice(0, 200),
        file_hash: `en-cours:${id}`,
        file_size: 0,
        status: 'analysing',
        profile: JSON.stringify(profile),
        options: JSON.stringify({ teamId: fields.teamId ?? null } satisfies ImportOptions),
        created_by: ctx.actor.id,
        created_by_role: ctx.actor.role,
        created_at: ctx.now,
      });
      let seq = 0;
      let format = 'inconnu';
      // The next batch is read, sealed and keyed by Node while PostgreSQL stores the one before (two cores).
      let storing: Promise<void> = Promise.resolve();
      for await (const batch of batches) {
        format = batch.format;
        const rows = batch.rows.map((data) => stagedRow(id, ++seq, data));
        await storing;
        storing = insertRows(trx, rows);
        // Awaited with the next batch or after the last; never left unhandled meanwhile.
        storing.catch(() => {});
      }
      await storing;
      for await (const _ of counted); // the bytes after the last row, if any: they are part of the file's hash
      digest = hash.digest('hex');
      const existing = await findImportByHash(trx, fields.source, siteId, digest);
      if (existing) throw new AlreadyUploaded(existing.id);
      await setImport(trx, id, { file_hash: digest, file_size: size, format });
      await audit(trx, ctx, 'import.create', {
        targetType: 'data_import',
        targetId: id,
        diff: { source: fields.source, format, rows: seq, site_id: siteId },
      });
      await setImport(trx, id, { job_id: await enqueue(trx, analyseJob(id, ctx), ctx.now) });
      return id;
    });
  } catch (err) {
    if (err instanceof AlreadyUploaded) return { importId: err.importId, alreadyUploaded: true };
    // The same file staged at the same time by another request: the first one's import.
    const same = digest && (err as { code?: string }).code === '23505';
    const other = same ? await findImportByHash(ctx.db, fields.source, siteId, digest) : undefined;
    if (other) return { importId: other.id, alreadyUploaded: true };
    throw err;
  }
  kickImportJobs(ctx.db);
  return { importId, alreadyUploaded: false };
}

function stagedRow(importId: string, seq: number, data: Record<string, string>) {
  const rowId = randomUUID();
  const json = JSON.stringify(data);
  const key = `row:${createHash('sha256').update(json).digest('hex').slice(0, 32)}`;
  return { id: rowId, import_id: importId, seq, row_key: key, raw: sealText(json, rawAad(rowId)) };
}

const analyseJob = (importId: string, ctx: Ctx) => ({
  kind: ANALYSE_JOB,
  payload: { importId, by: who(ctx) },
  runAt: ctx.now,
  idempotencyKey: `${ANALYSE_JOB}:${importId}:${randomUUID()}`,
  maxAttempts: 3,
});

/** An import the caller may act on: its site is theirs (or the administrator's); else 404. */
export async function loadImport(ctx: Ctx, id: string) {
  const imp = await findImport(ctx.db, id);
  if (!imp || !canImportToSite(ctx.actor, imp.site_id)) throw notFound('Import');
  return imp;
}

const assertReady = (status: string) => {
  if (status !== 'ready')
    throw conflict(
      'import_not_ready',
      status === 'committed'
        ? 'Cet import est déjà validé'
        : 'L’analyse de cet import est en cours : attendez qu’elle se termine',
    );
};

/** Completes the code tables (optionally saved as a named profile of the site) and analyses the rows again. */
export async function mapImport(ctx: Ctx, id: string, input: ImportMappingInput): Promise<{ importId: string }> {
  const imp = await loadImport(ctx, id);
  assertReady(imp.status);
  const profile = imp.profile as ImportProfile;
  const codes = { ...profile.codes };
  for (const [field, table] of Object.entries(input.codes) as [keyof ImportProfile['codes'], Record<string, string>][])
    codes[field] = { ...(codes[field] ?? {}), ...table };
  const next: ImportProfile = { ...profile, codes };
  await ctx.db.transaction().execute(async (trx) => {
    if (input.saveAsProfile) {
      const saved = await insertProfile(trx, {
        source: imp.source,
        siteId: imp.site_id,
        name: input.saveAsProfile,
        profile: next,
        createdBy: ctx.actor.id,
        now: ctx.now,
      });
      next.id = saved.id;
      next.name = input.saveAsProfile;
    }
    await setImport(trx, id, { profile: JSON.stringify(next), status: 'analysing' });
    await audit(trx, ctx, 'import.map', {
      targetType: 'data_import',
      targetId: id,
      diff: { fields: Object.keys(input.codes), saved_profile: input.saveAsProfile ?? null },
    });
    await setImport(trx, id, { job_id: await enqueue(trx, analyseJob(id, ctx), ctx.now) });
  });
  kickImportJobs(ctx.db);
  return { importId: id };
}

/** Starts the commit: refused while legacy codes are unmapped; the merges the importer confirms are marked first. */
export async function requestCommit(ctx: Ctx, id: string, input: CommitImportInput): Promise<{ importId: string }> {
  const imp = await loadImport(ctx, id);
  assertReady(imp.status);
  const unmapped = ((imp.options ?? {}) as ImportOptions).unmapped ?? [];
  if (unmapped.length)
    throw conflict(
      'unmapped_codes',
      `${unmapped.length} valeur${unmapped.length > 1 ? 's' : ''} de l’ancien outil sans correspondance : complétez les tables de codes avant de valider l’import`,
    );
  await ctx.db.transaction().execute(async (trx) => {
    const confirmed = await confirmMerges(trx, id, input.confirmMerges);
    await setImport(trx, id, { status: 'committing' });
    await audit(trx, ctx, 'import.commit_request', {
      targetType: 'data_import',
      targetId: id,
      diff: { merges_confirmed: Number(confirmed?.numUpdatedRows ?? 0) },
    });
    const jobId = await enqueue(
      trx,
      {
        kind: COMMIT_JOB,
        payload: { importId: id, by: who(ctx) },
        runAt: ctx.now,
        idempotencyKey: `${COMMIT_JOB}:${id}`,
        maxAttempts: 5,
      },
      ctx.now,
    );
    await setImport(trx, id, { job_id: jobId });
  });
  kickImportJobs(ctx.db);
  return { importId: id };
}
