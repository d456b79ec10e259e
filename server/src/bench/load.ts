import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.js';
import type { DatabaseKind } from '../db/connect.js';
import type { Db } from '../db/schema.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import type { LoadClientResult, LoadConfig, LoadUser } from './load-client.js';
import type { BenchActor } from './measure.js';
import { loadBenchSettings } from '../config.js';

export interface LoadResult extends LoadClientResult {
  connections: number;
  users: number;
  rss: { maxMb: number; meanMb: number; beforeMb: number; samples: number; separateProcess: boolean };
  mix: LoadConfig['mix'];
  /**
   * Machine CPU (every process: server, PostgreSQL, load generator) per request, in ms: busy time of all cores over
   * the load divided by the requests. Steadier than req/s on a shared machine, where neighbours take wall-clock time.
   */
  cpuMsPerRequest: number;
}

/** Busy milliseconds of all cores since boot (os.cpus: user + nice + sys + irq). */
const busyMs = (): number => cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);

export interface LoadOptions {
  duration: number;
  connections: number;
  /** Shares of file reads, searches and journal writes (default 0.7 / 0.2 / 0.1). */
  mix?: LoadConfig['mix'];
  password?: string;
  /** PostgreSQL: the server runs in a process of its own on this URL. */
  databaseUrl?: string;
}

/** Logs in through the API as a browser would: the session cookie and the CSRF token of the answer. */
export async function login(base: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('jalon_sid='));
  if (!sid) throw new Error(`login ${email}: no session cookie`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: sid.split(';')[0] ?? '', csrf: body.csrfToken };
}

/**
 * The V8 flags of `npm start` (package.json). With V8's default heap limit (a few GB on this 24 GB machine) the server
 * under load let its heap grow: RSS 175 MB before the load, up to 298-310 MB during it, for ~55 MB of live objects.
 * 4 MB semi-spaces and a 256 MB old space keep it at ~175 MB, with the same throughput (docs/benchmarks.md).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256'];

/** VmRSS of a process, in MB (Linux /proc). */
const rssOf = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

/** The server for the load: on PostgreSQL its own process (bench/load-server.ts), on PGlite this process (one connection). */
async function startServer(db: Db, kind: DatabaseKind, databaseUrl: string | undefined) {
  if (kind === 'postgres' && databaseUrl) {
    const path = fileURLToPath(new URL('./load-server.ts', import.meta.url));
    // JALON_BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there (where its time goes under the load).
    const settings = loadBenchSettings();
    const prof = settings.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', settings.cpuProfDir] : [];
    const flags = [...SERVER_NODE_FLAGS, ...settings.nodeFlags];
    const server = fork(path, [], {
      execArgv: ['--import', 'tsx', ...flags, ...prof],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (m: { port: number }) => resolve(m.port));
      server.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
      server.send({ databaseUrl });
    });
    const pid = server.pid ?? 0;
    return {
      port,
      rss: () => rssOf(pid),
      separate: true,
      close: async () => {
        if (server.exitCode !== null) return;
        const exited = new Promise((r) => server.once('exit', r));
        server.send('close');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill();
      },
    };
  }
  const app = await buildApp({ db, dbKind: kind, clock: () => new Date() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    port: (app.server.address() as AddressInfo).port,
    rss: () => process.memoryUsage().rss / 2 ** 20,
    separate: false,
    close: () => app.close(),
  };
}

/**
 * Mixed HTTP load on the real app (buildApp) listening on 127.0.0.1, with logged-in users: 70 % file reads, 20 %
 * searches, 10 % journal entries. The load generator runs in a child process; the server's RSS is sampled (on
 * PostgreSQL the server runs alone in a process of its own; on PGlite it shares this one with the database).
 */
export async function measureLoad(
  db: Db,
  kind: DatabaseKind,
  actors: BenchActor[],
  opts: LoadOptions,
): Promise<LoadResult> {
  const server = await startServer(db, kind, opts.databaseUrl);
  const port = server.port;
  const base = `http://127.0.0.1:${port}`;
  let child: ReturnType<typeof fork> | null = null;
  const timer: { id?: NodeJS.Timeout } = {};
  try {
    const users: LoadUser[] = [];
    for (const a of actors) {
      const s = await login(base, a.email, opts.password ?? DEMO_PASSWORD);
      users.push({ ...s, ownFiles: a.ownFiles, siteFiles: a.siteFiles, queries: a.queries.map((q) => q.q) });
    }
    const cfg: LoadConfig = {
      port,
      duration: opts.duration,
      connections: opts.connections,
      users,
      mix: opts.mix ?? { read: 0.7, search: 0.2, write: 0.1 },
    };
    const beforeMb = server.rss();
    const samples: number[] = [];
    timer.id = setInterval(() => samples.push(server.rss()), 250);
    const busyBefore = busyMs();
    const clientPath = fileURLToPath(new URL('./load-client.ts', import.meta.url));
    const c = fork(clientPath, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child = c;
    const result = await new Promise<LoadClientResult>((resolve, reject) => {
      const guard = setTimeout(
        () => reject(new Error('load client did not answer in time')),
        (opts.duration + 60) * 1000,
      );
      c.once('message', (m: { ok: boolean; result?: LoadClientResult; error?: string }) => {
        clearTimeout(guard);
        if (m.ok && m.result) resolve(m.result);
        else reject(new Error(m.error ?? 'load client failed'));
      });
      c.once('exit', (code) => {
        clearTimeout(guard);
        reject(new Error(`load client exited with ${code}`));
      });
      c.send(cfg);
    });
    clearInterval(timer.id);
    const busy = busyMs() - busyBefore;
    return {
      cpuMsPerRequest: result.total ? busy / result.total : Number.NaN,
      ...result,
      connections: opts.connections,
      users: users.length,
      mix: cfg.mix,
      rss: {
        separateProcess: server.separate,
        beforeMb,
        maxMb: Math.max(...samples),
        meanMb: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
        samples: samples.length,
      },
    };
  } finally {
    clearInterval(timer.id);
    if (child && child.exitCode === null) child.kill();
    await server.close();
  }
}
