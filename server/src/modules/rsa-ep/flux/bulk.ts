import { NOT_PROVIDED, type RsaBlockInput } from '@jalon/core';
import type { Queryable, Trx } from '../../../db/schema.js';
import type { BatchCommit, CommitItem, ImportRun, RowMatch } from '../../imports/index.js';
import { applyImportedRsaChanges, rsaPersonsByAllocataire } from '../../rsa/index.js';
import { createImportedFiles, siteDuplicateIdsMany } from '../../usagers/index.js';
import { membersBornOn, personsByCafNumber } from './queries.js';

/**
 * The CAF flux adapter's batch paths (docs/api.md, "RSA : flux CAF"; ADR 013): the decisions and writes of `match`
 * and `commit`, for a page of persons with one lookup per kind (n° allocataire, then the duplicate matcher) and a
 * batch of files and RSA changes written with one statement per table.
 */

export interface CafValue {
  matricule: string;
  nom: string;
  prenom: string;
  dtnai: string;
  rolepers: string;
  values: Partial<RsaBlockInput>;
}

const pair = (matricule: string, birthDate: string) => `${matricule}|${birthDate}`;

export async function matchFluxMany(db: Queryable, values: CafValue[], run: ImportRun): Promise<RowMatch[]> {
  const out: (RowMatch | null)[] = values.map((v) =>
    v.rolepers !== 'DEM' && v.rolepers !== 'CJT'
      ? { decision: 'skip', reason: 'Ni demandeur ni conjoint : pas de droits et devoirs à suivre' }
      : null,
  );
  const open = values.flatMap((v, i) => (out[i] ? [] : [i]));
  const keys = open.map((i) => ({ matricule: values[i]!.matricule, birthDate: values[i]!.dtnai }));
  const [own, rsa] = await Promise.all([
    personsByCafNumber(db, run.siteId, keys),
    rsaPersonsByAllocataire(db, run.siteId, keys),
  ]);
  const sure = new Map<string, Map<string, string>>();
  for (const r of [...own, ...rsa]) {
    const k = pair(r.matricule, r.birth_date);
    const hits = sure.get(k) ?? new Map<string, string>();
    hits.set(`${r.person_id}|${r.case_file_id}`, r.case_file_id);
    sure.set(k, hits);
  }
  const unknown: number[] = [];
  for (const i of open) {
    const hits = [...(sure.get(pair(values[i]!.matricule, values[i]!.dtnai))?.values() ?? [])];
    if (hits.length === 1) out[i] = { decision: 'history', fileId: hits[0] ?? null };
    else if (hits.length > 1)
      out[i] = { decision: 'reject', reason: 'Plusieurs dossiers du site sous ce n° allocataire' };
    else unknown.push(i);
  }
  const likely = await siteDuplicateIdsMany(
    db,
    run.siteId,
    unknown.map((i) => ({ birthName: values[i]!.nom, firstNames: values[i]!.prenom, birthDate: values[i]!.dtnai })),
  );
  unknown.forEach((i, n) => {
    const dup = likely[n];
    if (dup) out[i] = { decision: 'merge', fileId: dup };
    else if (values[i]!.rolepers === 'CJT')
      out[i] = { decision: 'skip', reason: 'Conjoint inconnu du site : rattachez-le au dossier du demandeur' };
    else out[i] = { decision: 'create' };
  });
  return out.map((m) => m ?? { decision: 'reject', reason: 'Ligne non analysée' });
}

export async function commitFluxMany(trx: Trx, items: CommitItem<CafValue>[], run: ImportRun): Promise<BatchCommit> {
  const creates = items.flatMap((it, i) => (it.row.decision === 'create' ? [i] : []));
  const made = await createImportedFiles(
    trx,
    run.who,
    run.siteId,
    creates.map((i) => {
      const v = items[i]!.value;
      return {
        teamId: run.options.teamId ?? null,
        referentId: null,
        person: {
          birthName: v.nom,
          usedName: null,
          firstNames: v.prenom,
          birthDate: v.dtnai,
          sex: null,
          phone: null,
          email: null,
          maritalStatus: NOT_PROVIDED,
          employmentStatus: NOT_PROVIDED,
        },
        household: {
          addressLine: null,
          postalCode: null,
          city: null,
          housingStatus: NOT_PROVIDED,
          familyType: NOT_PROVIDED,
        },
      };
    }),
  );
  const target: ({ fileId: string; personId: string } | null)[] = items.map(() => null);
  creates.forEach((i, n) => (target[i] = { fileId: made[n]!.id, personId: made[n]!.personId }));
  const known = items.flatMap((it, i) =>
    it.row.decision !== 'create' && it.row.matchFileId ? [{ i, fileId: it.row.matchFileId }] : [],
  );
  const members = await membersBornOn(
    trx,
    known.map((k) => ({ caseFileId: k.fileId, birthDate: items[k.i]!.value.dtnai })),
  );
  const personOf = new Map(members.map((m) => [`${m.case_file_id}|${m.birth_date}`, m.person_id]));
  for (const k of known) {
    const personId = personOf.get(`${k.fileId}|${items[k.i]!.value.dtnai}`);
    if (personId) target[k.i] = { fileId: k.fileId, personId };
  }
  const changes = items.flatMap((it, i) => {
    const t = target[i];
    return t ? [{ personId: t.personId, caseFileId: t.fileId, values: it.value.values }] : [];
  });
  const changed = await applyImportedRsaChanges(trx, run.who.now, `caf:${run.importId}`, changes);
  const created = new Set(made.map((m) => m.id));
  const merged = items.flatMap((it, i) => (it.row.decision === 'merge' && target[i] ? [target[i]!.fileId] : []));
  return {
    results: target.map((t) => ({ fileId: t?.fileId ?? null })),
    written: {
      created: [...created],
      merged,
      updated: [...new Set(target.flatMap((t) => (t && !created.has(t.fileId) ? [t.fileId] : [])))],
      entries: 0,
      members: 0,
      rsaChanged: changed.length,
    },
  };
}
