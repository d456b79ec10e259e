import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { installKeyring, isSealed, openText, readKeyFile } from '../crypto/index.js';
import { openDb } from '../db/connect.js';
import { createTestDatabase } from './build-test-app.js';

/**
 * Durability (docs/security.md, Durabilité): the real server (node --import tsx server/src/main.ts) receives a stream of writes, is killed
 * with SIGKILL in the middle, restarts on the same data; every acknowledged write is there, whole, and nothing is
 * half-written. PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'jalon-durability-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  for (let p = 3150 + Math.floor(Math.random() * 40); p < 3200; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createServer()
        .once('error', () => resolve(false))
        .listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error('no free port in 3150–3199');
}

interface Server {
  child: ChildProcess;
  base: string;
  log: () => string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'TEST_DATABASE_URL', 'JALON_KEY_FILE', 'JALON_DATA_DIR', 'PORT'].includes(k),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...clean, ...env, PORT: String(port), HOST: '127.0.0.1', JALON_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Jalon écoute')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, log: () => out };
}

async function login(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ts1.eps18@demo.jalon.local', password: 'jalon-demo' }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { get: { cookie }, send: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

type Ack = { kind: 'entry'; id: string; note: string } | { kind: 'usager'; id: string; birthName: string };

/** Writes with 4 in flight until `stopAfter` are acknowledged, then SIGKILL while the others are still in flight. */
async function writeThenKill(
  server: Server,
  fileId: string,
  s: Awaited<ReturnType<typeof login>>,
  stopAfter: number,
): Promise<Ack[]> {
  const acks: Ack[] = [];
  let killed = false;
  let n = 0;
  const one = async (): Promise<void> => {
    while (!killed) {
      const i = n++;
      try {
        if (i % 5 === 4) {
          const birthName = `Durable${randomUUID().slice(0, 8)}`;
          const res = await fetch(`${server.base}/api/usagers`, {
            method: 'POST',
            headers: s.send,
            body: JSON.stringify({ birthName, firstNames: 'Alex', birthDate: '1990-01-01' }),
          });
          if (res.status === 201)
            acks.push({ kind: 'usager', id: ((await res.json()) as { id: string }).id, birthName });
        } else {
          const note = `Écrit n°${i} — ${randomUUID()}`;
          const res = await fetch(`${server.base}/api/usagers/${fileId}/journal`, {
            method: 'POST',
            headers: s.send,
            body: JSON.stringify({ type: 'entretien_telephonique', occurredAt: new Date().toISOString(), note }),
          });
          if (res.status === 201) acks.push({ kind: 'entry', id: ((await res.json()) as { id: string }).id, note });
          else if (!killed) throw new Error(`write refused ${res.status} ${await res.text()}`);
        }
      } catch (err) {
        if (!killed) throw err;
      }
      if (acks.length >= stopAfter && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([one(), one(), one(), one()]);
  await new Promise((r) =>
    server.child.exitCode !== null || server.child.signalCode ? r(null) : server.child.once('exit', r),
  );
  expect(server.child.signalCode).toBe('SIGKILL');
  return acks;
}

async function timelineNotes(base: string, s: Awaited<ReturnType<typeof login>>, fileId: string) {
  const notes = new Map<string, { note: string | null | undefined; workerIds: string[] }>();
  let before: string | null = null;
  do {
    const q: string = `limit=100${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const res = await fetch(`${base}/api/usagers/${fileId}/journal?${q}`, { headers: s.get });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      items: { id: string; note?: string | null; workerIds: string[] }[];
      next: string | null;
    };
    for (const i of page.items) notes.set(i.id, { note: i.note, workerIds: i.workerIds });
    before = page.next;
  } while (before);
  return notes;
}

async function scenario(env: Record<string, string>, rawDb: () => Promise<{ databaseUrl?: string; dataDir?: string }>) {
  const first = await startServer(env);
  const s1 = await login(first.base);
  const file = await fetch(`${first.base}/api/usagers`, {
    method: 'POST',
    headers: s1.send,
    body: JSON.stringify({ birthName: 'Durabilite', firstNames: 'Sam', birthDate: '1980-02-02' }),
  });
  expect(file.status).toBe(201);
  const fileId = ((await file.json()) as { id: string }).id;
  const acks = await writeThenKill(first, fileId, s1, 40);
  expect(acks.length).toBeGreaterThanOrEqual(40);

  const second = await startServer(env);
  try {
    const s2 = await login(second.base);
    const notes = await timelineNotes(second.base, s2, fileId);
    for (const a of acks) {
      if (a.kind === 'entry') {
        expect(notes.get(a.id)?.note, `acknowledged entry ${a.id}`).toBe(a.note);
        expect(notes.get(a.id)?.workerIds.length).toBeGreaterThan(0);
      } else {
        const res = await fetch(`${second.base}/api/usagers/${a.id}`, { headers: s2.get });
        expect(res.status, `acknowledged usager ${a.id}`).toBe(200);
        expect(JSON.stringify(await res.json())).toContain(a.birthName);
      }
    }
    // Entries written but not acknowledged (in flight at the kill) may exist; whole, never half.
    for (const [, e] of notes)
      expect(e.note === null || e.note === undefined || e.note.startsWith('Écrit n°')).toBe(true);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => (second.child.exitCode !== null ? r(null) : second.child.once('exit', r)));
  }

  // The raw data: every entry has its worker row and its audit row (one transaction), every note is encrypted.
  installKeyring(readKeyFile(env.JALON_KEY_FILE ?? join(env.JALON_DATA_DIR as string, 'jalon.key')));
  const { db, close } = await openDb(await rawDb());
  try {
    const rows = await sql<{ id: string; note: string; workers: number; audits: number }>`
      select e.id, e.note,
        (select count(*)::int from journal_entry_worker w where w.entry_id = e.id) as workers,
        (select count(*)::int from audit_event a where a.target_id = e.id::text and a.action = 'journal_entry.create') as audits
      from journal_entry e where e.case_file_id = ${fileId}`.execute(db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(acks.filter((a) => a.kind === 'entry').length);
    for (const r of rows.rows) {
      expect(r.workers).toBeGreaterThan(0);
      expect(r.audits).toBe(1);
      expect(isSealed(r.note)).toBe(true);
      expect(openText(r.note, `journal_entry.note:${r.id}`)).toMatch(/^Écrit n°/);
    }
  } finally {
    await close();
  }
}

describe('SIGKILL during a stream of writes', () => {
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PGlite: every acknowledged write survives, nothing is half-written',
    { timeout: 180_000 },
    async () => {
      const dataDir = join(work, 'data');
      await scenario({ JALON_DATA_DIR: dataDir }, async () => ({ dataDir }));
      // No temporary or half-written file of ours is left in the folder.
      expect(readdirSync(dataDir).filter((f) => f.includes('.tmp') || f.includes('restoring'))).toEqual([]);
    },
  );

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PostgreSQL: every acknowledged write survives, nothing is half-written',
    { timeout: 180_000 },
    async () => {
      const { databaseUrl, dropDb } = await createTestDatabase('jalon_durability');
      try {
        await scenario(
          {
            DATABASE_URL: databaseUrl as string,
            JALON_KEY_FILE: join(work, 'pg.key'),
            JALON_DATA_DIR: join(work, 'pgdata'),
          },
          async () => ({ databaseUrl }),
        );
      } finally {
        await dropDb?.();
      }
    },
  );
});
