import { randomUUID } from 'node:crypto';
import {
  recoverCells,
  type PublishedTable,
  StatisticsScopeDto,
  StatisticsTableDto,
  TeamTableDto,
  WaitingTimeDto,
} from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { pdfText } from '../../test/pdf-text.js';
import { buildSite, buildUser, loginAs, type Session, type TestUser } from '../../test/factories.js';
import { refreshStatistics } from './refresh.js';

let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let other: Awaited<ReturnType<typeof buildSite>>;
const s: Record<string, Session> = {};
const u: Record<string, TestUser> = {};

interface FileSpec {
  siteId: string;
  teamId: string;
  sex: string;
  postalCode?: string;
  openedAt?: string;
  birthDate?: string;
}
const files: Record<string, string[]> = {};

async function insertFile(db: Db, f: FileSpec): Promise<string> {
  const h = await db
    .insertInto('household')
    .values({ postal_code: f.postalCode ?? '75018', city: 'Paris' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await db
    .insertInto('person')
    .values({
      birth_name: `Statnom${randomUUID().slice(0, 6)}`,
      first_names: 'Alex',
      birth_date: f.birthDate ?? '1980-05-05',
      sex: f.sex,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('household_member')
    .values({ household_id: h.id, person_id: p.id, relationship: '1', start_date: '2020-01-01' })
    .execute();
  const cf = await db
    .insertInto('case_file')
    .values({
      file_number: `ST-${randomUUID().slice(0, 8)}`,
      household_id: h.id,
      principal_person_id: p.id,
      site_id: f.siteId,
      team_id: f.teamId,
      opened_at: new Date(f.openedAt ?? '2025-06-10T10:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return cf.id;
}

async function insertEntry(
  db: Db,
  caseFileId: string,
  authorId: string,
  type: string,
  occurredAt: string,
  motifs: string[] = [],
) {
  const at = new Date(occurredAt);
  await db
    .insertInto('journal_entry')
    .values({
      case_file_id: caseFileId,
      type: type as never,
      occurred_at: at,
      motifs,
      author_id: authorId,
      visibility: 'referents',
      created_at: at,
      updated_at: at,
    })
    .execute();
}

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: s[who]!.get });
const table = async (who: string, query: string) => {
  const res = await get(who, `/api/statistics/table?${query}`);
  expect(res.statusCode, `${who} ${query}: ${res.body}`).toBe(200);
  return res.json() as StatisticsTableDto;
};
const cells = (p: PublishedTable) => {
  if (p.status !== 'released') throw new Error('withheld');
  return Object.fromEntries(p.cols.map((c, j) => [c, p.cells[0]![j]]));
};

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  other = await buildSite(t.db);
  u.tsA = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  u.tsB = await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]);
  u.manager = await buildUser(t.db, 'responsable', site.id);
  u.secretary = await buildUser(t.db, 'secretaire', site.id);
  u.otherManager = await buildUser(t.db, 'responsable', other.id);
  u.admin = await buildUser(t.db, 'admin_fonctionnel', null);
  u.dpo = await buildUser(t.db, 'dpo', null);
  // Team A: 5 workers (shown apart to the responsable); team B: 1.
  for (let i = 0; i < 4; i++) await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  for (const [k, v] of Object.entries(u)) s[k] = await loginAs(t.app, v);

  // Team A: 27 women and 3 men; team B: 11 men, 2 "I" — in the 18e. Other site: 6 women in the 10e.
  files.a = [];
  for (let i = 0; i < 30; i++)
    files.a.push(await insertFile(t.db, { siteId: site.id, teamId: site.teamA, sex: i < 27 ? 'F' : 'M' }));
  files.b = [];
  for (let i = 0; i < 13; i++)
    files.b.push(
      await insertFile(t.db, {
        siteId: site.id,
        teamId: site.teamB,
        sex: i < 11 ? 'M' : 'I',
        postalCode: i < 2 ? '75019' : '75018',
      }),
    );
  files.other = [];
  for (let i = 0; i < 6; i++)
    files.other.push(await insertFile(t.db, { siteId: other.id, teamId: other.teamA, sex: 'F', postalCode: '75010' }));
  // Activity in October 2026: 12 home visits (team A), first interviews 3 to 20 days after opening.
  for (let i = 0; i < 12; i++)
    await insertEntry(
      t.db,
      files.a[i]!,
      u.tsA!.id,
      'visite_domicile',
      `2026-10-${String(5 + i).padStart(2, '0')}T09:00:00Z`,
      ['logement'],
    );
  for (let i = 0; i < 3; i++) await insertEntry(t.db, files.b[i]!, u.tsB!.id, 'appel_entrant', '2026-10-20T09:00:00Z');
  await refreshStatistics(t.db, t.clock.now());
});
afterAll(() => t.close());

describe('statistics scopes (docs/api.md, Statistics)', () => {
  it('secretaries and the DPO get 404 on every statistics route', async () => {
    for (const who of ['secretary', 'dpo']) {
      for (const url of [
        'scope',
        'table?indicator=sexe',
        'table.csv?indicator=sexe',
        'waiting-time',
        'teams',
        'my-activity',
        `report.pdf?siteId=${site.id}&year=2026`,
      ]) {
        const res = await get(who, `/api/statistics/${url}`);
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
  });

  it('admin: all sites; responsable: their site; worker: their team', async () => {
    const scope = async (who: string) => (await get(who, '/api/statistics/scope')).json() as StatisticsScopeDto;
    const admin = await scope('admin');
    expect(admin.level).toBe('all');
    expect(admin.sites.map((x) => x.id)).toEqual(expect.arrayContaining([site.id, other.id]));
    const manager = await scope('manager');
    expect(manager).toMatchObject({ level: 'site', teamTable: true, ownActivity: false, yearlyReport: true });
    expect(manager.sites.map((x) => x.id)).toEqual([site.id]);
    const ts = await scope('tsA');
    expect(ts).toMatchObject({ level: 'team', teamTable: false, ownActivity: true, yearlyReport: false });
    expect(ts.teams.map((x) => x.id)).toEqual([site.teamA]);
    expect(ts.months?.last).toBe('2026-11');
  });

  it('counts come from the aggregates of the caller’s scope only', async () => {
    const manager = cells((await table('manager', 'indicator=sexe&from=2026-11&to=2026-11')).table);
    expect(manager.F).toBe(27);
    const ts = (await table('tsA', 'indicator=sexe&from=2026-11&to=2026-11')).table;
    expect(ts.status === 'released' && ts.grandTotal).toBe(30);
    const all = (await table('admin', 'indicator=sexe&from=2026-11&to=2026-11')).table;
    expect(all.status === 'released' && all.grandTotal).toBe(49);
    const otherSite = (await table('otherManager', 'indicator=sexe&from=2026-11&to=2026-11')).table;
    expect(otherSite.status === 'released' && otherSite.grandTotal).toBe(6);
  });

  it('a site outside the scope is not found', async () => {
    expect((await get('manager', `/api/statistics/table?indicator=sexe&siteIds=${other.id}`)).statusCode).toBe(404);
    expect((await get('tsA', `/api/statistics/table?indicator=sexe&siteIds=${other.id}`)).statusCode).toBe(404);
    expect((await get('admin', `/api/statistics/table?indicator=sexe&siteIds=${other.id}`)).statusCode).toBe(200);
  });
});

describe('disclosure control at the API', () => {
  it('hides a count under 5 (primary) and what would give it back (secondary)', async () => {
    const dto = await table('manager', 'indicator=sexe&from=2026-11&to=2026-11');
    const c = cells(dto.table);
    expect(c.I).toEqual({ suppressed: 'primary' });
    expect(Object.values(c).filter((v) => typeof v !== 'number')).toHaveLength(2);
    const ts = cells((await table('tsA', 'indicator=sexe&from=2026-11&to=2026-11')).table);
    expect(ts.M).toEqual({ suppressed: 'primary' });
    expect(ts.F).toEqual({ suppressed: 'secondary' });
  });

  it('no published table of the API gives back a hidden count (exact linear attack on each)', async () => {
    const queries = [
      'indicator=sexe',
      'indicator=sexe&groupBy=arrondissement',
      'indicator=sexe&groupBy=arrondissement&category=total',
      'indicator=entreesParType&from=2026-10&to=2026-10',
      'indicator=entreesParType&groupBy=mois&category=total',
      'indicator=trancheAge&compare=1',
      'indicator=groupeNationalite',
      'indicator=entreesParMotif&groupBy=site',
    ];
    for (const who of ['manager', 'tsA', 'admin'])
      for (const q of queries) {
        const dto = await table(who, q);
        for (const p of [dto.table, dto.comparison?.previous.table, dto.comparison?.lastYear.table])
          if (p) expect(recoverCells(p), `${who} ${q}`).toEqual([]);
      }
  });

  it('nationality is sensitive: threshold 11', async () => {
    const dto = await table('manager', 'indicator=groupeNationalite&from=2026-11&to=2026-11');
    expect(dto.table.threshold).toBe(11);
  });

  it('the CSV export holds exactly the published table, with "< 5"', async () => {
    const res = await get('manager', '/api/statistics/table.csv?indicator=sexe&from=2026-11&to=2026-11');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('statistiques-sexe-2026-11-2026-11.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body).toContain('Femme;27');
    expect(res.body).toContain('Indéterminé;< 5');
    expect(res.body).not.toMatch(/Indéterminé;2\b/);
  });

  it('the map table: one category along the arrondissements', async () => {
    const dto = await table('manager', 'indicator=sexe&groupBy=arrondissement&category=total&from=2026-11&to=2026-11');
    const c = cells(dto.table);
    // 41 in the 18e, 2 in the 19e: the 19e is hidden, and so is the 18e (the total would give it back).
    expect(c['19']).toEqual({ suppressed: 'primary' });
    expect(c['18']).toEqual({ suppressed: 'secondary' });
    expect(dto.table.status === 'released' && dto.table.grandTotal).toBe(43);
    expect(dto.labels.cols['18']).toBe('18e arrondissement');
  });

  it('a two-way table by arrondissement is protected as a whole', async () => {
    const dto = await table('manager', 'indicator=sexe&groupBy=arrondissement&from=2026-11&to=2026-11');
    expect(dto.table.rowVar).toBe('arrondissement');
    expect(dto.table.status).toBe('released');
  });
});

describe('no statistics per worker, no finer filter', () => {
  it('refuses any grouping by a user, whatever the spelling', async () => {
    for (const g of ['userId', 'user_id', 'auteur', 'referent', 'createdBy', 'travailleurSocial', 'usager']) {
      const res = await get('manager', `/api/statistics/table?indicator=entreesParType&groupBy=${g}`);
      expect(res.statusCode, g).toBe(422);
      expect(res.json().error.code).toBe('grouping_refused');
    }
    expect((await get('admin', '/api/statistics/table?indicator=entreesParType&groupBy=team')).json().error.code).toBe(
      'grouping_refused',
    );
  });

  it('refuses filters finer than month, site, arrondissement', async () => {
    for (const f of [`teamId=${site.teamA}`, `userId=${u.tsA!.id}`, 'day=2026-10-05', 'street=rue']) {
      const res = await get('manager', `/api/statistics/table?indicator=sexe&${f}`);
      expect(res.statusCode, f).toBe(422);
      expect(res.json().error.code).toBe('filter_too_fine');
    }
  });

  it('a period is whole months: a day more or less is the same query', async () => {
    const a = await table('manager', 'indicator=entreesParType&from=2026-10-01&to=2026-10-31');
    const b = await table('manager', 'indicator=entreesParType&from=2026-10-02&to=2026-11-01');
    expect(a.period).toEqual({ fromMonth: '2026-10', toMonth: '2026-10' });
    expect(b.table).toEqual(a.table);
  });

  it('no statistics response names a worker', async () => {
    const names = (await t.db.selectFrom('app_user').select(['display_name', 'email']).execute()).flatMap((x) => [
      x.display_name,
      x.email,
    ]);
    for (const [who, url] of [
      ['manager', 'table?indicator=entreesParType&groupBy=site'],
      ['manager', 'teams'],
      ['admin', 'table?indicator=visitesDomicile&groupBy=mois&category=total'],
      ['tsA', 'my-activity'],
      ['manager', 'scope'],
    ] as const) {
      const body = (await get(who, `/api/statistics/${url}`)).body;
      for (const n of names) expect(body, `${who} ${url}`).not.toContain(n);
    }
  });

  it('teams of fewer than 5 workers are not shown apart', async () => {
    const res = await get('manager', '/api/statistics/teams?from=2026-11&to=2026-11');
    const dto = res.json() as TeamTableDto;
    expect(dto.table.cols).toEqual([site.teamA, 'autres']);
    expect(cells(dto.table)[site.teamA]).toBe(30);
    expect((await get('tsA', '/api/statistics/teams')).statusCode).toBe(404);
  });

  it('a worker sees their own activity, nobody else’s', async () => {
    const dto = (await get('tsA', '/api/statistics/my-activity?from=2026-10&to=2026-10')).json() as TeamTableDto;
    expect(cells(dto.table).visite_domicile).toBe(12);
    expect((await get('manager', '/api/statistics/my-activity')).statusCode).toBe(404);
  });
});

describe('activity, evolution, waiting time', () => {
  it('flows are summed over the months of the period, and compared', async () => {
    const dto = await table('manager', 'indicator=entreesParType&from=2026-10&to=2026-10&compare=1');
    // 12 home visits and 3 calls: the calls are hidden, and the visits with them (the total is published).
    expect(cells(dto.table).appel_entrant).toEqual({ suppressed: 'primary' });
    expect(cells((await table('manager', 'indicator=visitesDomicile&from=2026-10&to=2026-10')).table).total).toBe(12);
    expect(dto.comparison?.previous.fromMonth).toBe('2026-09');
    expect(dto.comparison?.lastYear.fromMonth).toBe('2025-10');
    const monthly = await table(
      'manager',
      'indicator=visitesDomicile&groupBy=mois&category=total&from=2026-01&to=2026-12',
    );
    expect(cells(monthly.table)['2026-09']).toBe(0);
    expect(cells(monthly.table)['2026-10']).toBe(12);
    // Only published periods: a calendar month or a calendar year (docs/security.md, Statistics).
    const rolling = await get('manager', '/api/statistics/table?indicator=visitesDomicile&from=2026-09&to=2026-10');
    expect(rolling.statusCode).toBe(422);
    expect(rolling.json().error.code).toBe('period_not_published');
    expect((await get('manager', '/api/statistics/table?indicator=sexe&groupBy=mois')).statusCode).toBe(422);
  });

  it('a new entry counts after the next refresh (months marked by the triggers)', async () => {
    await insertEntry(t.db, files.a![20]!, u.tsA!.id, 'visite_domicile', '2026-10-28T09:00:00Z');
    const before = await table('manager', 'indicator=visitesDomicile&from=2026-10&to=2026-10');
    expect(cells(before.table).total).toBe(12);
    t.clock.advance(60_000);
    const r = await refreshStatistics(t.db, t.clock.now());
    expect(r.full).toBe(false);
    expect(r.flowMonths).toContain('2026-10-01');
    const after = await table('manager', 'indicator=visitesDomicile&from=2026-10&to=2026-10');
    expect(cells(after.table).total).toBe(13);
  });

  it('waiting time to the first interview: median and p90, hidden under 5 persons', async () => {
    const w = (await get('manager', '/api/statistics/waiting-time?from=2026-10&to=2026-10')).json() as WaitingTimeDto;
    expect(w.persons).toBe(13);
    expect(w.medianDays).toBeGreaterThan(400);
    expect(w.p90Days).toBeGreaterThanOrEqual(w.medianDays!);
    const none = (
      await get('manager', '/api/statistics/waiting-time?from=2026-08&to=2026-08')
    ).json() as WaitingTimeDto;
    expect(none.medianDays).toBeNull();
  });
});

describe('yearly report PDF', () => {
  it('is a real PDF for the responsable of the site, 404 for others', async () => {
    const res = await get('manager', `/api/statistics/report.pdf?siteId=${site.id}&year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('Rapport d’activité 2026');
    expect(text).toContain(site.name);
    expect(text).toContain('< 5');
    expect(text).toContain('Aides financières (FSL et aides facultatives de Paris)');
    expect((await get('otherManager', `/api/statistics/report.pdf?siteId=${site.id}&year=2026`)).statusCode).toBe(404);
    expect((await get('tsA', `/api/statistics/report.pdf?siteId=${site.id}&year=2026`)).statusCode).toBe(404);
    const adm = await get('admin', `/api/statistics/report.pdf?siteId=${site.id}&year=2026`);
    expect(adm.statusCode, adm.body).toBe(200);
  });
});
