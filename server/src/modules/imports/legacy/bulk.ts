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

/** A batch being committed: its items, their results so far and the file of each legacy id (`id:<legacy id>`). */
interface Batch {
  trx: Trx;
  items: CommitItem<LegacyValue>[];
  run: ImportRun<ImportProfile>;
  results: { fileId: string | null }[];
  fileOf: Map<string, string | null>;
}

/** `commit` for a batch: files, merges, members and journal history, each kind in one statement per table. */
export async function commitLegacyMany(
  trx: Trx,
  items: CommitItem<LegacyValue>[],
  run: ImportRun<ImportProfile>,
): Promise<BatchCommit> {
  const ids = items.flatMap(({ value: v, row }) =>
    row.decision === 'member' ? (v.memberOf ? [idKey(v.memberOf)] : []) : [idKey(v.legacyId)],
  );
  const b: Batch = {
    trx,
    items,
    run,
    results: items.map(() => ({ fileId: null })),
    fileOf: new Map(await filesOfKeys(trx, run.siteId, run.source, ids)),
  };
  const { created, merged } = await writeFiles(b);
  items.forEach(({ value: v, row }, i) => {
    if (row.decision === 'history') b.results[i] = { fileId: b.fileOf.get(idKey(v.legacyId)) ?? null };
  });
  const members = await writeMembers(b);
  const entries = await writeEntries(b);
  // The audit rows last: the chain's lock is held until commit (pipeline.ts, `commitKeys`).
  for (const fileId of merged)
    await audit(trx, run.who, 'import.merge', {
      caseFileId: fileId,
      targetType: 'case_file',
      targetId: fileId,
      diff: { import_id: run.importId },
    });
  const createdSet = new Set(created);
  const updated = new Set(
    [...entries.rows, ...members.rows].map((i) => b.results[i]?.fileId ?? '').filter((f) => f && !createdSet.has(f)),
  );
  return {
    results: b.results,
    written: {
      created,
      merged,
      updated: [...updated],
      entries: entries.rows.length,
      members: members.added,
      rsaChanged: 0,
    },
  };
}

/** The batch's new files and confirmed merges, their legacy ids claimed. */
async function writeFiles(b: Batch): Promise<{ created: string[]; merged: string[] }> {
  const { trx, items, run, results, fileOf } = b;
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
  await claimKeys(trx, run.siteId, run.source, run.importId, claimed);
  return { created: made.map((m) => m.id), merged };
}

/** The household members of the batch whose reference person's file is known. */
async function writeMembers(b: Batch): Promise<{ rows: number[]; added: number }> {
  const fileOfMember = (v: LegacyValue) => (v.memberOf ? b.fileOf.get(idKey(v.memberOf)) : null) ?? null;
  const rows = b.items.flatMap(({ value: v, row }, i) =>
    row.decision === 'member' && v.identity && fileOfMember(v) ? [i] : [],
  );
  const added = await addImportedMembers(
    b.trx,
    b.run.who,
    rows.map((i) => {
      const v = b.items[i]!.value;
      return { caseFileId: fileOfMember(v)!, person: personOf(v), relationship: v.fields.relationship ?? '6' };
    }),
  );
  rows.forEach((i, n) => {
    if (added[n]) b.results[i] = { fileId: fileOfMember(b.items[i]!.value) };
  });
  return { rows, added: added.filter(Boolean).length };
}

/** The journal entries of the rows written (a file's first row, its history rows), recorded as imported. */
async function writeEntries(b: Batch): Promise<{ rows: number[] }> {
  const rows = b.items.flatMap(({ value: v, row }, i) =>
    row.decision !== 'member' && v.entry && b.results[i]?.fileId ? [i] : [],
  );
  const entries = await createImportedEntries(
    b.trx,
    b.run.who,
    rows.map((i) => {
      const e = b.items[i]!.value.entry!;
      return { caseFileId: b.results[i]!.fileId!, ...e, occurredAt: new Date(e.occurredAt) };
    }),
  );
  await recordImportedEntries(
    b.trx,
    b.run.importId,
    entries.map((e, n) => ({ entryId: e.id, caseFileId: b.results[rows[n]!]!.fileId! })),
  );
  return { rows };
}
