import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AppDeps } from './context.js';
import { AppError, forbidden } from './errors.js';
import { frenchClientError } from './client-error.js';
import { SESSION_COOKIE, invalidateSessionCache, resolveSession } from './auth/sessions.js';
import { authRoutes } from './auth/routes.js';
import { passwordChangeGate } from './auth/session-reply.js';
import { secondFactorGate, secondFactorRoutes } from './auth/second-factor-routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { installRegistry } from './modules/registry.js';
import { installedModules } from './platform/installed.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route registered, so tests can check that each one has its access spec. */
    apiRoutes: { method: string; url: string }[];
    /** The injected clock (tests compute TOTP codes at the app's time). */
    clock: () => Date;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that change what a session carries (user, teams, site, second factor, motivated access): see sessions.ts. */
const SESSION_WRITES = /^\/api\/(admin|auth|setup)(\/|$)|\/break-glass$/;

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Maps framework errors to French messages with stable codes; a stack trace never leaves the server. */
function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', 'Le corps de la requête n’est pas un JSON valide');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', 'La requête est trop volumineuse');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'Type de contenu non pris en charge : envoyez du JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'invalid_content_length', 'Longueur de contenu invalide');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new AppError(400, 'bad_url', 'Adresse invalide');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError(414, 'url_too_long', 'Adresse trop longue');
    default:
      if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
        return new AppError(e.statusCode, 'bad_request', 'Requête invalide');
      }
      return new AppError(
        500,
        'internal_error',
        'Erreur interne : l’opération n’a pas été enregistrée. Réessayez ou contactez le support.',
      );
  }
}

function securityHeaders(reply: FastifyReply, deps: AppDeps): FastifyReply {
  // A route may narrow a header for its own answer (a document shown in a frame of the app: modules/documents).
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
  if (deps.secureCookies) reply.header('strict-transport-security', HSTS);
  return reply;
}

const HSTS = 'max-age=63072000; includeSubDomains';
/** API answers carry personal data (JSON, PDF, CSV): never kept by a browser or proxy cache (docs/security.md). */
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');

function sendError(err: Error, req: FastifyRequest, reply: FastifyReply) {
  const appErr = toAppError(err);
  if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
  const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
    error: { code: appErr.code, message: appErr.message },
  };
  if (appErr.fields) body.error.fields = appErr.fields;
  return reply.code(appErr.status).send(body);
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  installRegistry(); // the modules served, handed to the platform services (docs/adr/007-module-contract.md)
  const app = Fastify({
    logger: deps.log ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Errors raised by the router itself (malformed %-encoding, over-long parameter) get the same French body;
    // they skip the onSend hooks, hence the headers set here.
    frameworkErrors: (err, req, reply) => sendError(err, req, noStore(securityHeaders(reply, deps))),
    // Errors of the HTTP parser, below the router: written on the socket (client-error.ts).
    clientErrorHandler: frenchClientError(() => ({
      ...SECURITY_HEADERS,
      ...(deps.secureCookies ? { 'strict-transport-security': HSTS } : {}),
    })),
  });
  const apiRoutes: { method: string; url: string }[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.decorate('clock', deps.clock);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    for (const m of Array.isArray(r.method) ? r.method : [r.method])
      if (m !== 'HEAD') apiRoutes.push({ method: m, url: r.url });
  });
  app.decorateRequest('session', null);
  app.decorateRequest('now', null as unknown as Date);
  await app.register(cookie);
  // JSON only (docs/api.md): a text/plain body, which a cross-site form can send without a preflight, is a 415.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler(sendError);

  app.addHook('onSend', async (req, reply, payload) => {
    securityHeaders(reply, deps);
    if (req.url.startsWith('/api/')) noStore(reply);
    // After the handler's transaction, before the answer leaves: the next request reads the new state.
    if (MUTATING.has(req.method) && SESSION_WRITES.test(req.routeOptions.url ?? req.url)) invalidateSessionCache();
    return payload;
  });

  app.addHook('onRequest', async (req) => {
    req.now = deps.clock();
    if (!req.url.startsWith('/api/')) return;
    if (MUTATING.has(req.method)) {
      // Cross-site requests are refused before anything else (CSRF, with SameSite=Strict and the token below).
      // `Origin: null` (sandboxed frame, file://, some redirects) is never this application: refused too.
      const origin = req.headers.origin;
      if (origin !== undefined) {
        let host: string;
        try {
          host = new URL(origin).host;
        } catch {
          host = '';
        }
        if (host !== req.headers.host) throw forbidden('Requête d’origine étrangère refusée');
      }
    }
    const raw = req.cookies[SESSION_COOKIE];
    req.session = raw ? await resolveSession(deps.db, raw, req.now) : null;
    if (req.session && MUTATING.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (sent !== req.session.csrfToken) {
        throw new AppError(403, 'csrf_invalid', 'Jeton de sécurité (CSRF) absent ou invalide : rechargez la page');
      }
    }
    secondFactorGate(req);
    passwordChangeGate(req);
  });

  await app.register(async (api) => {
    api.get('/api/health', async () => ({ status: 'ok', database: deps.dbKind }));
    await authRoutes(api, deps);
    await secondFactorRoutes(api, deps);
    await oidcRoutes(api, deps);
    // Every module's routes, from the registry (docs/architecture.md, "Module contract").
    for (const m of installedModules()) await m.routes?.(api, deps);
  });

  if (deps.webDist && existsSync(deps.webDist)) {
    await app.register(fastifyStatic, { root: deps.webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && deps.webDist && existsSync(deps.webDist)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'not_found', message: 'Ressource introuvable' } });
  });
  return app;
}
