import type { Role, SiteKind } from './domain/roles.js';
import type { SiteProfile } from './sections/domain.js';

/** Answers of /api/admin/* and /api/site/* (modules/organisation), shared by the server and the web. */

export interface SiteDto {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  arrondissements: number[];
  /** Minimisation profile (docs/api.md, Sensitive sections). */
  profile: SiteProfile;
}

export interface TeamDto {
  id: string;
  siteId: string;
  name: string;
}

export interface AdminUserDto {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  siteId: string | null;
  active: boolean;
  locked: boolean;
  teamIds: string[];
  /** In the list only: a confirmed TOTP factor. */
  secondFactor?: boolean;
}

/** GET /api/site/teams: the teams of the caller's site. */
export interface SiteTeamDto {
  id: string;
  name: string;
}

/** GET /api/site/workers: the active social workers of the caller's site. */
export interface SiteWorkerDto {
  id: string;
  displayName: string;
  teamIds: string[];
}

/** A row of "Ma file active" and "Mon équipe" (GET /api/usagers/mine, /api/usagers/team). */
export interface UsagerListItem {
  id: string;
  fileNumber: string;
  displayName: string;
  birthDate: string;
  status: 'actif' | 'clos';
  teamName: string | null;
  referentName: string | null;
  lastContactAt: string | null;
}

/** POST /api/usagers. */
export interface CreatedUsagerDto {
  id: string;
  fileNumber: string;
}
