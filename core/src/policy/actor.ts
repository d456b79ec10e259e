import type { Role } from '../domain/roles.js';

/** Who is acting: resolved from the session on every request. */
export interface Actor {
  id: string;
  role: Role;
  siteId: string | null;
  teamIds: readonly string[];
  /** Files opened under an unexpired motivated access (break-glass, docs/api.md): read only, resolved with the session. */
  motivatedFileIds?: readonly string[];
}

/**
 * The minimal facts needed to decide access to a file (style rule 3): loaded before the heavy row,
 * so the decision never depends on data the caller may not see.
 */
export interface UsagerTarget {
  /** The file's id, to match a motivated access; absent in pure tests that do not need it. */
  id?: string;
  siteId: string;
  /** The team that follows the file. */
  teamId: string | null;
  /** Active référent and co-référents. */
  referentIds: readonly string[];
  /** Teams of the active référents. */
  referentTeamIds: readonly string[];
  createdById: string | null;
}
