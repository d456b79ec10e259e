/** The little of oidc-provider (a dev dependency without types) the OpenID Connect test uses. */
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  interface KoaContext {
    path: string;
    querystring: string;
  }
  interface Account {
    accountId: string;
    claims: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  }
  export interface Configuration {
    clients?: Record<string, unknown>[];
    findAccount?: (ctx: unknown, sub: string) => Account | Promise<Account | undefined> | undefined;
    claims?: Record<string, string[]>;
    pkce?: { required?: () => boolean };
    cookies?: { keys?: string[] };
    [key: string]: unknown;
  }
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    listen(port: number, host?: string): Server;
  }
}
