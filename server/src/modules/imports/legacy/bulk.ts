import type { ImportProfile } from '@jalon/core';
import { audit } from '../../../audit/audit.js';
import type { Queryable, Trx } from '../../../db/schema.js';
import { createImportedEntries } from '../../journal/index.js';
import { addImportedMembers, createImportedFiles, siteDuplicateIdsMany } from '../../usagers/index.js';
import type { BatchCommit, CommitItem, ImportRun, RowMatch } from '../pipeline.js';
import { claimKeys, filesOfKeys, recordImportedEntries } from '../batch-queries.js';
import { householdOf, personOf, type LegacyEnv, type LegacyValue } from './person.js';

/**
 * The legacy adapter's batch paths (docs/architecture.md, "Import pipeline"; ADR 013): the same decisions and writes
 * as `match` and `commit` row by row, with one lookup per page (legacy ids, the duplicate matcher) and one statement
 * per table per batch.
 */

const idKey = (legacyId: string) => `id:${legacyId}`;

/** `match` for a page in file order: the rows of an id met before are its history; the others are looked up together. */
export async function matchLegacyMany(
  db: Queryable,
  values: LegacyValue[],
  run: ImportRun<ImportProfile>,
  env: LegacyEnv,
): Promise<RowMatch[]> {
  const out: (RowMatch | null)[] = values.map(() => null);
  const firsts: number[] = [];
  values.forEach((v, i) => {
    if (v.memberOf) {
      if (!v.identity) out[i] = { decision: 'reject', reason: 'Membre du foyer sans identité' };
      else if (!v.fields.relationship)
        out[i] = { decision: 'reject', reason: 'Membre du foyer sans lien avec la personne de référence' };
      else out[i] = { decision: 'member' };
    } else if (env.seen.has(v.legacyId))
      out[i] = v.entry ? { decision: 'history' } : { decision: 'skip', reason: 'Ligne répétée sans entrée de journal' };
    else {
      env.seen.add(v.legacyId);
      firsts.push(i);
    }
  });
  const known = await filesOfKeys(
    db,
    run.siteId,
    run.source,
    firsts.map((i) => idKey(values[i]!.legacyId)),
  );
  const toDedupe: number[] = [];
  for (const i of firsts) {
    const v = values[i]!;
    const k = idKey(v.legacyId);
    if (known.has(k)) out[i] = { decision: 'skip', reason: 'Identifiant déjà importé', fileId: known.get(k) ?? null };
    else if (!v.identity)
      out[i] = {
        decision: 'reject',
        reason: 'Identité incomplète : nom de naissance, prénom et date de naissance sont obligatoires',
      };
    else toDedupe.push(i);
  }
  const dups = await siteDuplicateIdsMany(
    db,
    run.siteId,
    toDedupe.map((i) => values[i]!.identity!),
  );
  toDedupe.forEach((i, n) => {
    const dup = dups[n];
    out[i] = dup ? { decision: 'merge', fileId: dup } : { decision: 'create' };
  });
  return out.map((m) => m ?? { decision: 'reject', reason: 'Ligne non analysée' });
}

/** `commit` for a batch: files, merges, members and journal history, each kind in one statement per table. */
export async function commitLegacyMany(
  trx: Trx,
  items: CommitItem<LegacyValue>[],
  run: ImportRun<ImportProfile>,
): Promise<BatchCommit> {
  const results: { fileId: string | null }[] = items.map(() => ({ fileId: null }));
  const ids = items.flatMap(({ value: v, row }) =>
    row.decision === 'member' ? (v.memberOf ? [idKey(v.memberOf)] : []) : [idKey(v.legacyId)],
  );
  const fileOf = new Map<string, string | null>(await filesOfKeys(trx, run.siteId, run.source, ids));
  const creates: number[] = [];
  const merged: string[] = [];
  const claimed: { key: string; caseFileId: string | null }[] = [];
  items.forEach(({ value: v, row }, i) => {
    if (row.decision !== 'create' && row.decision !== 'merge') return;
    const k = idKey(v.legacyId);
    if (fileOf.has(k)) return;
    if (row.decision === 'create') {
      creates.push(i);
      fileOf.set(k, null);
    } else if (row.matchFileId) {
      fileOf.set(k, row.matchFileId);
      claimed.push({ key: k, caseFileId: row.matchFileId });
      merged.push(row.matchFileId);
      results[i] = { fileId: row.matchFileId };
    }
  });
  const made = await createImportedFiles(
    trx,
    run.who,
    run.siteId,
    creates.map((i) => {
      const v = items[i]!.value;
      return { teamId: v.teamId, referentId: v.referentId, person: personOf(v), household: householdOf(v) };
    }),
  );
  creates.forEach((i, n) => {
    const id = made[n]!.id;
    fileOf.set(idKey(items[i]!.value.legacyId), id);
    claimed.push({ key: idKey(items[i]!.value.legacyId), caseFileId: id });
    results[i] = { fileId: id };
  });
  for (const fileId of merged)
    await audit(trx, run.who, 'import.merge', {
      caseFileId: fileId,
      targetType: 'case_file',
      targetId: fileId,
      diff: { import_id: run.importId },
    });
  await claimKeys(trx, run.siteId, run.source, run.importId, claimed);
  const members: number[] = [];
  items.forEach(({ value: v, row }, i) => {
    if (row.decision === 'history') results[i] = { fileId: fileOf.get(idKey(v.legacyId)) ?? null };
    else if (row.decision === 'member' && v.memberOf && v.identity && fileOf.get(idKey(v.memberOf))) members.push(i);
  });
  const added = await addImportedMembers(
    trx,
    run.who,
    members.map((i) => {
      const v = items[i]!.value;
      return {
        caseFileId: fileOf.get(idKey(v.memberOf!))!,
        person: personOf(v),
        relationship: v.fields.relationship ?? '6',
      };
    }),
  );
  members.forEach((i, n) => {
    if (added[n]) results[i] = { fileId: fileOf.get(idKey(items[i]!.value.memberOf!)) ?? null };
  });
  const withEntry = items.flatMap(({ value: v, row }, i) =>
    row.decision !== 'member' && v.entry && results[i]?.fileId ? [i] : [],
  );
  const entries = await createImportedEntries(
    trx,
    run.who,
    withEntry.map((i) => {
      const e = items[i]!.value.entry!;
      return { caseFileId: results[i]!.fileId!, ...e, occurredAt: new Date(e.occurredAt) };
    }),
  );
  await recordImportedEntries(
    trx,
    run.importId,
    entries.map((e, n) => ({ entryId: e.id, caseFileId: results[withEntry[n]!]!.fileId! })),
  );
  const created = new Set(made.map((m) => m.id));
  const updated = new Set(
    [...withEntry, ...members].map((i) => results[i]?.fileId ?? '').filter((f) => f && !created.has(f)),
  );
  return {
    results,
    written: {
      created: [...created],
      merged,
      updated: [...updated],
      entries: entries.length,
      members: added.filter(Boolean).length,
      rsaChanged: 0,
    },
  };
}
