import type { Role } from './domain/roles.js';
import type { FileAbilities, SessionAbilities } from './policy/file-page.js';
import type { SiteProfile } from './sections/domain.js';

/** Response shapes shared by the server presenters and the web client. */

export interface ErrorDto {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface MeDto {
  user: {
    id: string;
    email: string;
    displayName: string;
    role: Role;
    siteId: string | null;
    siteName: string | null;
    siteProfile: SiteProfile | null;
    teamIds: string[];
  };
  csrfToken: string;
  /** TOTP: `required` for the admin and the DPO; until `enrolled`, such a session reaches only the enrolment. */
  secondFactor: { enrolled: boolean; required: boolean };
  /** The password was chosen by an administrator: the user changes it first (docs/security.md, Login). */
  mustChangePassword: boolean;
  /** What the session may do beyond one file (policy/file-page.ts); the web shows only what this says. */
  can: SessionAbilities;
}

export interface CodedValue {
  code: string;
  label: string | null;
}

export interface PersonRefDto {
  id: string;
  displayName: string;
}

export interface UsagerGeneralDto {
  id: string;
  fileNumber: string;
  status: 'actif' | 'clos';
  version: number;
  /** `profile`: the site's minimisation profile, so the forms ask only what the site collects (docs/api.md, Sensitive sections). */
  site: { id: string; code: string; name: string; profile: SiteProfile };
  team: { id: string; name: string } | null;
  referent: PersonRefDto | null;
  coReferents: PersonRefDto[];
  lastContactAt: string | null;
  openedAt: string;
  person: {
    id: string;
    birthName: string;
    usedName: string | null;
    firstNames: string;
    sex: CodedValue | null;
    birthDate: string;
    birthPlace: string | null;
  };
  contact: {
    phone: string | null;
    email: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    domiciliation: boolean;
    domiciliationOrganism: string | null;
  };
}

export interface HouseholdMemberDto {
  memberId: string;
  personId: string;
  birthName: string;
  usedName: string | null;
  firstNames: string;
  sex: CodedValue | null;
  birthDate: string;
  relationship: CodedValue;
  startDate: string;
  endDate: string | null;
  startReason: string;
  endReason: string | null;
}

export interface UsagerFullPartDto {
  identifiers: { cafNumber: string | null; franceTravailId: string | null };
  situation: {
    nationality: CodedValue;
    maritalStatus: CodedValue;
    employmentStatus: CodedValue;
    cafActivity: CodedValue;
    educationLevel: CodedValue;
  };
  household: {
    id: string;
    housingStatus: CodedValue;
    housingNature: CodedValue;
    familyType: CodedValue;
    members: HouseholdMemberDto[];
  };
  closingReason: string | null;
}

/** The file as the caller may see it: `full` is absent unless `can.readFull`. */
export interface UsagerDto {
  data: UsagerGeneralDto & { full?: UsagerFullPartDto };
  can: FileAbilities;
}

export interface SearchResultDto {
  /** Files the caller may open (general part at least). */
  results: {
    id: string;
    fileNumber: string;
    displayName: string;
    birthDate: string;
    matchedPerson: string;
    status: 'actif' | 'clos';
    teamName: string | null;
    referentName: string | null;
    /** The surname typed is exactly the file's (a fuzzy match otherwise): exact matches rank with the cards. */
    exact: boolean;
  }[];
  /**
   * Principal persons of files of another site with exactly the name typed: a minimal card, computed from the name
   * only (docs/security.md, "Known elsewhere"); its file id only serves a motivated access (break-glass).
   */
  elsewhere: { displayName: string; siteName: string; caseFileId: string }[];
  /** Over the user's card budget: no card is shown for that many minutes (the site's own results still are). */
  elsewherePaused?: { minutes: number } | null;
  page: number;
  hasMore: boolean;
}

/**
 * Likely duplicates of a person about to get a file (docs/security.md, "Duplicates"): files of the caller's site,
 * and "known elsewhere" cards (name only) for other sites. Also the body of a 409 `likely_duplicate`.
 */
export interface DuplicateMatchesDto {
  onSite: { id: string; fileNumber: string; displayName: string; birthDate: string; status: 'actif' | 'clos' }[];
  elsewhere: SearchResultDto['elsewhere'];
  elsewherePaused?: SearchResultDto['elsewherePaused'];
}

export interface ConsultationDto {
  at: string;
  role: Role;
  siteName: string | null;
  part: string;
  /** Only for consultations by the référent's own team. */
  userName: string | null;
}
