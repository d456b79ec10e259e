/**
 * Answers of the usager endpoints that core/src/dto.ts does not describe yet (docs/api.md spells them).
 * To move to core when the server exports them.
 */

/** A row of "Ma file active" and "Mon équipe". */
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

export interface ItemsDto<T> {
  items: T[];
}

export interface SiteTeamDto {
  id: string;
  name: string;
}

export interface SiteWorkerDto {
  id: string;
  displayName: string;
  teamIds: string[];
}

export interface CreatedUsagerDto {
  id: string;
  fileNumber: string;
}
