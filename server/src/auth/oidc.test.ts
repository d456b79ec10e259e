import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, type TestUser } from '../test/factories.js';
import { IP_MAX_FAILURES } from './ip-throttle.js';
import { FREE_ATTEMPTS } from './login-throttle.js';

/**
 * OpenID Connect login end to end against a real provider (oidc-provider, started here on a port of 3100–3149):
 * discovery, authorization code with PKCE S256, state and nonce, ID token checks, matching by e-mail, never creating.
 */

const PORT = 3121;
const ISSUER = `http://127.0.0.1:${PORT}`;
const REDIRECT = 'https://jalon.paris.example/api/auth/oidc/callback';
let provider: Provider;
let server: Server;
let t: TestApp;
let oidcApp: Awaited<ReturnType<typeof buildApp>>;
let worker: TestUser;
/** What the provider saw in the last authorization request. */
let lastAuthParams: URLSearchParams = new URLSearchParams();

beforeAll(async () => {
  provider = new Provider(ISSUER, {
    clients: [
      {
        client_id: 'jalon',
        client_secret: 'secret-de-test-du-client',
        redirect_uris: [REDIRECT],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    // The account id typed at the dev login form is the e-mail the provider vouches for.
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: sub, email_verified: true }) }),
    claims: { email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth') lastAuthParams = new URLSearchParams(ctx.querystring);
    await next();
  });
  server = provider.listen(PORT, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  expect((server.address() as AddressInfo).port).toBe(PORT);

  t = await buildTestApp();
  oidcApp = await buildApp({
    db: t.db,
    dbKind: 'pglite',
    clock: t.clock.now,
    oidc: {
      issuer: ISSUER,
      clientId: 'jalon',
      clientSecret: 'secret-de-test-du-client',
      redirectUri: REDIRECT,
      allowHttp: true,
    },
  });
  await oidcApp.ready();
  const site = await buildSite(t.db);
  worker = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
});
afterAll(async () => {
  await oidcApp?.close();
  await t?.close();
  await new Promise((r) => server?.close(r));
});

/** A browser's cookie jar for the provider (its interaction and session cookies). */
class Jar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The user at the provider: follows its redirects, signs in as `email` and consents; returns Jalon's callback URL. */
async function atProvider(authorizationUrl: string, email: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizationUrl;
  for (let i = 0; i < 20; i++) {
    if (url.startsWith(REDIRECT)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      continue;
    }
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    const prompt = html.includes('name="login"') ? 'login' : 'consent';
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: email, password: 'x' } : { prompt });
    const post = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    jar.store(post);
    url = new URL(post.headers.get('location') ?? '', url).href;
  }
  throw new Error('no redirect back to Jalon');
}

const start = async () => {
  const res = await oidcApp.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(res.statusCode, res.body).toBe(303);
  const state = res.cookies.find((c) => c.name === 'jalon_oidc');
  return { location: String(res.headers.location), stateCookie: `jalon_oidc=${state?.value}`, raw: state };
};
const callback = (cb: URL, cookie: string) =>
  oidcApp.inject({ method: 'GET', url: `/api/auth/oidc/callback${cb.search}`, headers: { cookie } });
const sessionOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'jalon_sid' && c.value);

describe('OpenID Connect login', () => {
  it('is announced only when configured', async () => {
    expect((await oidcApp.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: false });
    const off = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(off.statusCode).toBe(404);
    expect(off.json().error.code).toBe('oidc_disabled');
  });

  it('logs an existing account in: code flow with PKCE S256, state and nonce, session opened', async () => {
    const s = await start();
    const auth = new URL(s.location);
    expect(auth.origin).toBe(ISSUER);
    expect(s.raw).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
    const cb = await atProvider(s.location, worker.email.toUpperCase());
    expect(lastAuthParams.get('code_challenge_method')).toBe('S256');
    expect(lastAuthParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(lastAuthParams.get('state')).toBe(s.stateCookie.split('=')[1]);
    expect(lastAuthParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(lastAuthParams.get('redirect_uri')).toBe(REDIRECT);
    expect(cb.searchParams.get('code')).toBeTruthy();

    const res = await callback(cb, s.stateCookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const sid = sessionOf(res);
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await oidcApp.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `jalon_sid=${sid?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(worker.id);
    const row = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'diff'])
      .where('action', '=', 'auth.login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ actor_id: worker.id, diff: { method: 'oidc' } });

    // The code and the state are single-use: replaying the callback fails.
    const replay = await callback(cb, s.stateCookie);
    expect(replay.headers.location).toBe('/connexion?erreur=oidc_state');
    expect(sessionOf(replay)).toBeUndefined();
  });

  it('never creates an account: an unknown e-mail is refused', async () => {
    const usersBefore = await t.db.selectFrom('app_user').select('id').execute();
    const s = await start();
    const res = await callback(await atProvider(s.location, 'inconnue@exemple.gouv.fr'), s.stateCookie);
    expect(res.headers.location).toBe('/connexion?erreur=oidc_unknown_account');
    expect(sessionOf(res)).toBeUndefined();
    expect(await t.db.selectFrom('app_user').select('id').execute()).toHaveLength(usersBefore.length);
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'auth.login_failed' and diff->>'reason' = 'oidc_unknown_account'`.execute(
      t.db,
    );
    expect(n.rows[0]?.n).toBe(1);
  });

  it('refuses a callback whose state is not the one of this browser (login CSRF), or a forged state', async () => {
    const victim = await start();
    const attacker = await start();
    const cb = await atProvider(attacker.location, worker.email);
    const res = await callback(cb, victim.stateCookie);
    expect(res.headers.location).toBe('/connexion?erreur=oidc_state');
    expect(sessionOf(res)).toBeUndefined();
    const forged = await oidcApp.inject({
      method: 'GET',
      url: '/api/auth/oidc/callback?code=abc&state=invente',
      headers: { cookie: 'jalon_oidc=invente' },
    });
    expect(forged.headers.location).toBe('/connexion?erreur=oidc_state');
    const none = await oidcApp.inject({ method: 'GET', url: '/api/auth/oidc/callback?%00=%00&state[]=x' });
    expect(none.statusCode).toBe(303);
    expect(none.headers.location).toBe('/connexion?erreur=oidc_state');
  });

  it('a state older than 10 minutes is refused', async () => {
    const s = await start();
    const cb = await atProvider(s.location, worker.email);
    t.clock.advance(11 * 60 * 1000);
    const res = await callback(cb, s.stateCookie);
    expect(res.headers.location).toBe('/connexion?erreur=oidc_expired');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('accounts with a second factor (and every admin and DPO) must use password and code', async () => {
    for (const u of [
      await buildUser(t.db, 'admin_fonctionnel', null),
      await buildUser(t.db, 'dpo', null, [], { secondFactor: false }),
    ]) {
      const s = await start();
      const res = await callback(await atProvider(s.location, u.email), s.stateCookie);
      expect(res.headers.location, u.role).toBe('/connexion?erreur=oidc_second_factor');
      expect(sessionOf(res)).toBeUndefined();
    }
  });
});

describe('OpenID Connect callback throttling (docs/security.md, Login)', () => {
  /** A callback from a given client address. */
  const from = (address: string, url: string, cookie?: string) =>
    oidcApp.inject({ method: 'GET', url, remoteAddress: address, headers: cookie ? { cookie } : {} });

  it('a flood of forged or replayed callbacks from one address is slowed down, other addresses are not', async () => {
    const flood = '198.51.100.7';
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      const r = await from(flood, `/api/auth/oidc/callback?code=abc&state=invente${i}`, `jalon_oidc=invente${i}`);
      expect(r.headers.location).toBe('/connexion?erreur=oidc_state');
    }
    // Even a genuine login from that address now waits; the provider's answer is not even checked.
    const s = await start();
    const cb = await atProvider(s.location, worker.email);
    const blocked = await from(flood, `/api/auth/oidc/callback${cb.search}`, s.stateCookie);
    expect(blocked.headers.location).toBe('/connexion?erreur=too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(sessionOf(blocked)).toBeUndefined();
    // The same flow from another address (its state was not spent by the refusal above) logs in.
    const elsewhere = await from('198.51.100.8', `/api/auth/oidc/callback${cb.search}`, s.stateCookie);
    expect(elsewhere.headers.location).toBe('/');
    // Replaying the spent state counts too.
    const replay = await from('198.51.100.8', `/api/auth/oidc/callback${cb.search}`, s.stateCookie);
    expect(replay.headers.location).toBe('/connexion?erreur=oidc_state');
  });

  it('an account delayed after wrong passwords from an address waits for ProConnect from there too', async () => {
    const address = '198.51.100.20';
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      const r = await oidcApp.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: address,
        payload: { email: worker.email, password: 'pas-le-bon-mot-de-passe' },
      });
      expect(r.statusCode).toBe(401);
    }
    const s = await start();
    const cb = await atProvider(s.location, worker.email);
    const res = await from(address, `/api/auth/oidc/callback${cb.search}`, s.stateCookie);
    expect(res.headers.location).toBe('/connexion?erreur=too_many_attempts');
    expect(sessionOf(res)).toBeUndefined();
    // From another address the account is not delayed: ProConnect logs in, and that success clears its own count.
    const s2 = await start();
    const ok = await from(
      '198.51.100.21',
      `/api/auth/oidc/callback${(await atProvider(s2.location, worker.email)).search}`,
      s2.stateCookie,
    );
    expect(ok.headers.location).toBe('/');
  });

  it('unknown accounts named by the provider count against the account and the address', async () => {
    const address = '198.51.100.30';
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      const s = await start();
      const cb = await atProvider(s.location, 'personne.inconnue@exemple.gouv.fr');
      const r = await from(address, `/api/auth/oidc/callback${cb.search}`, s.stateCookie);
      expect(r.headers.location).toBe('/connexion?erreur=oidc_unknown_account');
    }
    const s = await start();
    const cb = await atProvider(s.location, 'personne.inconnue@exemple.gouv.fr');
    const r = await from(address, `/api/auth/oidc/callback${cb.search}`, s.stateCookie);
    expect(r.headers.location).toBe('/connexion?erreur=too_many_attempts');
  });
});
