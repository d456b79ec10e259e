import * as client from 'openid-client';

/**
 * OpenID Connect login (ProConnect-compatible): authorization code flow with PKCE (S256), state and nonce.
 * Users are matched by e-mail to existing accounts, never created. Settings come from the environment (config.ts).
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Must be `<public URL>/api/auth/oidc/callback`, registered with the provider. */
  redirectUri: string;
  scope?: string;
  /** Only for a local provider over http (tests, development): production providers are https. */
  allowHttp?: boolean;
}

/** A pending login: what the callback must check, kept 10 minutes at most. */
interface Pending {
  nonce: string;
  codeVerifier: string;
  createdAt: number;
}
export const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;

export class OidcLogin {
  private config: Promise<client.Configuration> | null = null;
  private pending = new Map<string, Pending>();

  constructor(readonly settings: OidcSettings) {}

  /** Discovery is done once, at the first login (the provider may start after Jalon). A failure is retried next time. */
  private configuration(): Promise<client.Configuration> {
    const s = this.settings;
    this.config ??= client
      .discovery(
        new URL(s.issuer),
        s.clientId,
        s.clientSecret,
        undefined,
        s.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        this.config = null;
        throw err;
      });
    return this.config;
  }

  private prune(now: number): void {
    for (const [state, p] of this.pending) if (now - p.createdAt > PENDING_TTL_MS) this.pending.delete(state);
    while (this.pending.size >= MAX_PENDING) {
      const first = this.pending.keys().next().value;
      if (first === undefined) break;
      this.pending.delete(first);
    }
  }

  /** The provider's authorization URL and the state, which the caller binds to the browser with a cookie. */
  async start(now: Date): Promise<{ url: string; state: string }> {
    const config = await this.configuration();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    this.prune(now.getTime());
    this.pending.set(state, { nonce, codeVerifier, createdAt: now.getTime() });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope ?? 'openid email',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * Checks the callback (state bound to this browser, unexpired, used once; code exchanged with the PKCE verifier;
   * ID token signature, audience and nonce) and returns the e-mail the provider vouches for. Throws on any failure.
   */
  async finish(query: string, browserState: string | undefined, now: Date): Promise<string> {
    const params = new URLSearchParams(query);
    const state = params.get('state') ?? '';
    const pending = this.pending.get(state);
    this.pending.delete(state);
    if (!state || !pending || browserState !== state) throw new OidcError('oidc_state');
    if (now.getTime() - pending.createdAt > PENDING_TTL_MS) throw new OidcError('oidc_expired');
    if (params.has('error')) throw new OidcError('oidc_refused');
    const config = await this.configuration();
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = params.toString();
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new OidcError('oidc_failed');
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    if (!email) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = typeof info.email === 'string' ? info.email : undefined;
    }
    if (!email) throw new OidcError('oidc_no_email');
    return email.trim().toLowerCase();
  }
}

export class OidcError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
