import {
  CODE_LISTS,
  ENTRY_TYPES,
  LEGACY_CODE_FIELDS,
  LEGACY_FIELD_LABELS,
  NOT_PROVIDED,
  type EntryType,
  type ImportProfile,
  type LegacyMappedField,
} from '@jalon/core';

/**
 * Field values of a legacy row (docs/architecture.md, "Import pipeline"): dates in the profile's format (an XLSX day
 * number too), legacy codes through the profile's tables. Each check answers a French reason naming the field.
 */

export const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** The Excel day number of a date (1900 system; 60 is the fictitious 29 February 1900). */
const fromSerial = (n: number) =>
  new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 10);

/** A date of the row as yyyy-mm-dd, or a French reason. */
export function parseLegacyDate(
  raw: string,
  format: ImportProfile['dateFormat'],
  field: string,
): string | { reason: string } {
  const s = raw.trim();
  const label = LEGACY_FIELD_LABELS[field as keyof typeof LEGACY_FIELD_LABELS] ?? field;
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    const [a, b] = [+match[1]!, +match[2]!];
    [d, m] = format === 'dd/mm/yyyy' || format === 'yyyy-mm-dd' ? [a, b] : [b, a];
    y = +match[3]!;
  } else if (/^\d{4,5}(\.\d+)?$/.test(s) && +s > 0 && +s < 80_000) return fromSerial(+s);
  else
    return {
      reason: `${label} « ${s} » : date illisible (attendu ${format === 'yyyy-mm-dd' ? 'année-mois-jour, par exemple 2024-03-15' : 'jj/mm/aaaa'})`,
    };
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d)
    return { reason: `${label} « ${s} » : cette date n’existe pas` };
  return dt.toISOString().slice(0, 10);
}

export type Lookup = (raw: string) => string | null;

/** The code of a legacy value: the profile's table first, then the value itself when it already is a Jalon code. */
export function codeOf(
  profile: ImportProfile,
  field: LegacyMappedField,
  raw: string,
  ownCodes: Lookup,
): { code: string | null } | { unmapped: string } {
  const value = raw.trim();
  if (!value) return { code: null };
  const table = profile.codes[field] ?? {};
  const key = Object.keys(table).find((k) => norm(k) === norm(value));
  if (key !== undefined) return { code: ownCodes(table[key]!) ?? table[key]! };
  const own = ownCodes(value);
  return own !== null ? { code: own } : { unmapped: value };
}

/** A lookup on a Jalon code list (by code or by French label). */
export function codeListLookup(field: keyof typeof LEGACY_CODE_FIELDS): Lookup {
  const entries = CODE_LISTS[LEGACY_CODE_FIELDS[field]].entries;
  return (raw) => {
    const v = norm(raw);
    return entries.find((e) => norm(e.code) === v || norm(e.label) === v)?.code ?? null;
  };
}

export const entryTypeLookup: Lookup = (raw) => ENTRY_TYPES.find((t) => t === raw.trim()) ?? null;
export const isEntryType = (s: string): s is EntryType => (ENTRY_TYPES as readonly string[]).includes(s);
export { NOT_PROVIDED };
