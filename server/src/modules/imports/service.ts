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
import { adapterFor, type ImportOptions } from './pipeline.js';
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

/**
 * Stages an uploaded file: the adapter reads it (a refusal stages nothing), its rows are stored sealed with their
 * keys, the upload is audited and the analysis job enqueued, all in one transaction. The same file uploaded again for
 * the same source and site is the same import: its id is answered, nothing changes.
 */
export async function stageImport(
  ctx: Ctx,
  input: { siteId: string; fields: CreateImportFields; fileName: string; bytes: Buffer },
): Promise<{ importId: string; alreadyUploaded: boolean }> {
  const { fields, siteId } = input;
  const adapter = adapterFor(fields.source);
  if (!adapter) throw new AppError(400, 'unknown_source', 'Source inconnue : COORDIN, 4D, TIPI ou export d’un site');
  const hash = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await findImportByHash(ctx.db, fields.source, siteId, hash);
  if (existing) return { importId: existing.id, alreadyUploaded: true };
  const profile = await adapter.loadProfile(ctx.db, { source: fields.source, profileId: fields.profileId, siteId });
  const parsed = await adapter.parse({ bytes: input.bytes, fileName: input.fileName, profile });
  const importId = await ctx.db.transaction().execute(async (trx) => {
    const options: ImportOptions = { teamId: fields.teamId ?? null };
    const { id } = await insertImport(trx, {
      source: fields.source,
      format: parsed.format,
      site_id: siteId,
      file_name: input.fileName.slice(0, 200),
      file_hash: hash,
      file_size: input.bytes.length,
      status: 'analysing',
      profile: JSON.stringify(profile),
      options: JSON.stringify(options),
      created_by: ctx.actor.id,
      created_by_role: ctx.actor.role,
      created_at: ctx.now,
    });
    await insertRows(
      trx,
      parsed.rows.map((data, i) => {
        const rowId = randomUUID();
        const json = JSON.stringify(data);
        const key = `row:${createHash('sha256').update(json).digest('hex').slice(0, 32)}`;
        return { id: rowId, import_id: id, seq: i + 1, row_key: key, raw: sealText(json, rawAad(rowId)) };
      }),
    );
    await audit(trx, ctx, 'import.create', {
      targetType: 'data_import',
      targetId: id,
      diff: { source: fields.source, format: parsed.format, rows: parsed.rows.length, site_id: siteId },
    });
    const jobId = await enqueue(trx, analyseJob(id, ctx), ctx.now);
    await setImport(trx, id, { job_id: jobId });
    return id;
  });
  kickImportJobs(ctx.db);
  return { importId, alreadyUploaded: false };
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
