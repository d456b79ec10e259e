import type { ZodError, ZodType } from 'zod';

/** An error meant for the user: a stable code for the client, a French message, never a stack trace. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Ressource') => new AppError(404, 'not_found', `${what} introuvable`);
export const forbidden = (message = 'Action non autorisée pour votre profil') =>
  new AppError(403, 'forbidden', message);
export const unauthorized = () =>
  new AppError(401, 'unauthenticated', 'Session absente ou expirée : veuillez vous reconnecter');
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const unprocessable = (code: string, message: string, fields?: Record<string, string>) =>
  new AppError(422, code, message, fields);

export const validationError = (err: ZodError) => {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = err.issues[0];
  const where = first && first.path.length ? ` (${first.path.map(String).join('.')})` : '';
  return new AppError(
    400,
    'validation_error',
    `Données invalides${where} : ${first?.message ?? 'format incorrect'}`,
    fields,
  );
};

/** Validates an input with its zod schema; bad input becomes a 400 with French messages per field. */
export const parse = <T>(schema: ZodType<T>, data: unknown): T => {
  // A missing body counts as `{}`; a JSON `null` is a wrong body, not an empty one.
  const r = schema.safeParse(data === undefined ? {} : data);
  if (!r.success) throw validationError(r.error);
  return r.data;
};
