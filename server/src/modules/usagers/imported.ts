/** A person brought by an import, already validated and mapped to Jalon's codes by the import's adapter. */
export interface ImportedPerson {
  birthName: string;
  usedName: string | null;
  firstNames: string;
  birthDate: string;
  sex: string | null;
  phone: string | null;
  email: string | null;
  maritalStatus: string;
  employmentStatus: string;
}
export interface ImportedHousehold {
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  housingStatus: string;
  familyType: string;
}
