import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';

/** Search by keys (ADR 006): each kind of typing mistake still finds the file; several words narrow the list. */

let t: TestApp;
let s: Session;
const ids: Record<string, string> = {};

const people = {
  dubois: { birthName: 'Dubois', firstNames: 'Marie', birthDate: '1980-02-03' },
  duboisJean: { birthName: 'Dubois', firstNames: 'Jean', birthDate: '1975-06-07' },
  nguyen: { birthName: 'Nguyen', firstNames: 'Thi Lan', birthDate: '1990-01-01' },
  beaumont: { birthName: 'Beaumont', firstNames: 'Philippe', birthDate: '1960-05-05' },
  chevalier: { birthName: 'Chevalier', firstNames: 'Océane', birthDate: '1999-09-09' },
  durand: { birthName: 'Durand', firstNames: 'Paul', birthDate: '1970-03-03' },
  fontaine: { birthName: 'de La Fontaine', firstNames: 'Ambre', birthDate: '2001-01-01' },
};

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  s = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  for (const [k, body] of Object.entries(people)) ids[k] = (await createUsagerAs(t.app, s, body)).id;
});
afterAll(() => t.close());

const search = async (q: string): Promise<string[]> => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/usagers/search?q=${encodeURIComponent(q)}`,
    headers: s.get,
  });
  expect(res.statusCode, q).toBe(200);
  return (res.json() as { results: { id: string }[] }).results.map((r) => r.id);
};

describe('search keys', () => {
  it.each([
    ['dubois', 'dubois', 'exact, lower case'],
    ['dubos', 'dubois', 'a missed letter'],
    ['duboiis', 'dubois', 'a doubled letter'],
    ['duobis', 'dubois', 'two letters swapped'],
    ['dubous', 'dubois', 'a wrong vowel'],
    ['dubua', 'dubois', 'by ear: ois → ua'],
    ['nguien', 'nguyen', 'by ear: uy → ui'],
    ['bomon', 'beaumont', 'by ear: eau → o, silent final t'],
    ['chevalire', 'chevalier', 'two letters swapped at the end'],
    ['cheva', 'chevalier', 'the beginning of the name'],
    ['fontaine', 'fontaine', 'one word of a compound surname'],
    ['lan', 'nguyen', 'a first name alone'],
    ['DUBOIS Marie', 'dubois', 'surname and first name, upper case'],
    ['marie dubua', 'dubois', 'first name first, surname misspelled'],
    ['dubois mrie', 'dubois', 'first name misspelled too'],
  ])('"%s" finds %s (%s)', async (q, who) => {
    expect(await search(q)).toContain(ids[who]);
  });

  it('does not match unrelated names', async () => {
    expect(await search('dubois')).not.toContain(ids.durand);
    expect(await search('durand')).not.toContain(ids.dubois);
  });

  it('several words must all match: "dubois marie" leaves Jean Dubois out', async () => {
    const found = await search('dubois marie');
    expect(found[0]).toBe(ids.dubois);
    expect(found).not.toContain(ids.duboisJean);
    expect(await search('dubois jean')).toEqual([ids.duboisJean]);
  });

  it('when no row matches every word, rows matching any word are shown', async () => {
    const found = await search('dubois zzyzx');
    expect(found).toEqual(expect.arrayContaining([ids.dubois, ids.duboisJean]));
  });

  it('the keys follow a change of name (generated column)', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${ids.durand}`,
      headers: s.send,
      payload: { identity: { birthName: 'Zanetti' } },
    });
    expect(res.statusCode).toBe(200);
    expect(await search('zaneti')).toContain(ids.durand);
    expect(await search('durand')).not.toContain(ids.durand);
  });

  it('the phonetic form maps spellings by ear together and keeps different names apart', async () => {
    const phon = async (w: string | undefined) =>
      (await sql<{ p: string }>`select jalon_phonetic(${w ?? ''}) as p`.execute(t.db)).rows[0]?.p;
    for (const [a, b] of [
      ['dubois', 'dubua'],
      ['dubois', 'duboa'],
      ['nguyen', 'nguien'],
      ['beaumont', 'bomon'],
      ['philippe', 'filipe'],
      ['martine', 'martene'],
      ['quentin', 'kantin'],
      ['renaud', 'reno'],
      ['ferreira', 'fereira'],
    ]) {
      expect(await phon(a), `${a} ~ ${b}`).toBe(await phon(b));
    }
    for (const [a, b] of [
      ['martin', 'morin'],
      ['dubois', 'durand'],
      ['petit', 'bernard'],
    ]) {
      expect(await phon(a), `${a} ≁ ${b}`).not.toBe(await phon(b));
    }
  });
});
