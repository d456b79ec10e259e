import { isIPv6 } from 'node:net';
import { AppError } from '../errors.js';

/** Failed logins allowed per client address in the sliding window, whatever the accounts tried. */
export const IP_MAX_FAILURES = 20;
export const IP_WINDOW_MS = 15 * 60 * 1000;
/** Bound on the addresses remembered, so a flood of addresses cannot grow the memory without limit. */
const MAX_TRACKED = 50_000;

/** An IPv6 client is counted by its /64 network: one host can use every address of its prefix. */
export const clientKey = (ip: string): string => {
  if (!isIPv6(ip) || ip.startsWith('::ffff:')) return ip.replace(/^::ffff:/, '');
  const [head = ''] = ip.split('::');
  const groups = head.split(':').filter(Boolean);
  const full = ip.includes('::') ? [...groups, '0', '0', '0', '0'] : ip.split(':');
  return `${full.slice(0, 4).join(':')}::/64`;
};

/**
 * Sliding window of failed logins per client address (in memory: one server process). Checked before the password
 * is verified; failures of every account count, so spraying one password over many accounts is slowed down too.
 */
export class IpThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max = IP_MAX_FAILURES,
    private readonly windowMs = IP_WINDOW_MS,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds until the next attempt is allowed, or 0. */
  retryAfter(ip: string, now: Date): number {
    const kept = this.recent(clientKey(ip), now.getTime());
    if (kept.length < this.max) return 0;
    const oldest = kept[kept.length - this.max] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now.getTime()) / 1000));
  }

  /**
   * Checks and counts the attempt in one synchronous step, before the password is verified: concurrent requests see
   * each other's attempts. Returns the seconds to wait (the attempt is then not counted), or 0.
   */
  reserve(ip: string, now: Date): number {
    const wait = this.retryAfter(ip, now);
    if (wait > 0) return wait;
    this.recordFailure(ip, now);
    return 0;
  }

  /** A successful login gives its reserved attempt back. */
  release(ip: string, now: Date): void {
    const key = clientKey(ip);
    const kept = this.recent(key, now.getTime());
    const i = kept.lastIndexOf(now.getTime());
    kept.splice(i >= 0 ? i : kept.length - 1, 1);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
  }

  recordFailure(ip: string, now: Date): void {
    const key = clientKey(ip);
    const kept = this.recent(key, now.getTime());
    if (!kept.length && this.failures.size >= MAX_TRACKED) {
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
    kept.push(now.getTime());
    this.failures.set(key, kept.slice(-this.max));
  }
}

export const tooManyAttempts = (seconds: number) =>
  new AppError(
    429,
    'too_many_attempts',
    `Trop de tentatives de connexion depuis votre poste : réessayez dans ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
  );

const perApp = new WeakMap<object, IpThrottle>();

/**
 * The one address throttle of an app (keyed by its dependencies), shared by the password login and the OpenID Connect
 * callback (docs/security.md, Login): failures of either count against the same address.
 */
export const ipThrottleOf = (deps: object): IpThrottle => {
  let throttle = perApp.get(deps);
  if (!throttle) perApp.set(deps, (throttle = new IpThrottle()));
  return throttle;
};
