import type { ErrorDto } from '@jalon/core';

/**
 * The only way the web talks to the server. Same-origin cookie session; every mutation carries the
 * CSRF token the server handed over at login or on `GET /api/auth/me` (the cookie alone is not enough).
 */

/** A server error, with the stable code for logic and the French message for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let handleUnauthorized: (() => void) | null = null;

/** Kept in memory only: a reload asks `/api/auth/me` again, which returns it. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** The app registers what a 401 means (back to the login page) without the client knowing the router. */
export const setUnauthorizedHandler = (handler: (() => void) | null) => {
  handleUnauthorized = handler;
};

/** Paths whose 401 is an answer to show, not an expired session. */
const AUTH_PATHS = ['/auth/login', '/auth/me', '/auth/password', '/setup'];

const NETWORK_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.';

const readError = async (res: Response): Promise<ApiError> => {
  const body = (await res.json().catch(() => null)) as Partial<ErrorDto> | null;
  const err = body?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(res.status, err.code ?? 'error', err.message, err.fields ?? {});
  }
  return new ApiError(res.status, 'http_error', `Erreur inattendue du serveur (${res.status}). Réessayez plus tard.`);
};

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE);
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !AUTH_PATHS.includes(path)) handleUnauthorized?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds `?a=1&b=2` from defined values only. */
export const toQuery = (params: Record<string, string | number | undefined | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A multipart upload (documents): the browser sets the boundary. */
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
