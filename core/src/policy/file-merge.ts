import type { Actor, UsagerTarget } from './actor.js';
import { isReferentOn } from './usager.js';

/**
 * Merging two files of the same person (docs/api.md, "Fusion de dossiers"; glossary "fusion de dossiers"): only a
 * worker named référent or co-référent of BOTH files, working on their site today, merges them; the other followers
 * of one file do not know the other one well enough to decide that they are the same person.
 */
export const canMergeFiles = (a: Actor, keep: UsagerTarget, absorbed: UsagerTarget): boolean =>
  a.role === 'travailleur_social' &&
  keep.siteId === absorbed.siteId &&
  isReferentOn(a, keep) &&
  isReferentOn(a, absorbed);

/** The merges of a file (and their undo) are the business of its référents. */
export const canSeeFileMerges = (a: Actor, f: UsagerTarget): boolean =>
  a.role === 'travailleur_social' && isReferentOn(a, f);

/** A merge is reversible for 30 days (docs/api.md, "Fusion de dossiers"). */
export const MERGE_UNDO_DAYS = 30;

/** The last instant a merge made at `mergedAt` may be undone. */
export const mergeUndoDeadline = (mergedAt: Date): Date => new Date(mergedAt.getTime() + MERGE_UNDO_DAYS * 86_400_000);

/** Whether a merge may still be undone at `now`: `undone` once undone, `expired` after 30 days. */
export function mergeUndoState(
  merge: { mergedAt: Date; undoneAt: Date | null },
  now: Date,
): 'open' | 'undone' | 'expired' {
  if (merge.undoneAt) return 'undone';
  return now.getTime() <= mergeUndoDeadline(merge.mergedAt).getTime() ? 'open' : 'expired';
}

/** The files of a merge as the rule sees them: their status, and whether one is already merged into another. */
export interface MergeCandidate {
  id: string;
  status: 'actif' | 'clos';
  retentionState: 'active' | 'archived' | 'anonymised';
  mergedInto: string | null;
}

/** Why two files may not be merged (a French message, answered 422), or null when they may. */
export function mergeRefusal(keep: MergeCandidate, absorbed: MergeCandidate): string | null {
  if (keep.id === absorbed.id) return 'Un dossier ne peut pas être fusionné avec lui-même';
  if (keep.mergedInto || absorbed.mergedInto) return 'Ce dossier a déjà été fusionné dans un autre dossier';
  if (
    keep.status !== 'actif' ||
    absorbed.status !== 'actif' ||
    keep.retentionState !== 'active' ||
    absorbed.retentionState !== 'active'
  )
    return 'Seuls deux dossiers actifs peuvent être fusionnés';
  return null;
}
