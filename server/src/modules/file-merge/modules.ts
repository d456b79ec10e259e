import type { Trx } from '../../db/schema.js';
import { installedModules } from '../../platform/installed.js';
import type { ModuleMergeMoved } from '../../platform/module.js';

/**
 * The modules' part in a merge (docs/architecture.md, "Module contract", `merge`): each installed module with a
 * `merge` hook moves its rows of the absorbed file, in registry order, in the merge's transaction; the undo calls
 * them back in reverse order with what each returned.
 */
export async function moveModuleRows(trx: Trx, from: string, to: string, now: Date) {
  const moved: Record<string, ModuleMergeMoved> = {};
  for (const m of installedModules()) {
    const r = m.merge ? await m.merge.move(trx, from, to, now) : null;
    if (r) moved[m.name] = r;
  }
  return moved;
}

export async function moveModuleRowsBack(
  trx: Trx,
  moved: Record<string, ModuleMergeMoved> | undefined,
  from: string,
  to: string,
  now: Date,
) {
  if (!moved) return;
  for (const m of [...installedModules()].reverse()) {
    const r = moved[m.name];
    if (r && m.merge) await m.merge.moveBack(trx, r, from, to, now);
  }
}

/** The modules' counts, flattened for the answer and the audit row (`aidApplications`, `commissionItems`…). */
export const moduleCounts = (moved: Record<string, ModuleMergeMoved> | undefined): Record<string, number> =>
  Object.assign({}, ...Object.values(moved ?? {}).map((m) => m.counts)) as Record<string, number>;

/** What the modules left on the absorbed file, in French. */
export const moduleLeft = (moved: Record<string, ModuleMergeMoved>): string[] =>
  Object.values(moved).flatMap((m) => m.left ?? []);
