import type { Role, SiteKind, SiteProfile } from '@jalon/core';

/** Answers of /api/admin/* (as server/src/modules/organisation presents them; not yet in core/src/dto.ts). */
export interface SiteDto {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  arrondissements: number[];
  /** Minimisation profile (issue 5). */
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

export interface ItemsDto<T> {
  items: T[];
}

/** The motif catalogue of the journal (GET /api/motifs, admin writes). */
export interface MotifDto {
  code: string;
  label: string;
  active: boolean;
}

/** The partner directory (GET /api/partners, admin writes). */
export interface PartnerDto {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  active: boolean;
}
