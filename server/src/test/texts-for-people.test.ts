import { CODE_TOKEN } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './build-test-app.js';
import {
  buildSite,
  buildUser,
  createUsagerAs,
  loginAs,
  minimalUsager,
  type Session,
  type TestUser,
} from './factories.js';
import { pdfText } from './pdf-text.js';

/**
 * No code, field key or English identifier in what a person reads (docs/security.md, "Texts for people"): the
 * history, the DPO's logs, the access exports, and every PDF, read through the real API and scanned for snake_case
 * and camelCase tokens. The labels come from one catalogue in core (core/src/labels).
 */

let t: TestApp;
const u: Record<string, TestUser> = {};
const s: Record<string, Session> = {};
let fileId = '';
let fileNumber = '';
let shareId = '';
let requestId = '';
let siteId = '';
const PURPOSE = 'purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Every token of `texts` that looks like a code; the failure message names where it was read. */
const codes = (where: string, texts: (string | null | undefined)[]) =>
  texts
    .filter((x): x is string => typeof x === 'string')
    .flatMap((x) => x.split(/[\s,;:()«»"'’/]+/))
    .filter((w) => CODE_TOKEN.test(w))
    .map((w) => `${where}: ${w}`);

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db, { name: 'EPS Paris 19e' });
  siteId = a.id;
  u.ref = await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]);
  u.resp = await buildUser(t.db, 'responsable', a.id);
  u.admin = await buildUser(t.db, 'admin_fonctionnel', null);
  u.dpo = await buildUser(t.db, 'dpo', null);
  for (const [k, v] of Object.entries(u)) s[k] = await loginAs(t.app, v);
  const ref = s.ref as Session;
  const file = await createUsagerAs(t.app, ref, minimalUsager({ birthName: 'Quillard', employmentStatus: '12' }));
  fileId = file.id;
  fileNumber = file.fileNumber;
  const post = async (url: string, payload: object, who = ref) => {
    const r = await t.app.inject({ method: 'POST', url, headers: who.send, payload });
    if (r.statusCode >= 300) throw new Error(`${url} ${r.statusCode} ${r.body}`);
    return r.json();
  };
  await post(`/api/usagers/${fileId}/members`, {
    person: { birthName: 'Quillard', firstNames: 'Lino', birthDate: '2018-04-02' },
    relationship: '3',
    startDate: '2018-04-02',
    reason: 'naissance',
  });
  await post(`/api/usagers/${fileId}/journal`, {
    type: 'entretien_bureau',
    occurredAt: '2026-11-20T10:00:00+01:00',
    note: 'Point sur le dossier de logement.',
    visibility: 'privee',
  });
  shareId = (
    await post(`/api/usagers/${fileId}/shares`, {
      recipientOrganisation: 'CMP Paris 19e',
      legalGround: 'casf_l121_6_2',
      sections: ['identity', 'contact', 'household'],
      sharedDate: '2026-11-22',
      personInformed: true,
    })
  ).id;
  await post(`/api/usagers/${fileId}/sections/sejour/open`, { reasonCode: 'acces_droits', reasonText: 'Titre' });
  await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/sections/sejour`, headers: ref.get });
  requestId = (
    await post(`/api/usagers/${fileId}/access-requests`, {
      requester: 'personne',
      receivedOn: '2026-11-25',
      identityCheck: 'piece_presentee',
    })
  ).id;
}, 180_000);
afterAll(() => t.close());

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: s[who]?.get });

describe('texts meant for people are in French, without codes', () => {
  it('the Historique tab: actions, fields changed and roles', async () => {
    const res = await get('ref', `/api/usagers/${fileId}/history`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { actionLabel: string; fields: string[]; roleLabel: string | null }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.flatMap((i) => i.fields)).toContain('Motif d’arrivée dans le foyer');
    expect(
      codes(
        'historique',
        items.flatMap((i) => [i.actionLabel, ...i.fields, i.roleLabel]),
      ),
    ).toEqual([]);
  });

  it('the DPO’s logs: action and part labels, file numbers rather than identifiers', async () => {
    const audit = await get('dpo', `/api/dpo/audit-events?${PURPOSE}&fileNumber=${encodeURIComponent(fileNumber)}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const actions = audit.json().items as { actionLabel: string; actorRoleLabel: string; fileNumber: string }[];
    expect(actions.length).toBeGreaterThan(3);
    expect(actions.every((i) => i.fileNumber === fileNumber)).toBe(true);
    expect(
      codes(
        'journal des actions',
        actions.flatMap((i) => [i.actionLabel, i.actorRoleLabel]),
      ),
    ).toEqual([]);
    const reads = await get('dpo', `/api/dpo/access-events?${PURPOSE}&fileNumber=${encodeURIComponent(fileNumber)}`);
    const parts = reads.json().items as { part: string; partLabel: string; fileNumber: string }[];
    expect(parts.map((p) => p.part)).toContain('section_sejour');
    expect(
      codes(
        'journal des consultations',
        parts.map((p) => p.partLabel),
      ),
    ).toEqual([]);
    // The part of a section read can be filtered on: the parts are one list.
    const sejour = await get('dpo', `/api/dpo/access-events?${PURPOSE}&part=section_sejour`);
    expect(sejour.statusCode, sejour.body).toBe(200);
    expect(sejour.json().items.length).toBeGreaterThan(0);
  });

  it('the access exports (JSON): every label printed for the person', async () => {
    for (const [who, url] of [
      ['ref', `/api/usagers/${fileId}/access-export?format=json`],
      ['dpo', `/api/dpo/access-requests/${requestId}/export?format=json`],
    ] as const) {
      const res = await get(who, url);
      expect(res.statusCode, res.body).toBe(200);
      const x = res.json();
      const texts = [
        x.scopeLabel,
        x.request?.requesterLabel,
        ...x.journal.flatMap((e: Record<string, unknown>) => [
          (e.type as { label: string }).label,
          e.place as string,
          e.appointmentStatus as string,
        ]),
        ...x.consultations.flatMap((c: { role: { label: string }; partLabel: string }) => [c.role.label, c.partLabel]),
        ...x.shares.flatMap((sh: { legalGround: string; sections: string[] }) => [sh.legalGround, ...sh.sections]),
        ...x.sections.flatMap(
          (sec: { label: string; reasonLabel: string; lines: { label: string; value: string }[] }) => [
            sec.label,
            sec.reasonLabel,
            ...sec.lines.flatMap((l) => [l.label, l.value]),
          ],
        ),
      ];
      expect(texts.length).toBeGreaterThan(10);
      // English section keys (`identity`, `household`) are codes too, though no pattern can tell them from a word.
      expect(x.shares[0].sections).toEqual(['État civil', 'Coordonnées', 'Logement et contexte familial']);
      expect(codes(`export ${who}`, texts)).toEqual([]);
    }
  });

  it('every PDF: the access exports, the share extract, the register, the site report', async () => {
    const pdfs: [string, string][] = [
      ['ref', `/api/usagers/${fileId}/access-export?format=pdf`],
      ['dpo', `/api/dpo/access-requests/${requestId}/export?format=pdf`],
      ['ref', `/api/usagers/${fileId}/shares/${shareId}/extract.pdf`],
      ['dpo', '/api/admin/registre?format=pdf'],
      ['resp', `/api/statistics/report.pdf?siteId=${siteId}&year=2026`],
    ];
    const found: string[] = [];
    for (const [who, url] of pdfs) {
      const res = await get(who, url);
      expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBe(200);
      const { text } = await pdfText(res.rawPayload);
      expect(text.length).toBeGreaterThan(200);
      expect(text, url).not.toMatch(UUID);
      expect(text, url).not.toMatch(/\bnpm\b|src\/|\.ts\b/);
      found.push(...codes(url.split('?')[0] ?? url, [text]));
    }
    expect(found).toEqual([]);
  });
});
