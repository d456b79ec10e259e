import { SENSITIVE_SECTIONS, SITE_PROFILES, type SiteProfile } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeKeyring, addKey, installKeyring, keyIdOf, resealAll } from '../../crypto/index.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { sectionsModule } from './index.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';

/** Sensitive sections and site profiles (docs/api.md, Sensitive sections), through the HTTP API on a migrated PGlite. */

let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let s: Record<'ref' | 'mate' | 'otherTeam' | 'secretaire' | 'responsable' | 'otherSite' | 'admin' | 'dpo', Session>;
const REASON = { reasonCode: 'acces_droits', reasonText: 'Demande de complémentaire santé solidaire' };
const SANTE = {
  healthCoverage: 'puma_css',
  gp: { declared: true, name: 'Dr Zorglub-Martin' },
  disability: { recognised: true, startDate: '2024-01-01', endDate: '2029-01-01' },
};

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  const other = await buildSite(t.db);
  const login = async (role: Parameters<typeof buildUser>[1], siteId: string | null, teams: string[] = []) =>
    loginAs(t.app, await buildUser(t.db, role, siteId, teams));
  s = {
    ref: await login('travailleur_social', site.id, [site.teamA]),
    mate: await login('travailleur_social', site.id, [site.teamA]),
    otherTeam: await login('travailleur_social', site.id, [site.teamB]),
    secretaire: await login('secretaire', site.id),
    responsable: await login('responsable', site.id),
    otherSite: await login('travailleur_social', other.id, [other.teamA]),
    admin: await login('admin_fonctionnel', null),
    dpo: await login('dpo', null),
  };
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });
const setProfile = (profile: SiteProfile, siteId = site.id) =>
  call(s.admin, 'PUT', `/api/admin/sites/${siteId}/profile`, { profile });
const newFile = () => createUsagerAs(t.app, s.ref);

describe('sensitive sections', () => {
  it('are closed by default; opening needs a reason, is audited in the same transaction and shows on the file', async () => {
    expect((await setProfile('standard')).statusCode).toBe(200);
    const file = await newFile();
    const list = await call(s.ref, 'GET', `/api/usagers/${file.id}/sections`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { section: string; open: boolean }) => [i.section, i.open])).toEqual([
      ['sejour', false],
      ['langue', false],
      ['sante', false],
    ]);

    const noReason = await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/sante/open`, {
      reasonCode: 'acces_droits',
      reasonText: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reasonText).toBe('La précision du motif est obligatoire');
    const notInList = await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/sante/open`, {
      reasonCode: 'curiosite',
      reasonText: 'x',
    });
    expect(notInList.statusCode).toBe(400);
    const fillClosed = await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/sante`, { version: 0, data: SANTE });
    expect(fillClosed.statusCode).toBe(409);
    expect(fillClosed.json().error.code).toBe('section_closed');
    expect(
      await t.db.selectFrom('case_file_section').select('id').where('case_file_id', '=', file.id).execute(),
    ).toEqual([]);

    const opened = await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/sante/open`, REASON);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      section: 'sante',
      open: true,
      reasonCode: 'acces_droits',
      reasonLabel: 'Accès aux droits (démarche en cours)',
      reasonText: REASON.reasonText,
    });
    expect(opened.json().openedAt).toBe(t.clock.now().toISOString());
    const again = await call(s.mate, 'POST', `/api/usagers/${file.id}/sections/sante/open`, REASON);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('section_already_open');

    const audits = await t.db
      .selectFrom('audit_event')
      .select(['action', 'diff', 'target_id'])
      .where('case_file_id', '=', file.id)
      .where('action', 'like', 'case_file_section.%')
      .execute();
    expect(audits.map((a) => [a.action, a.diff])).toEqual([
      ['case_file_section.open', { section: 'sante', reasonCode: 'acces_droits' }],
    ]);
    const mention = async (who: Session) =>
      (await call(who, 'GET', `/api/usagers/${file.id}/sections`))
        .json()
        .items.find((i: { section: string }) => i.section === 'sante');
    expect(await mention(s.ref)).toMatchObject({
      open: true,
      openedBy: expect.stringContaining('Agent'),
      reasonText: REASON.reasonText,
    });
    // docs/security.md, "Access: read vs write, relations": the team sees that it is open, not the reason's text.
    expect(await mention(s.mate)).toMatchObject({ open: true, reasonText: null, readable: false });
  });

  it('stores the content sealed, logs each read with the part name, and audits the changed fields only', async () => {
    const file = await newFile();
    await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/sante/open`, REASON);
    const put = await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/sante`, { version: 0, data: SANTE });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 1, data: SANTE });
    const stale = await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/sante`, {
      version: 0,
      data: { healthCoverage: 'ame' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const raw = await t.db
      .selectFrom('case_file_section')
      .select(['payload', 'reason_text'])
      .where('case_file_id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(raw.payload).toMatch(/^jk1\./);
    expect(raw.reason_text).toMatch(/^jk1\./);
    expect(`${raw.payload}${raw.reason_text}`).not.toContain('Zorglub');

    const before = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', file.id).execute();
    const read = await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/sante`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ open: true, version: 1, data: SANTE });
    const after = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', file.id).execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.map((r) => r.part)).toContain('section_sante');

    const upd = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('case_file_id', '=', file.id)
      .where('action', '=', 'case_file_section.update')
      .executeTakeFirstOrThrow();
    expect(upd.diff).toEqual({ section: 'sante', changed: ['disability', 'gp', 'healthCoverage'] });
    expect(JSON.stringify(upd.diff)).not.toContain('Zorglub');
  });

  it('only the readers of the full part see, open, read or fill a section; the others get 404 and nothing is written', async () => {
    const file = await newFile();
    await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/sante/open`, REASON);
    for (const who of ['otherTeam', 'secretaire', 'responsable', 'otherSite', 'admin', 'dpo'] as const) {
      const res = [
        await call(s[who], 'GET', `/api/usagers/${file.id}/sections`),
        await call(s[who], 'GET', `/api/usagers/${file.id}/sections/sante`),
        await call(s[who], 'PUT', `/api/usagers/${file.id}/sections/sante`, { version: 0, data: SANTE }),
        await call(s[who], 'POST', `/api/usagers/${file.id}/sections/langue/open`, REASON),
      ];
      expect(
        res.map((r) => r.statusCode),
        who,
      ).toEqual([404, 404, 404, 404]);
      expect(res[1]?.json()).toEqual({ error: { code: 'not_found', message: 'Dossier introuvable' } });
    }
    const rows = await t.db
      .selectFrom('case_file_section')
      .select(['section', 'version'])
      .where('case_file_id', '=', file.id)
      .execute();
    expect(rows).toEqual([{ section: 'sante', version: 0 }]);
    const reads = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', file.id)
      .where('part', 'like', 'section%')
      .execute();
    expect(reads).toEqual([]);
  });

  it('an open section is for the référents and its opener: another member of the team gets 404, a motivated access reads only', async () => {
    const byRef = await newFile();
    await call(s.ref, 'POST', `/api/usagers/${byRef.id}/sections/sante/open`, REASON);
    const mateOnRef = [
      await call(s.mate, 'GET', `/api/usagers/${byRef.id}/sections/sante`),
      await call(s.mate, 'PUT', `/api/usagers/${byRef.id}/sections/sante`, { version: 0, data: SANTE }),
    ];
    expect(mateOnRef.map((r) => r.statusCode)).toEqual([404, 404]);
    expect(mateOnRef[0]?.json().error.code).toBe('not_found');

    const byMate = await newFile();
    await call(s.mate, 'POST', `/api/usagers/${byMate.id}/sections/sante/open`, REASON);
    const put = await call(s.mate, 'PUT', `/api/usagers/${byMate.id}/sections/sante`, { version: 0, data: SANTE });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call(s.ref, 'GET', `/api/usagers/${byMate.id}/sections/sante`)).json().data).toEqual(SANTE);

    const grant = await call(s.otherSite, 'POST', `/api/usagers/${byRef.id}/break-glass`, {
      reason: 'remplacement',
      justification: 'Remplacement de la collègue absente cette semaine',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await call(s.otherSite, 'GET', `/api/usagers/${byRef.id}/sections/sante`)).statusCode).toBe(200);
    const writes = [
      await call(s.otherSite, 'PUT', `/api/usagers/${byRef.id}/sections/sante`, { version: 0, data: SANTE }),
      await call(s.otherSite, 'POST', `/api/usagers/${byRef.id}/sections/langue/open`, REASON),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([404, 404]);
    const row = await t.db
      .selectFrom('case_file_section')
      .select('version')
      .where('case_file_id', '=', byRef.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(0);
  });

  it('an unknown section is 404, a malformed one 400', async () => {
    const file = await newFile();
    expect((await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/diagnostic`)).json().error).toEqual({
      code: 'not_found',
      message: 'Section introuvable',
    });
    expect(
      (await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/diagnostic`, { version: 0, data: {} })).statusCode,
    ).toBe(404);
    expect((await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/Sant%C3%A9`)).statusCode).toBe(400);
  });
});

describe('site minimisation profiles', () => {
  for (const profile of Object.keys(SITE_PROFILES) as SiteProfile[]) {
    it(`${profile}: the list offers exactly its sections and the API refuses every other one`, async () => {
      expect((await setProfile('etendu')).statusCode).toBe(200);
      const file = await newFile();
      expect((await setProfile(profile)).json()).toEqual({ id: site.id, profile });
      const offered = (await call(s.ref, 'GET', `/api/usagers/${file.id}/sections`)).json();
      expect(offered.profile).toBe(profile);
      expect(offered.items.map((i: { section: string }) => i.section)).toEqual(SITE_PROFILES[profile].sections);
      for (const section of SENSITIVE_SECTIONS) {
        const allowed = (SITE_PROFILES[profile].sections as readonly string[]).includes(section);
        const open = await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/${section}/open`, REASON);
        const read = await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/${section}`);
        const write = await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/${section}`, { version: 0, data: {} });
        if (allowed) {
          expect([open.statusCode, read.statusCode, write.statusCode], section).toEqual([201, 200, 200]);
        } else {
          for (const r of [open, read, write]) {
            expect(r.statusCode, `${profile} ${section}`).toBe(422);
            expect(r.json().error.code).toBe('section_not_in_profile');
            expect(r.json().error.message).toMatch(/n’est pas proposée sur ce site/);
          }
        }
      }
      const stored = await t.db
        .selectFrom('case_file_section')
        .select('section')
        .where('case_file_id', '=', file.id)
        .execute();
      expect(stored.map((r) => r.section).sort()).toEqual([...SITE_PROFILES[profile].sections].sort());
    });
  }

  it('narrowing the profile hides a section already filled, widening it shows it again unchanged', async () => {
    await setProfile('etendu');
    const file = await newFile();
    await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/enfance/open`, {
      reasonCode: 'obligation_legale',
      reasonText: 'Information préoccupante transmise',
    });
    await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/enfance`, {
      version: 0,
      data: { concernSentAt: '2026-10-01', concernOutcome: 'evaluation' },
    });
    await setProfile('coordin');
    expect((await call(s.ref, 'GET', `/api/usagers/${file.id}/sections`)).json().items).toEqual([]);
    expect((await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/enfance`)).statusCode).toBe(422);
    await setProfile('etendu');
    expect((await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/enfance`)).json().data).toEqual({
      concernSentAt: '2026-10-01',
      concernOutcome: 'evaluation',
    });
  });

  it('is set by the admin only, audited, listed on the admin sites page; others are refused', async () => {
    await setProfile('standard');
    expect((await setProfile('coordin')).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['diff', 'actor_role'])
      .where('action', '=', 'site.profile_update')
      .where('target_id', '=', site.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ diff: { profile: { from: 'standard', to: 'coordin' } }, actor_role: 'admin_fonctionnel' });
    const sites = (await call(s.admin, 'GET', '/api/admin/sites')).json().items;
    expect(sites.find((x: { id: string }) => x.id === site.id).profile).toBe('coordin');
    for (const who of ['ref', 'responsable', 'dpo'] as const) {
      const res = await call(s[who], 'PUT', `/api/admin/sites/${site.id}/profile`, { profile: 'etendu' });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await call(s.admin, 'PUT', `/api/admin/sites/${site.id}/profile`, { profile: 'maximal' })).statusCode).toBe(
      400,
    );
    expect(
      (await t.db.selectFrom('site').select('profile').where('id', '=', site.id).executeTakeFirstOrThrow()).profile,
    ).toBe('coordin');
  });
});

describe('sections at rest', () => {
  it('key rotation re-encrypts the payload and the reason with the new key, and the API reads them back', async () => {
    await setProfile('standard');
    const file = await newFile();
    await call(s.ref, 'POST', `/api/usagers/${file.id}/sections/langue/open`, {
      reasonCode: 'evaluation',
      reasonText: 'Besoin d’interprète à confirmer',
    });
    const data = { frenchLevel: 'A2', interpreterLanguage: { needed: true, language: 'Tamoul' } };
    expect((await call(s.ref, 'PUT', `/api/usagers/${file.id}/sections/langue`, { version: 0, data })).statusCode).toBe(
      200,
    );
    const rotated = addKey(activeKeyring());
    installKeyring(rotated);
    const res = await resealAll(t.db, rotated, {
      rotate: true,
      columns: sectionsModule.sealedColumns,
    });
    expect(res.map((r) => r.sealed).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    const raw = await t.db
      .selectFrom('case_file_section')
      .select(['payload', 'reason_text'])
      .where('case_file_id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(keyIdOf(raw.payload ?? '')).toBe(rotated.currentId);
    expect(keyIdOf(raw.reason_text)).toBe(rotated.currentId);
    expect((await call(s.ref, 'GET', `/api/usagers/${file.id}/sections/langue`)).json().data).toEqual(data);
    const list = (await call(s.ref, 'GET', `/api/usagers/${file.id}/sections`)).json();
    expect(list.items.find((i: { section: string }) => i.section === 'langue').reasonText).toBe(
      'Besoin d’interprète à confirmer',
    );
  });
});
