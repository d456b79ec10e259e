import {
  RSA_BLOCK_FIELDS,
  rsaLabel,
  type RsaBlockDto,
  type RsaBlockField,
  type RsaBlockInput,
  type RsaChangeDto,
  type RsaOrigin,
} from '@jalon/core';
import type { Selectable } from 'kysely';
import { audit, type Auditor } from '../../audit/audit.js';
import { diffFields } from '../../audit/diff.js';
import type { Queryable, RsaPersonTable } from '../../db/schema.js';
import { findRsaPerson, insertRsaChange, upsertRsaPerson } from './queries.js';

type Row = Selectable<RsaPersonTable>;
export type RsaBlockValues = RsaBlockInput;

const COLUMN: Record<RsaBlockField, keyof Row> = {
  etatdosrsa: 'etatdosrsa',
  natpf: 'natpf',
  toppersdrodevorsa: 'toppersdrodevorsa',
  rolepers: 'rolepers',
  dateOuverture: 'date_ouverture',
  numAllocataire: 'num_allocataire',
  sitpersdemrsa: 'sitpersdemrsa',
  ddSince: 'dd_since',
};
export const FIELD_LABELS: Record<RsaBlockField, string> = {
  etatdosrsa: 'État du droit',
  natpf: 'Nature de la prestation',
  toppersdrodevorsa: 'Soumis aux droits et devoirs',
  rolepers: 'Rôle dans le foyer',
  dateOuverture: 'Date d’ouverture du droit',
  numAllocataire: 'N° allocataire',
  sitpersdemrsa: 'Situation à la demande',
  ddSince: 'Entrée dans les droits et devoirs',
};
/** The code fields print their label in the history; the others print as they are. */
const LIST_OF: Partial<Record<RsaBlockField, 'etatdosrsa' | 'natpf' | 'rolepers' | 'sitpersdemrsa'>> = {
  etatdosrsa: 'etatdosrsa',
  natpf: 'natpf',
  rolepers: 'rolepers',
  sitpersdemrsa: 'sitpersdemrsa',
};

const valueOf = (row: Row | undefined, f: RsaBlockField): unknown => {
  if (!row) return f === 'toppersdrodevorsa' ? false : null;
  const v = row[COLUMN[f]];
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
};

/**
 * What a change does to a block (only the fields it carries; an absent `toppersdrodevorsa` is false): each field whose
 * value differs, from → to, and every column of the block after the change. Shared with the CAF flux's batch path
 * (import-queries.ts).
 */
export function blockChange(before: Row | undefined, values: Partial<RsaBlockValues>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of RSA_BLOCK_FIELDS) {
    if (!(f in values)) continue;
    const to = values[f] ?? (f === 'toppersdrodevorsa' ? false : null);
    const from = valueOf(before, f);
    if (from !== to) changes[f] = { from, to };
  }
  const columns = Object.fromEntries(
    RSA_BLOCK_FIELDS.map((f) => [COLUMN[f], f in changes ? changes[f]?.to : valueOf(before, f)]),
  ) as Partial<Row>;
  return { changes, columns };
}

export interface RsaChange {
  personId: string;
  caseFileId: string;
  /** The fields to set; a field left out keeps its value (an import may carry only some). */
  values: Partial<RsaBlockValues>;
  origin: RsaOrigin;
  actorId: string | null;
  /** The import (flux) it came from. */
  source?: string | null;
}

/**
 * Applies a change to a person's RSA block, in the caller's transaction: the row is updated, one dated history row
 * names every changed field with its old and new value and the origin (typed | imported), and the audit row is
 * written. Nothing changes (no history, no audit) when the values are the same: an import applied twice is a no-op.
 */
export async function applyRsaChange(trx: Queryable, who: Auditor, c: RsaChange): Promise<{ changed: string[] }> {
  const before = await findRsaPerson(trx, c.personId);
  const { changes, columns } = blockChange(before, c.values);
  const changed = Object.keys(changes);
  if (changed.length === 0 && before?.case_file_id === c.caseFileId) return { changed };
  await upsertRsaPerson(trx, {
    ...columns,
    person_id: c.personId,
    case_file_id: c.caseFileId,
    updated_at: who.now,
    updated_by: c.actorId,
    origin: c.origin,
  });
  if (changed.length === 0) return { changed };
  await insertRsaChange(trx, { ...c, source: c.source ?? null, at: who.now, changes });
  await audit(trx, who, 'rsa_person.update', {
    caseFileId: c.caseFileId,
    targetType: 'person',
    targetId: c.personId,
    // Codes only in clear; the n° allocataire and the dates are named, their values masked (audit/diff.ts).
    diff: {
      ...diffFields(
        'rsa_person.update',
        Object.fromEntries(changed.map((f) => [f, changes[f]?.from])),
        Object.fromEntries(changed.map((f) => [f, changes[f]?.to])),
      ),
      origin: { from: null, to: c.origin },
    },
  });
  return { changed };
}

const labelled = (list: Parameters<typeof rsaLabel>[0], code: string | null) =>
  code === null ? null : { code, label: rsaLabel(list, code) ?? '' };
const day = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

export function presentBlock(row: Row): RsaBlockDto {
  return {
    etatdosrsa: labelled('etatdosrsa', row.etatdosrsa),
    natpf: labelled('natpf', row.natpf),
    toppersdrodevorsa: row.toppersdrodevorsa,
    rolepers: labelled('rolepers', row.rolepers),
    dateOuverture: day(row.date_ouverture),
    numAllocataire: row.num_allocataire,
    sitpersdemrsa: labelled('sitpersdemrsa', row.sitpersdemrsa),
    ddSince: day(row.dd_since),
    updatedAt: new Date(row.updated_at).toISOString(),
    origin: { code: row.origin, label: rsaLabel('origin', row.origin) ?? '' },
  };
}

const printValue = (f: RsaBlockField, v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (f === 'toppersdrodevorsa') return v ? 'Oui' : 'Non';
  const list = LIST_OF[f];
  return list ? `${String(v)} – ${rsaLabel(list, String(v))}` : String(v);
};

export function presentChange(r: {
  at: Date | string;
  origin: string;
  changes: unknown;
  display_name: string | null;
}): RsaChangeDto {
  const changes = (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<
    string,
    { from: unknown; to: unknown }
  >;
  return {
    at: new Date(r.at).toISOString(),
    origin: { code: r.origin as RsaOrigin, label: rsaLabel('origin', r.origin) ?? '' },
    actorName: r.display_name,
    changes: Object.entries(changes).map(([field, c]) => ({
      field,
      label: FIELD_LABELS[field as RsaBlockField] ?? 'Autre donnée',
      from: printValue(field as RsaBlockField, c.from),
      to: printValue(field as RsaBlockField, c.to),
    })),
  };
}
