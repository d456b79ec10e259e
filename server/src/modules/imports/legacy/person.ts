import type { ImportedHousehold, ImportedPerson } from '../../usagers/index.js';
import type { EntryType } from '@jalon/core';
import type { Lookup } from './values.js';

/** The person and household of a legacy row as the usagers module stores them (docs/architecture.md, "Import pipeline"). */
export const personOf = (v: LegacyValue): ImportedPerson => ({
  ...v.identity!,
  sex: v.fields.sex ?? null,
  phone: v.fields.phone ?? null,
  email: v.fields.email ?? null,
  maritalStatus: v.fields.maritalStatus ?? 'NR',
  employmentStatus: v.fields.employmentStatus ?? 'NR',
});

export const householdOf = (v: LegacyValue): ImportedHousehold => ({
  addressLine: v.fields.addressLine ?? null,
  postalCode: v.fields.postalCode ?? null,
  city: v.fields.city ?? null,
  housingStatus: v.fields.housingStatus ?? 'NR',
  familyType: v.fields.familyType ?? 'NR',
});

/** One legacy row, mapped to Jalon's codes (docs/architecture.md, "Import pipeline"). */
export interface LegacyValue {
  legacyId: string;
  memberOf: string | null;
  identity: { birthName: string; usedName: string | null; firstNames: string; birthDate: string } | null;
  fields: Record<string, string | null>;
  teamId: string | null;
  referentId: string | null;
  entry: { type: EntryType; occurredAt: string; motifs: string[]; note: string | null } | null;
}

export interface LegacyEnv {
  teams: Lookup;
  referents: Lookup;
  motifs: Lookup;
  defaultTeam: string | null;
  /** Legacy ids met so far in this run, in file order: the next rows of one id are its journal history. */
  seen: Set<string>;
}
