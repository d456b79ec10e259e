import { Readable } from 'node:stream';
import type { ImportDto } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestSite } from '../../test/factories.js';
import { COORDIN_HEADER, coordinRows, toCsv, toOds, toXlsx } from './fixtures.js';
import { drainImportJobs } from './kick.js';
import { legacyAdapter } from './legacy/adapter.js';
import { BUILT_IN_PROFILES } from './legacy/profiles.js';
import { registerImportAdapter } from './pipeline.js';

/** The staged import pipeline and the legacy import (docs/architecture.md, "Import pipeline"). */

let t: TestApp;
let site: TestSite;
let resp: Session;
let admin: Session;
let worker: Session;
let otherResp: Session;
let workerId = '';

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  const other = await buildSite(t.db, { code: 'S2' });
  resp = await loginAs(t.app, await buildUser(t.db, 'responsable', site.id, [site.teamA]));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  const w = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  workerId = w.id;
  worker = await loginAs(t.app, w);
  otherResp = await loginAs(t.app, await buildUser(t.db, 'responsable', other.id, [other.teamA]));
});
afterAll(() => t.close());

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const boundary = '----jalonImport' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const upload = (s: Session, fields: Record<string, string>, data: Buffer, name = 'export.csv') => {
  const body = multipart(fields, { name, data });
  return t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { ...s.send, 'content-type': body.contentType },
    payload: body.payload,
  });
};

async function settled(id: string, s: Session = resp): Promise<ImportDto> {
  await drainImportJobs(t.db);
  const r = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: s.get });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ImportDto;
}

const SIT = { maritalStatus: { M: 'MAR', C: 'CEL' } };
const map = (id: string, codes: Record<string, Record<string, string>> = SIT, s = resp) =>
  t.app.inject({ method: 'PUT', url: `/api/imports/${id}/mapping`, headers: s.send, payload: { codes } });
const commit = (id: string, confirmMerges: string[] = [], s = resp) =>
  t.app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, headers: s.send, payload: { confirmMerges } });
const count = async (table: 'case_file' | 'journal_entry' | 'imported_entry' | 'household_member') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Uploads, maps the marital codes, commits: the import once done. */
async function importAll(s: Session, data: Buffer, fields: Record<string, string>, name?: string) {
  const r = await upload(s, fields, data, name);
  expect([200, 201], r.body).toContain(r.statusCode);
  const id = (r.json() as { importId: string }).importId;
  let dto = await settled(id, s);
  if (dto.unmapped.length) {
    expect((await map(id, SIT, s)).statusCode).toBe(200);
    dto = await settled(id, s);
  }
  if (dto.status === 'ready') {
    expect((await commit(id, [], s)).statusCode).toBe(202);
    dto = await settled(id, s);
  }
  return dto;
}

describe('legacy import, CSV UTF-8 (COORDIN)', () => {
  let importId = '';
  const file = toCsv(COORDIN_HEADER, coordinRows(10, 'U'), { bom: true });

  it('stages the rows, lists the unmapped codes and refuses the commit until they are mapped', async () => {
    const r = await upload(resp, { source: 'coordin', teamId: site.teamB }, file);
    expect(r.statusCode, r.body).toBe(201);
    importId = (r.json() as { importId: string }).importId;
    const dto = await settled(importId);
    expect(dto.status).toBe('ready');
    expect(dto.format).toBe('csv');
    expect(dto.counts.total).toBe(14);
    expect(dto.unmapped.map((u) => u.value).sort()).toEqual(['C', 'M']);
    expect(dto.can.commit).toBe(false);
    const refused = await commit(importId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('unmapped_codes');
  });

  it('after mapping: preview as stored, the dry-run report, then the commit creates files, history and members', async () => {
    expect((await map(importId)).statusCode).toBe(200);
    const dto = await settled(importId);
    expect(dto.unmapped).toEqual([]);
    expect(dto.counts).toMatchObject({ create: 10, history: 2, member: 2, rejected: 0 });
    const first = dto.preview[0]!;
    expect(first.values).toMatchObject({
      legacyId: 'U1',
      birthDate: '1951-02-02',
      sex: 'F',
      maritalStatus: 'MAR',
      teamId: site.teamB,
    });
    const dry = await t.app.inject({ method: 'GET', url: `/api/imports/${importId}/report.csv`, headers: resp.get });
    expect(dry.statusCode).toBe(200);
    expect(dry.body).toContain('Création prévue');
    const before = { files: await count('case_file'), entries: await count('journal_entry') };
    expect((await commit(importId)).statusCode).toBe(202);
    const done = await settled(importId);
    expect(done.status).toBe('committed');
    expect(done.counts.committed).toBe(14);
    expect((await count('case_file')) - before.files).toBe(10);
    expect((await count('journal_entry')) - before.entries).toBe(12);
    const file = await t.db
      .selectFrom('case_file as cf')
      .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
      .select(['cf.site_id', 'cf.team_id', 'p.first_names', 'p.marital_status'])
      .where('p.birth_name', '=', 'Garnier-U1')
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ site_id: site.id, team_id: site.teamB, marital_status: 'MAR' });
    const report = await t.app.inject({ method: 'GET', url: `/api/imports/${importId}/report.csv`, headers: resp.get });
    expect(report.body.split('\r\n')[0]).toContain('Ligne;Identifiant ancien outil');
    expect(report.body).toContain('Créée');
    expect(report.body).toContain('Membre ajouté');
    const actions = await t.db.selectFrom('audit_event').select('action').where('target_id', '=', importId).execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['import.create', 'import.map', 'import.commit_request', 'import.commit', 'import.batch']),
    );
    // One audit row per batch names the files it wrote, never a value of a person.
    const batches = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('target_id', '=', importId)
      .where('action', '=', 'import.batch')
      .execute();
    const diffs = batches.map(
      (b) => (typeof b.diff === 'string' ? JSON.parse(b.diff) : b.diff) as { created: string[]; entries: number },
    );
    const created = diffs.flatMap((d) => d.created);
    expect(created).toHaveLength(10);
    expect(diffs.reduce((n, d) => n + d.entries, 0)).toBe(12);
    // Names and dates (YYYY-MM-DD: no uuid holds one) never appear.
    expect(JSON.stringify(diffs)).not.toMatch(/Garnier|\d{4}-\d{2}-\d{2}/);
    // The created files and their members are found by the search (their search rows).
    const search = await t.db
      .selectFrom('usager_search')
      .select(['case_file_id', 'person_id'])
      .where('case_file_id', 'in', created)
      .execute();
    expect(new Set(search.map((r) => r.case_file_id)).size).toBe(10);
    expect(new Set(search.map((r) => r.person_id)).size).toBe(12);
  });

  it('the same file again is the same import; its rows in another file change nothing', async () => {
    const again = await upload(resp, { source: 'coordin' }, file);
    expect(again.statusCode).toBe(200);
    expect(again.json().importId).toBe(importId);
    const files = await count('case_file');
    const entries = await count('journal_entry');
    const dto = await importAll(resp, toCsv(COORDIN_HEADER, coordinRows(10, 'U'), { bom: false }), {
      source: 'coordin',
    });
    expect(dto.counts.skip).toBe(14);
    expect(await count('case_file')).toBe(files);
    expect(await count('journal_entry')).toBe(entries);
  });
});

describe('formats and encodings', () => {
  it.each([
    [
      'CSV Windows-1252, comma',
      () => toCsv(COORDIN_HEADER, coordinRows(3, 'W', 1900), { delimiter: ',', encoding: 'windows-1252' }),
      'csv',
    ],
    ['CSV UTF-8, tab', () => toCsv(COORDIN_HEADER, coordinRows(3, 'T', 1902), { delimiter: '\t' }), 'csv'],
    ['XLSX', () => toXlsx(COORDIN_HEADER, coordinRows(3, 'X', 1904), [3, 9]), 'xlsx'],
    ['ODS', () => toOds(COORDIN_HEADER, coordinRows(3, 'O', 1906), [3, 9]), 'ods'],
  ])('%s: accents and dates read', async (_label, make, format) => {
    const dto = await importAll(resp, make(), { source: 'coordin' });
    expect(dto.format).toBe(format);
    expect(dto.status).toBe('committed');
    expect(dto.counts.committed).toBe(3);
    const p = dto.preview.find((r) => r.seq === 1)!;
    expect(p.values.firstNames).toBe('Noël');
    expect(p.values.birthName).toMatch(/^Garnier-/);
    expect(p.values.birthDate).toMatch(/^19\d\d-02-02$/);
  });
});

describe('bad input: a French reason, nothing staged', () => {
  const staged = async () =>
    Number(
      (
        await t.db
          .selectFrom('data_import')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['a PDF named .csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 415, 'unsupported_file_type'],
    ['a zip that is no workbook', toXlsx(['a'], []).subarray(0, 30), 415, 'unsupported_file_type'],
    [
      'an unknown encoding',
      Buffer.from([0x4e, 0x4f, 0x4d, 0x3b, 0x81, 0x8d, 0x0a, 0x41, 0x3b, 0x42]),
      422,
      'unknown_encoding',
    ],
    ['binary bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]), 422, 'unknown_encoding'],
    ['a header without the mapped columns', toCsv(['NOM', 'PRENOM'], [['A', 'B']]), 422, 'missing_columns'],
  ])('%s', async (_label, data, status, code) => {
    const before = await staged();
    const r = await upload(resp, { source: 'coordin' }, data);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().error.code).toBe(code);
    expect(r.json().error.message).toMatch(/[éèàùç’]/);
    expect(await staged()).toBe(before);
  });

  it('a date that does not exist rejects its row with a reason; the others commit', async () => {
    const rows = coordinRows(2, 'D', 1908);
    rows[0]![3] = '31/02/1980';
    const files = await count('case_file');
    const dto = await importAll(resp, toCsv(COORDIN_HEADER, rows), { source: 'coordin' });
    expect(dto.errors[0]).toEqual({ seq: 1, reason: 'Date de naissance « 31/02/1980 » : cette date n’existe pas' });
    expect(await count('case_file')).toBe(files + 1);
  });

  it('a file over 200 MB is refused while it arrives (streamed, never whole)', { timeout: 60_000 }, async () => {
    const b = 'jalonHuge';
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    async function* huge() {
      yield Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="source"\r\n\r\ncoordin\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="enorme.csv"\r\n\r\n`,
      );
      for (let i = 0; i < 210; i++) {
        sent++;
        yield chunk;
      }
      yield Buffer.from(`\r\n--${b}--\r\n`);
    }
    const before = await staged();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...resp.send, 'content-type': `multipart/form-data; boundary=${b}` },
      payload: Readable.from(huge()),
    });
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json().error.code).toBe('file_too_large');
    expect(sent).toBeGreaterThan(200);
    expect(await staged()).toBe(before);
  });

  it('an unknown source, a site_export without profile', async () => {
    const csv = toCsv(COORDIN_HEADER, coordinRows(1, 'Z'));
    expect((await upload(resp, { source: 'caf_inconnue' }, csv)).json().error.code).toBe('unknown_source');
    expect((await upload(resp, { source: 'site_export' }, csv)).json().error.code).toBe('profile_required');
  });
});

describe('access', () => {
  it('a social worker may not import; a responsable of another site does not see the import', async () => {
    const csv = toCsv(COORDIN_HEADER, coordinRows(1, 'A', 1912));
    expect((await upload(worker, { source: 'coordin' }, csv)).statusCode).toBe(403);
    const r = await upload(resp, { source: 'coordin' }, csv);
    const id = (r.json() as { importId: string }).importId;
    await drainImportJobs(t.db);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: otherResp.get })).statusCode).toBe(
      404,
    );
    expect((await commit(id, [], otherResp)).statusCode).toBe(404);
    expect((await upload(otherResp, { source: 'coordin', siteId: site.id }, csv)).statusCode).toBe(404);
  });

  it('the administrator names the target site', async () => {
    const csv = toCsv(COORDIN_HEADER, coordinRows(1, 'AD', 1910));
    const r = await upload(admin, { source: 'coordin' }, csv);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('site_required');
    const dto = await importAll(admin, csv, { source: 'coordin', siteId: site.id });
    expect(dto.status).toBe('committed');
  });
});

describe('dedupe and merges', () => {
  it('a row matching an existing file is a merge proposal, merged only when confirmed', async () => {
    const existing = await createUsagerAs(t.app, worker, {
      birthName: 'Mergetest',
      firstNames: 'Amandine',
      birthDate: '1980-03-04',
    });
    const row = [
      'M1',
      'MERGETEST',
      'Amandine',
      '04/03/1980',
      '2',
      '',
      '',
      '',
      '',
      '05/06/2021',
      'ENT',
      'Entretien importé',
    ];
    const up = await upload(resp, { source: 'coordin' }, toCsv(COORDIN_HEADER, [row]));
    const id = up.json().importId as string;
    let dto = await settled(id);
    expect(dto.counts.merge).toBe(1);
    expect(dto.merges[0]!.matchFileNumber).toBe(existing.fileNumber);
    const files = await count('case_file');
    expect((await commit(id, [dto.merges[0]!.id])).statusCode).toBe(202);
    dto = await settled(id);
    expect(dto.counts.committed).toBe(1);
    expect(await count('case_file')).toBe(files);
    const entry = await t.db
      .selectFrom('imported_entry')
      .select('case_file_id')
      .where('import_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry.case_file_id).toBe(existing.id);
  });

  it('an unconfirmed merge is skipped', async () => {
    await createUsagerAs(t.app, worker, { birthName: 'Nonconfirme', firstNames: 'Basile', birthDate: '1979-01-02' });
    const row = ['N1', 'Nonconfirmé', 'Basile', '02/01/1979', '1', '', '', '', '', '', '', ''];
    const files = await count('case_file');
    const dto = await importAll(resp, toCsv(COORDIN_HEADER, [row]), { source: 'coordin' });
    expect(dto.counts.skipped).toBe(1);
    expect(await count('case_file')).toBe(files);
    expect(workerId).toBeTruthy();
  });
});

/**
 * Six COORDIN persons (seven rows: R5 has a history row) imported through a source whose batch commit is `commitMany`,
 * committed by batches of 3 rows: R1–R3, then R4, R5 and its history, then R6.
 */
async function commitInBatchesOf3(source: string, prefix: string, year: number, commitMany: CommitMany) {
  registerImportAdapter({
    ...legacyAdapter,
    sources: [source],
    loadProfile: async () => ({ ...BUILT_IN_PROFILES.coordin, codes: { ...BUILT_IN_PROFILES.coordin.codes, ...SIT } }),
    commitMany,
  });
  const rows = coordinRows(6, prefix, year).filter((r) => r[7] === '');
  const up = await upload(resp, { source }, toCsv(COORDIN_HEADER, rows));
  const id = up.json().importId as string;
  await settled(id);
  await t.db
    .updateTable('data_import')
    .set({ options: JSON.stringify({ batchRows: 3 }) })
    .where('id', '=', id)
    .execute();
  const files = await count('case_file');
  expect((await commit(id)).statusCode).toBe(202);
  return { id, rows, files };
}
type CommitMany = NonNullable<typeof legacyAdapter.commitMany>;

describe('two batches in flight', () => {
  it('a batch stopped by a deadlock is rolled back and run again: everything committed once', async () => {
    let tries = 0;
    const { id, rows, files } = await commitInBatchesOf3('deadlock_test', 'DL', 1918, async (trx, items, run, env) => {
      const written = await legacyAdapter.commitMany!(trx, items, run, env);
      if (items.some((i) => i.row.seq === 5) && tries++ === 0)
        throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return written;
    });
    const dto = await settled(id);
    expect(tries).toBe(2);
    expect(dto.status).toBe('committed');
    expect(dto.counts.committed).toBe(rows.length);
    expect(await count('case_file')).toBe(files + 6);
  });
});

describe('an interrupted commit resumes without duplicates', () => {
  it('a crash in the second batch keeps the batches committed beside it; the retry commits the rest once', async () => {
    let crashes = 1;
    const { id, rows, files } = await commitInBatchesOf3('crash_test', 'R', 1914, async (trx, items, run, env) => {
      if (items.some((i) => i.row.seq === 5) && crashes-- > 0) throw new Error('Processus interrompu');
      return legacyAdapter.commitMany!(trx, items, run, env);
    });
    let dto = await settled(id);
    expect(dto.status).toBe('failed');
    // R4, R5 and R5's history crash; R6, independent of them and started beside them (two batches in flight:
    // docs/adr/013-staged-imports.md, "Third pass"), is committed too.
    expect(dto.counts.committed).toBe(4);
    expect(await count('case_file')).toBe(files + 4);
    // The queue retries after its back-off: move the job's time.
    await t.db
      .updateTable('job')
      .set({ run_at: new Date(0) })
      .where('kind', '=', 'imports.commit')
      .where('state', '=', 'pending')
      .execute();
    dto = await settled(id);
    expect(dto.status).toBe('committed');
    expect(dto.counts.committed).toBe(rows.length);
    expect(await count('case_file')).toBe(files + 6);
    const keys = await t.db
      .selectFrom('import_key')
      .select('key')
      .where('import_id', '=', id)
      .where('key', 'like', 'id:%')
      .execute();
    expect(keys.map((k) => k.key).sort()).toEqual(['id:R1', 'id:R2', 'id:R3', 'id:R4', 'id:R5', 'id:R6']);
  });
});
