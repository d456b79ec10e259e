import { NON_COORDIN_FIELDS, type SiteProfile } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';

/** Minimisation of the usager fields by site profile (docs/api.md, Sensitive sections): a `coordin` site asks nothing beyond the old tool. */

let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let ref: Session;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
});
afterAll(() => t.close());

const setProfile = async (profile: SiteProfile) => {
  const r = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/sites/${site.id}/profile`,
    headers: admin.send,
    payload: { profile },
  });
  expect(r.statusCode, r.body).toBe(200);
};
const create = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/usagers', headers: ref.send, payload: body });
const patch = (id: string, body: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/usagers/${id}`, headers: ref.send, payload: body });
const get = (id: string) => t.app.inject({ method: 'GET', url: `/api/usagers/${id}`, headers: ref.get });
const count = async (table: 'case_file' | 'audit_event'): Promise<number> =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** One value per non-coordin field, in the create body and in the PATCH body. */
const EXTRA_CREATE: Record<(typeof NON_COORDIN_FIELDS)[number], [string, string]> = {
  'identifiers.cafNumber': ['cafNumber', '1234567'],
  'identifiers.franceTravailId': ['franceTravailId', 'AB12345'],
  'situation.nationality': ['nationality', 'A'],
  'situation.cafActivity': ['cafActivity', 'SAL'],
  'household.housingNature': ['housingNature', '0901'],
};
const patchBody = (key: string, value: string) => {
  const [section, name] = key.split('.') as [string, string];
  return { [section]: { [name]: value } };
};

describe('usager fields by site profile', () => {
  it('coordin: a create setting any non-coordin field is refused with 422 field_not_in_profile, nothing written', async () => {
    await setProfile('coordin');
    for (const [key, [name, value]] of Object.entries(EXTRA_CREATE)) {
      const [files, audits] = [await count('case_file'), await count('audit_event')];
      const r = await create(minimalUsager({ [name]: value }));
      expect(r.statusCode, `${key}: ${r.body}`).toBe(422);
      expect(r.json().error.code).toBe('field_not_in_profile');
      expect(r.json().error.message).toMatch(/profil COORDIN/);
      expect(Object.keys(r.json().error.fields)).toEqual([name]);
      expect([await count('case_file'), await count('audit_event')]).toEqual([files, audits]);
    }
  });

  it('coordin: identity, contact, core items and "Non renseigné" are accepted', async () => {
    await setProfile('coordin');
    const r = await create(
      minimalUsager({
        phone: '0612345678',
        postalCode: '75019',
        maritalStatus: 'CEL',
        employmentStatus: 'NR',
        housingStatus: 'NR',
        familyType: 'NR',
        educationLevel: 'NR',
        nationality: 'NR',
        cafActivity: 'NR',
        housingNature: 'NR',
        cafNumber: '',
      }),
    );
    expect(r.statusCode, r.body).toBe(201);
  });

  it('coordin: a PATCH setting a non-coordin field is refused, nothing written; clearing it or a core item is accepted', async () => {
    await setProfile('standard');
    const file = await createUsagerAs(t.app, ref, minimalUsager({ nationality: 'A', cafNumber: '7654321' }));
    await setProfile('coordin');
    for (const [key, [, value]] of Object.entries(EXTRA_CREATE)) {
      const before = (await get(file.id)).json().data;
      const audits = await count('audit_event');
      const r = await patch(file.id, { version: before.version, ...patchBody(key, value) });
      expect(r.statusCode, `${key}: ${r.body}`).toBe(422);
      expect(r.json().error.code).toBe('field_not_in_profile');
      const after = (await get(file.id)).json().data;
      expect(after.version).toBe(before.version);
      expect(await count('audit_event')).toBe(audits);
    }
    const version = (await get(file.id)).json().data.version;
    const ok = await patch(file.id, {
      version,
      situation: { nationality: 'NR', maritalStatus: 'MAR' },
      identifiers: { cafNumber: null },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data.site.profile).toBe('coordin');
  });

  it('standard: the same fields are accepted on create and PATCH', async () => {
    await setProfile('standard');
    const body = minimalUsager(Object.fromEntries(Object.values(EXTRA_CREATE)));
    const r = await create(body);
    expect(r.statusCode, r.body).toBe(201);
    const file = r.json() as { id: string };
    for (const [key] of Object.entries(EXTRA_CREATE)) {
      const version = (await get(file.id)).json().data.version;
      const value =
        key === 'situation.nationality'
          ? 'C'
          : key === 'situation.cafActivity'
            ? 'CHR'
            : key === 'household.housingNature'
              ? '0902'
              : key === 'identifiers.cafNumber'
                ? '1111111'
                : 'CD98765';
      const p = await patch(file.id, { version, ...patchBody(key, value) });
      expect(p.statusCode, `${key}: ${p.body}`).toBe(200);
    }
    expect((await get(file.id)).json().data.site.profile).toBe('standard');
  });

  it('the session tells the web its site profile, as changed by the admin (the create form hides the fields)', async () => {
    await setProfile('coordin');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: ref.get });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().user.siteProfile).toBe('coordin');
    await setProfile('etendu');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: ref.get })).json().user.siteProfile).toBe(
      'etendu',
    );
    const adminMe = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.get });
    expect(adminMe.json().user.siteProfile).toBeNull();
  });
});
