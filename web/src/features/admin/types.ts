import type { Role, SiteKind, SiteProfile } from '@jalon/core';

/** Answers of /api/admin/* (as server/src/modules/organisation presents them; not yet in core/src/dto.ts). */
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

/** The motif catalogue (GET /api/motifs, admin writes) and the partner directory (GET /api/partners, admin writes) are defined once, in core. */
export type { ItemsDto, MotifDto, PartnerDto } from '@jalon/core';
