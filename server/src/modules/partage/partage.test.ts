import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';

let t: TestApp;
let s: Record<'ref' | 'mate' | 'otherTeam' | 'sec' | 'resp' | 'otherSite' | 'dpo' | 'admin', Session>;
let fileId = '';

const share = (over: Record<string, unknown> = {}) => ({
  recipientName: 'Mme Durand',
  recipientOrganisation: 'CMP Paris 18e',
  legalGround: 'casf_l121_6_2',
  sections: ['identity', 'situation'],
  sharedDate: '2026-11-20',
  personInformed: true,
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db);
  const b = await buildSite(t.db);
  const u = {
    ref: await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]),
    mate: await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]),
    otherTeam: await buildUser(t.db, 'travailleur_social', a.id, [a.teamB]),
    sec: await buildUser(t.db, 'secretaire', a.id),
    resp: await buildUser(t.db, 'responsable', a.id),
    otherSite: await buildUser(t.db, 'travailleur_social', b.id, [b.teamA]),
    dpo: await buildUser(t.db, 'dpo', null),
    admin: await buildUser(t.db, 'admin_fonctionnel', null),
  };
  s = Object.fromEntries(
    await Promise.all(Object.entries(u).map(async ([k, v]) => [k, await loginAs(t.app, v)])),
  ) as typeof s;
  const file = await createUsagerAs(
    t.app,
    s.ref,
    minimalUsager({
      birthName: 'Partagenom',
      nationality: 'A',
      employmentStatus: '12',
      phone: '06 12 34 56 78',
      cafNumber: '7654321',
    }),
  );
  fileId = file.id;
  await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/members`,
    headers: s.ref.send,
    payload: {
      person: { birthName: 'Enfantsecret', firstNames: 'Lou', birthDate: '2015-02-02' },
      relationship: '3',
      startDate: '2015-02-02',
      reason: 'naissance',
    },
  });
});
afterAll(() => t.close());

const post = (who: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: who.send, payload });
const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: who.get });

describe('partage (secret partagé)', () => {
  it('a référent records a share; the list shows it with its ground, sections and information of the person; audited', async () => {
    const res = await post(s.ref, `/api/usagers/${fileId}/shares`, share());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      recipientOrganisation: 'CMP Paris 18e',
      legalGround: { code: 'casf_l121_6_2' },
      sharedDate: '2026-11-20',
      personInformed: true,
      sections: [
        { code: 'identity', label: 'État civil' },
        { code: 'situation', label: 'Situation personnelle' },
      ],
    });
    const list = (await get(s.mate, `/api/usagers/${fileId}/shares`)).json();
    expect(list.shares.map((x: { id: string }) => x.id)).toContain(created.id);
    expect(list.can.create).toBe(true);
    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'diff'])
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('file_share.create');
    expect(JSON.stringify(row.diff)).not.toContain('Durand');
  });

  it('the PDF extract holds the shared sections only: a non-shared section’s text is absent', async () => {
    const id = (await post(s.ref, `/api/usagers/${fileId}/shares`, share())).json().id;
    const before = await t.db
      .selectFrom('access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_file_id', '=', fileId)
      .executeTakeFirstOrThrow();
    const res = await get(s.ref, `/api/usagers/${fileId}/shares/${id}/extract.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Partagenom');
    expect(text).toContain('État civil');
    expect(text).toContain('Situation personnelle');
    expect(text).toContain('Autre nationalité');
    expect(text).toContain('CASF L121-6-2');
    // Not shared: contact (phone), identifiers (CAF number), household members (the child's name), follow-up.
    for (const absent of [
      '06 12 34 56 78',
      '7654321',
      'Enfantsecret',
      'Coordonnées',
      'Identifiants',
      'Membres du foyer',
      'Suivi du dossier',
    ]) {
      expect(text, absent).not.toContain(absent);
    }
    const after = await t.db
      .selectFrom('access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_file_id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('an extract of the household members and the contact holds them, and not the identity section', async () => {
    const id = (
      await post(
        s.ref,
        `/api/usagers/${fileId}/shares`,
        share({ sections: ['contact', 'members'], legalGround: 'casf_l226_2_2' }),
      )
    ).json().id;
    const { text } = await pdfText((await get(s.ref, `/api/usagers/${fileId}/shares/${id}/extract.pdf`)).rawPayload);
    expect(text).toContain('06 12 34 56 78');
    expect(text).toContain('ENFANTSECRET');
    expect(text).not.toContain('État civil');
    expect(text).not.toContain('Autre nationalité');
  });

  it('a person not informed needs a reason; a share on consent needs a consent valid on its date', async () => {
    const noReason = await post(s.ref, `/api/usagers/${fileId}/shares`, share({ personInformed: false }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.notInformedReason).toMatch(/pourquoi/);
    const ok = await post(
      s.ref,
      `/api/usagers/${fileId}/shares`,
      share({ personInformed: false, notInformedReason: 'Information contraire à l’intérêt de l’enfant' }),
    );
    expect(ok.statusCode).toBe(201);
    expect(
      (await post(s.ref, `/api/usagers/${fileId}/shares`, share({ legalGround: 'consentement' }))).statusCode,
    ).toBe(400);

    const consent = (
      await post(s.ref, `/api/usagers/${fileId}/consents`, {
        purpose: 'Demande de logement',
        recipient: 'Bailleur social',
        givenDate: '2026-10-01',
      })
    ).json();
    expect(consent).toMatchObject({ givenDate: '2026-10-01', withdrawnDate: null });
    const onConsent = await post(
      s.ref,
      `/api/usagers/${fileId}/shares`,
      share({ legalGround: 'consentement', consentId: consent.id, sharedDate: '2026-10-15' }),
    );
    expect(onConsent.statusCode, onConsent.body).toBe(201);
    expect(
      (
        await post(
          s.ref,
          `/api/usagers/${fileId}/shares`,
          share({ legalGround: 'consentement', consentId: consent.id, sharedDate: '2026-09-15' }),
        )
      ).json().error.code,
    ).toBe('invalid_consent');

    const early = await post(s.ref, `/api/usagers/${fileId}/consents/${consent.id}/withdraw`, {
      withdrawnDate: '2026-09-01',
    });
    expect(early.statusCode).toBe(422);
    const withdrawn = await post(s.ref, `/api/usagers/${fileId}/consents/${consent.id}/withdraw`, {
      withdrawnDate: '2026-11-01',
    });
    expect(withdrawn.json()).toMatchObject({ withdrawnDate: '2026-11-01' });
    const after = await post(
      s.ref,
      `/api/usagers/${fileId}/shares`,
      share({ legalGround: 'consentement', consentId: consent.id, sharedDate: '2026-11-10' }),
    );
    expect(after.statusCode).toBe(422);
    expect(after.json().error.code).toBe('invalid_consent');
    const actions = (
      await t.db.selectFrom('audit_event').select('action').where('target_id', '=', consent.id).execute()
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['consent.create', 'consent.withdraw']));
  });

  it('outside the need-to-know (secretary, other team, responsable, other site, admin, DPO): 404 on every route, nothing written', async () => {
    const shareId = (await post(s.ref, `/api/usagers/${fileId}/shares`, share())).json().id;
    const consentId = (
      await post(s.ref, `/api/usagers/${fileId}/consents`, {
        purpose: 'Aide',
        recipient: 'CCAS',
        givenDate: '2026-10-01',
      })
    ).json().id;
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('file_share')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    for (const who of [s.sec, s.otherTeam, s.resp, s.otherSite, s.admin, s.dpo]) {
      expect((await get(who, `/api/usagers/${fileId}/shares`)).statusCode).toBe(404);
      expect((await get(who, `/api/usagers/${fileId}/shares/${shareId}/extract.pdf`)).statusCode).toBe(404);
      expect((await post(who, `/api/usagers/${fileId}/shares`, share())).statusCode).toBe(404);
      expect(
        (await post(who, `/api/usagers/${fileId}/consents`, { purpose: 'x', recipient: 'y', givenDate: '2026-10-01' }))
          .statusCode,
      ).toBe(404);
      expect(
        (await post(who, `/api/usagers/${fileId}/consents/${consentId}/withdraw`, { withdrawnDate: '2026-11-01' }))
          .statusCode,
      ).toBe(404);
    }
    expect(await count()).toBe(n);
    // A share id of another file does not open through this file.
    const other = await createUsagerAs(t.app, s.ref);
    expect((await get(s.ref, `/api/usagers/${other.id}/shares/${shareId}/extract.pdf`)).statusCode).toBe(404);
  });
});
