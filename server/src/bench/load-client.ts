import autocannon from 'autocannon';

/**
 * The load generator, in its own process so that the server's event loop and RSS are measured alone.
 * Receives a LoadConfig on the IPC channel, runs autocannon against 127.0.0.1 for a bounded duration, answers
 * with a LoadClientResult and exits.
 */

export interface LoadUser {
  cookie: string;
  csrf: string;
  /** Files the user follows (reads and journal entries). */
  ownFiles: string[];
  /** Other files of the user's site (general part). */
  siteFiles: string[];
  queries: string[];
}

export interface LoadConfig {
  port: number;
  duration: number;
  connections: number;
  users: LoadUser[];
  mix: { read: number; search: number; write: number };
}

export type RequestKind = 'read' | 'search' | 'write';

export interface LoadClientResult {
  requestsPerSecond: number;
  total: number;
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  byKind: Record<RequestKind, { sent: number; non2xx: number; statuses: Record<string, number> }>;
  durationSeconds: number;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const NOTE = 'Appel pour confirmer le rendez-vous de la semaine prochaine.';

export async function runLoad(cfg: LoadConfig): Promise<LoadClientResult> {
  const byKind: LoadClientResult['byKind'] = {
    read: { sent: 0, non2xx: 0, statuses: {} },
    search: { sent: 0, non2xx: 0, statuses: {} },
    write: { sent: 0, non2xx: 0, statuses: {} },
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${cfg.port}`,
    connections: cfg.connections,
    duration: cfg.duration,
    timeout: 10,
    requests: [
      {
        setupRequest: (req: autocannon.Request, ctx: object): autocannon.Request => {
          const context = ctx as Record<string, unknown>;
          const u = pick(cfg.users);
          const r = Math.random();
          const kind: RequestKind = r < cfg.mix.read ? 'read' : r < cfg.mix.read + cfg.mix.search ? 'search' : 'write';
          context.kind = kind;
          byKind[kind].sent += 1;
          if (kind === 'read') {
            const id = Math.random() < 0.7 ? pick(u.ownFiles) : pick(u.siteFiles.length ? u.siteFiles : u.ownFiles);
            return { ...req, method: 'GET', path: `/api/usagers/${id}`, headers: { cookie: u.cookie } };
          }
          if (kind === 'search') {
            return {
              ...req,
              method: 'GET',
              path: `/api/usagers/search?q=${encodeURIComponent(pick(u.queries))}`,
              headers: { cookie: u.cookie },
            };
          }
          const body = JSON.stringify({
            type: 'appel_sortant',
            occurredAt: new Date().toISOString(),
            durationMinutes: 10,
            motifs: ['logement'],
            note: NOTE,
            visibility: 'referents',
          });
          return {
            ...req,
            method: 'POST',
            path: `/api/usagers/${pick(u.ownFiles)}/journal`,
            headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'application/json' },
            body,
          };
        },
        onResponse: (status: number, _body: string, ctx: object) => {
          const context = ctx as Record<string, unknown>;
          const k = byKind[(context.kind as RequestKind | undefined) ?? 'read'];
          k.statuses[status] = (k.statuses[status] ?? 0) + 1;
          if (status < 200 || status > 299) k.non2xx += 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    byKind,
    durationSeconds: result.duration,
  };
}

if (process.send) {
  process.once('message', (cfg: LoadConfig) => {
    runLoad(cfg).then(
      (r) => process.send?.({ ok: true, result: r }, () => process.exit(0)),
      (err: unknown) => process.send?.({ ok: false, error: String(err) }, () => process.exit(1)),
    );
  });
}
