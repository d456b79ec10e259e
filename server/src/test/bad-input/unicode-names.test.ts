import { describe, expect, it } from 'vitest';
import { createUsagerAs, minimalUsager, type Session } from '../factories.js';
import { expectRefused, ids, type Method, sessions, t, useBadInputApp, writesNothing } from './harness.js';

/** Names in any script are kept and found; names with control characters are refused. */
useBadInputApp();

describe('unicode names', () => {
  const NAMES = [
    {
      birthName: 'Éloïse',
      firstNames: 'Zoé 🌻',
      birthDate: '1991-01-01',
      search: ['eloise', 'ELOISE', 'Éloïse', 'éloise'],
    },
    {
      birthName: 'E\u0301loi\u0308se',
      firstNames: 'N\u0303u\u0301n\u0303ez',
      birthDate: '1991-01-02',
      search: ['eloise', 'Éloïse'],
    },
    { birthName: 'Nguyễn', firstNames: 'Thị Minh', birthDate: '1991-01-03', search: ['nguyen', 'Nguyen'] },
    { birthName: 'O’Brien-Ødegård', firstNames: '👩🏽‍⚕️', birthDate: '1991-01-04', search: ['obrien odegard', 'odegard'] },
    { birthName: 'Ben Saïd', firstNames: 'محمد\u200F', birthDate: '1991-01-05', search: ['ben said', 'BEN SAID'] },
    { birthName: 'כהן', firstNames: 'אבי', birthDate: '1991-01-06', search: [] },
  ];

  it('are stored and returned exactly, and found by an accent- and case-insensitive search', async () => {
    const s = sessions.ts;
    const created = new Map<string, (typeof NAMES)[number]>();
    for (const n of NAMES) {
      const { id } = await createUsagerAs(t.app, s, {
        birthName: n.birthName,
        firstNames: n.firstNames,
        birthDate: n.birthDate,
        usedName: n.firstNames,
      });
      created.set(id, n);
      const got = (await t.app.inject({ method: 'GET', url: `/api/usagers/${id}`, headers: s.get })).json().data.person;
      expect([...got.birthName], n.birthName).toEqual([...n.birthName]);
      expect(got.firstNames).toBe(n.firstNames);
      expect(got.usedName).toBe(n.firstNames);
      const stored = await t.db
        .selectFrom('person as p')
        .innerJoin('case_file as cf', 'cf.principal_person_id', 'p.id')
        .select(['p.birth_name', 'p.first_names'])
        .where('cf.id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ birth_name: n.birthName, first_names: n.firstNames });
    }
    for (const [id, n] of created) {
      for (const q of n.search) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/usagers/search?q=${encodeURIComponent(q)}`,
          headers: s.get,
        });
        expect(res.statusCode, q).toBe(200);
        expect(
          res.json().results.map((x: { id: string }) => x.id),
          `${n.birthName} by "${q}"`,
        ).toContain(id);
      }
    }
    // Both spellings of Éloïse (precomposed and combining) are found by one search.
    const eloise = (await t.app.inject({ method: 'GET', url: '/api/usagers/search?q=eloise', headers: s.get })).json()
      .results;
    expect(eloise.map((x: { birthDate: string }) => x.birthDate).sort()).toEqual(['1991-01-01', '1991-01-02']);
  });

  // Known bug (reported, not fixed here: modules/usagers/queries.ts and the jalon_normalize migration belong to
  // another change). jalon_normalize keeps [a-z0-9] only, so a name written only in Hebrew, Arabic, Cyrillic…
  // normalises to '' and refreshSearch stores no search row at all: the file cannot be found, even by its birth
  // date or file number. Remove `.fails` once fixed.
  it('a name in a non-Latin script only is found by its birth date and by its name', async () => {
    const { id, fileNumber } = await createUsagerAs(t.app, sessions.ts, {
      birthName: 'שפירא',
      firstNames: 'Ольга',
      birthDate: '1991-02-07',
    });
    for (const q of ['07/02/1991', fileNumber, 'שפירא', 'ольга']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/usagers/search?q=${encodeURIComponent(q)}`,
        headers: sessions.ts.get,
      });
      expect(
        res.json().results.map((x: { id: string }) => x.id),
        q,
      ).toContain(id);
    }
  });

  it('survive an update, a new household member and the admin pages unchanged', async () => {
    const { id } = await createUsagerAs(t.app, sessions.ts);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${id}`,
      headers: sessions.ts.send,
      payload: { identity: { birthName: 'Ñúñez 🌍', firstNames: 'إيمان' } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().data.person).toMatchObject({ birthName: 'Ñúñez 🌍', firstNames: 'إيمان' });
    const found = (
      await t.app.inject({ method: 'GET', url: '/api/usagers/search?q=nunez', headers: sessions.ts.get })
    ).json();
    expect(found.results.map((x: { id: string }) => x.id)).toContain(id);
    const member = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${id}/members`,
      headers: sessions.ts.send,
      payload: {
        person: { birthName: 'Ñúñez 🌍', firstNames: 'Ге́рман', birthDate: '2015-05-05' },
        relationship: '3',
        startDate: '2015-05-05',
      },
    });
    expect(member.statusCode, member.body).toBe(201);
    expect(member.json().data.full.household.members.map((m: { firstNames: string }) => m.firstNames)).toContain(
      'Ге́рман',
    );
    const team = await t.app.inject({
      method: 'POST',
      url: '/api/admin/teams',
      headers: sessions.admin.send,
      payload: { siteId: ids.site, name: 'Équipe 🌳 שלום' },
    });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json().name).toBe('Équipe 🌳 שלום');
  });

  it('names with NUL or other control characters are refused with 400 and a field message', async () => {
    const file = `/api/usagers/${ids.file}`;
    const cases: [string, Method, string, Session, Record<string, unknown>, string][] = [
      ['create', 'POST', '/api/usagers', sessions.ts, minimalUsager({ birthName: 'Élo\u0000ïse' }), 'birthName'],
      [
        'create first names',
        'POST',
        '/api/usagers',
        sessions.ts,
        minimalUsager({ firstNames: 'Zoé\u0000' }),
        'firstNames',
      ],
      [
        'create used name C1',
        'POST',
        '/api/usagers',
        sessions.ts,
        minimalUsager({ usedName: 'Martin\u0085' }),
        'usedName',
      ],
      ['update', 'PATCH', file, sessions.ts, { identity: { birthName: '\u0000Dupont' } }, 'identity.birthName'],
      [
        'member',
        'POST',
        `${file}/members`,
        sessions.ts,
        {
          person: { birthName: 'Ab\u0000', firstNames: 'Lou', birthDate: '2020-02-02' },
          relationship: '3',
          startDate: '2020-02-02',
        },
        'person.birthName',
      ],
      [
        'site',
        'POST',
        '/api/admin/sites',
        sessions.admin,
        { code: 'site-nul', name: 'EPS\u0000', kind: 'EPS' },
        'name',
      ],
      ['team', 'POST', '/api/admin/teams', sessions.admin, { siteId: ids.site, name: 'Équipe\u0000' }, 'name'],
      [
        'user',
        'PATCH',
        `/api/admin/users/${ids.user}`,
        sessions.admin,
        { displayName: 'Agent\u001b[31m' },
        'displayName',
      ],
    ];
    await writesNothing('control characters in names', async () => {
      for (const [what, method, url, s, payload, field] of cases) {
        const { err } = await expectRefused(what, { method, url, headers: s.send, payload }, 400);
        expect(err.code, what).toBe('validation_error');
        expect((err as { fields?: Record<string, string> }).fields?.[field], what).toMatch(/caractères de contrôle/);
      }
    });
  });
});
