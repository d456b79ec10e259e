import type { Actor, UsagerTarget } from '../policy/actor.js';
import { followsUsager, isReferentOn } from '../policy/usager.js';

/** Who made the file's genogram (`null` while there is none). */
export interface GenogramTarget {
  createdById: string | null;
}

/**
 * The genogram is a working tool of the référents (docs/security.md, "Génogramme"): the référents and co-référents of
 * the file, and the worker who created it while they still follow the file. Not the team, not a motivated access
 * (break-glass), never the DPO or the statistics. Reading and writing go together.
 */
export const canUseGenogram = (a: Actor, f: UsagerTarget, g: GenogramTarget): boolean =>
  a.role === 'travailleur_social' && (isReferentOn(a, f) || (g.createdById === a.id && followsUsager(a, f)));
