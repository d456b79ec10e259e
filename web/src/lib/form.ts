import { isApiError } from './api-client';

/** Field messages keyed by field path (`birthName`, `identity.birthName`), as the server sends them. */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The first message per field from a zod result, to show next to the field before any round trip. */
export const issuesToFields = (issues: readonly IssueLike[]): FieldErrors => {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
};

/** `identity.birthName` → `birthName`: inside a section form, fields are named as in the section. */
export const stripPrefix = (fields: FieldErrors, prefix: string): FieldErrors => {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[k.startsWith(`${prefix}.`) ? k.slice(prefix.length + 1) : k] = v;
  return out;
};

/** Field messages of a server error, with an optional section prefix removed. */
export const serverFieldErrors = (error: unknown, prefix?: string): FieldErrors => {
  if (!isApiError(error)) return {};
  return prefix ? stripPrefix(error.fields, prefix) : error.fields;
};
