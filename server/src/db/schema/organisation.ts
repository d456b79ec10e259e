import type { ColumnType, Generated } from 'kysely';
import type { Role, SiteProfile } from '@jalon/core';
import type { Timestamp } from './columns.js';

export interface SiteTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'EPS' | 'PSA';
  arrondissements: ColumnType<number[], number[] | undefined, number[]>;
  /** Minimisation profile (docs/api.md, Sensitive sections): which sensitive sections the site's files may hold. */
  profile: ColumnType<SiteProfile, SiteProfile | undefined, SiteProfile>;
  /** Header of the letters the site prints (docs/api.md, "Courriers"). */
  address: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  opening_hours: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}
export interface TeamTable {
  id: Generated<string>;
  site_id: string;
  name: string;
  created_at: Generated<Date>;
}
export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  site_id: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
  /** Set when an administrator chose the password: the user changes it at first login. */
  must_change_password: Generated<boolean>;
}
export interface UserTeamTable {
  user_id: string;
  team_id: string;
}
