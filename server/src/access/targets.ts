import type { UsagerTarget } from '@jalon/core';
import type { Queryable } from '../db/schema.js';
import { findTargetRows, type TargetRow } from './queries.js';

/**
 * The access layer's own targets (docs/architecture.md, "Access checked once"): the minimal facts a decision
 * needs, loaded before any heavy row (the query: queries.ts, `findTargetRows`).
 */
export interface FileTarget extends UsagerTarget {
  id: string;
  /** A limitation (RGPD art. 18) is active: the file is read only. */
  limited: boolean;
}

const toTarget = (row: TargetRow): FileTarget => ({
  id: row.id,
  siteId: row.site_id,
  teamId: row.team_id,
  createdById: row.created_by,
  referentIds: row.referent_ids ?? [],
  referentTeamIds: row.referent_team_ids ?? [],
  limited: Boolean(row.limited),
});

/** The target of one file, or null when it does not exist in the active base. */
export async function findFileTarget(db: Queryable, id: string): Promise<FileTarget | null> {
  const [row] = await findTargetRows(db, [id]);
  return row ? toTarget(row) : null;
}

/** The targets of a set of files in one query (lists, exports): missing ids are simply absent from the map. */
export async function findFileTargets(db: Queryable, ids: readonly string[]): Promise<Map<string, FileTarget>> {
  if (!ids.length) return new Map();
  const rows = await findTargetRows(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toTarget(r)]));
}
