import {
  PAYMENT_FILE_COLUMNS,
  type AidApplicationDto,
  type CommissionDetailDto,
  type StatisticsTableDto,
} from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveAidPieces } from '../../test/aid-pieces.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';
import { aidRequestsAs, requestsAs } from '../../test/requests.js';
import { pdfText } from '../../test/pdf-text.js';
import { refreshStatistics } from '../statistics/index.js';

/** Commissions through the HTTP API (docs/api.md, "Commissions"; docs/formats.md, "Fichier de paiement"). */

let t: TestApp;
let ref: Session;
let resp: Session;
let respB: Session;
let admin: Session;
let secretary: Session;
let siteId: string;
let fileId: string;
let apps: { maintien: string; energie: string; paris: string; partial: string };

const { inject, ok } = requestsAs(() => t.app);

const MAINTIEN = {
  scheme: 'fsl',
  aidType: 'maintien',
  form: 'subvention',
  requestedCents: 50_000,
  procedureStage: 'commandement_payer',
  payee: 'bailleur',
  creditorName: 'Paris Habitat; OPH',
  contractRef: 'BAIL-2021-0042',
};
const ENERGIE = {
  scheme: 'fsl',
  aidType: 'energie',
  form: 'pret',
  requestedCents: 30_000,
  payee: 'fournisseur',
  creditorName: 'EDF',
  contractRef: '=CMD',
};
const PARIS = {
  scheme: 'paris',
  aidType: 'allocation_exceptionnelle',
  form: 'subvention',
  requestedCents: 20_000,
  payee: 'personne',
};

/** Created, filed, instructed and sent to the commission by the référent. */
const applicationInCommission = (body: object, file = fileId) =>
  aidRequestsAs(() => t.app).inCommission(ref, file, body);

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  siteId = site.id;
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  resp = await loginAs(t.app, await buildUser(t.db, 'responsable', site.id));
  respB = await loginAs(t.app, await buildUser(t.db, 'responsable', siteB.id));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  secretary = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
  fileId = (await createUsagerAs(t.app, ref, minimalUsager({ firstNames: 'Aïcha', birthName: 'Benali' }))).id;
  await giveAidPieces(t.app, ref, fileId);
  apps = {
    maintien: await applicationInCommission(MAINTIEN),
    energie: await applicationInCommission(ENERGIE),
    paris: await applicationInCommission(PARIS),
    partial: await applicationInCommission({ ...MAINTIEN, requestedCents: 40_000 }),
  };
}, 60_000);
afterAll(() => t.close());

let sessionId = '';

describe('sessions', () => {
  it('are created by the responsable on their site and by the administration on a site it names', async () => {
    const r = await ok(resp, 'POST', '/api/commissions', { sessionDate: '2026-12-10', kind: 'ordinaire' }, 201);
    sessionId = r.json().id;
    expect(r.json()).toMatchObject({ siteId, status: 'ouverte', agendaCount: 0 });
    const noSite = await inject(admin, 'POST', '/api/commissions', { sessionDate: '2026-12-11', kind: 'urgente' });
    expect(noSite.statusCode).toBe(422);
    expect(noSite.json().error.code).toBe('site_required');
    const named = { sessionDate: '2026-12-11', kind: 'urgente', siteId, territory: 'Paris Nord-Est' };
    expect((await ok(admin, 'POST', '/api/commissions', named, 201)).json().territory).toBe('Paris Nord-Est');
    const foreign = await inject(respB, 'POST', '/api/commissions', { ...named, territory: undefined });
    expect(foreign.statusCode).toBe(403);
  });

  it('are not reached by workers and secretaries (403) nor by another site’s responsable (404)', async () => {
    expect((await inject(ref, 'GET', '/api/commissions')).statusCode).toBe(403);
    expect(
      (await inject(secretary, 'POST', '/api/commissions', { sessionDate: '2026-12-10', kind: 'ordinaire' }))
        .statusCode,
    ).toBe(403);
    expect((await inject(respB, 'GET', `/api/commissions/${sessionId}`)).statusCode).toBe(404);
    expect((await ok(respB, 'GET', '/api/commissions')).json().items).toEqual([]);
    expect((await ok(admin, 'GET', '/api/commissions')).json().items).toHaveLength(2);
  });
});

describe('agenda', () => {
  it('offers the applications waiting for a commission and takes them in order', async () => {
    const before = (await ok(resp, 'GET', `/api/commissions/${sessionId}`)).json() as CommissionDetailDto;
    expect(before.candidates.map((c) => c.applicationId).sort()).toEqual(Object.values(apps).sort());
    expect(before.candidates[0]?.personName).toContain('Benali');
    const ids = [apps.maintien, apps.energie, apps.paris, apps.partial];
    await ok(resp, 'POST', `/api/commissions/${sessionId}/agenda`, { applicationIds: ids });
    const after = (await ok(resp, 'GET', `/api/commissions/${sessionId}`)).json() as CommissionDetailDto;
    expect(after.agenda.map((a) => [a.position, a.applicationId])).toEqual(ids.map((id, k) => [k + 1, id]));
    expect(after.candidates).toEqual([]);
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', fileId)
      .where('part', '=', 'commission')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('refuses an application already on an agenda, one not in commission, and an ordinary one at an urgent session', async () => {
    const again = await inject(resp, 'POST', `/api/commissions/${sessionId}/agenda`, {
      applicationIds: [apps.maintien],
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'already_on_agenda']);
    const draft = (
      await ok(ref, 'POST', `/api/usagers/${fileId}/aid-applications`, PARIS, 201)
    ).json() as AidApplicationDto;
    const notYet = await inject(resp, 'POST', `/api/commissions/${sessionId}/agenda`, { applicationIds: [draft.id] });
    expect([notYet.statusCode, notYet.json().error.code]).toEqual([422, 'not_in_commission']);
    const other = await applicationInCommission(PARIS);
    const urgent = (
      await ok(resp, 'POST', '/api/commissions', { sessionDate: '2026-12-12', kind: 'urgente' }, 201)
    ).json();
    const refused = await inject(resp, 'POST', `/api/commissions/${urgent.id}/agenda`, { applicationIds: [other] });
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'not_urgent']);
  });
});

describe('decisions', () => {
  const url = () => `/api/commissions/${sessionId}/decisions`;
  const good = () => [
    { applicationId: apps.maintien, outcome: 'accord', amountCents: 50_000 },
    { applicationId: apps.energie, outcome: 'accord', amountCents: 30_000, loanMonths: 12 },
    { applicationId: apps.paris, outcome: 'refus', reason: 'Ressources supérieures au plafond' },
    {
      applicationId: apps.partial,
      outcome: 'accord_partiel',
      amountCents: 25_000,
      reason: 'Dette partiellement couverte',
    },
  ];

  it('are refused to the administration (it organises, the site’s responsable decides)', async () => {
    const r = await inject(admin, 'POST', url(), { decisions: good() });
    expect(r.statusCode).toBe(403);
  });

  it('are all refused when one is refused by the aids workflow, naming its agenda number', async () => {
    const docs = async () =>
      Number(
        (
          await t.db
            .selectFrom('document')
            .select((e) => e.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await docs();
    const bad = good().map((d) => (d.applicationId === apps.partial ? { ...d, amountCents: 40_000 } : d));
    const r = await inject(resp, 'POST', url(), { decisions: bad });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.message).toMatch(/^Demande n° 4 : /);
    expect(await docs()).toBe(before);
    const detail = (await ok(resp, 'GET', `/api/commissions/${sessionId}`)).json() as CommissionDetailDto;
    expect(detail.agenda.every((a) => a.decision === null)).toBe(true);
    const maintien = (await ok(ref, 'GET', `/api/aid-applications/${apps.maintien}`)).json() as AidApplicationDto;
    expect(maintien.status).toBe('commission_ordinaire');
  });

  it('are recorded in bulk through the workflow, each with its notification letter, and close the session', async () => {
    const r = (await ok(resp, 'POST', url(), { decisions: good() })).json();
    expect(r).toEqual({ decided: 4, letters: 4, closed: true });
    const maintien = (await ok(ref, 'GET', `/api/aid-applications/${apps.maintien}`)).json() as AidApplicationDto;
    expect(maintien.status).toBe('accord');
    expect(maintien.decision).toMatchObject({ outcome: 'accord', amountCents: 50_000 });
    const sent = await t.db
      .selectFrom('letter_sent')
      .select('document_id')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(sent).toHaveLength(4);
    const letter = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${sent[0]?.document_id}/content`,
      headers: ref.get,
    });
    expect(letter.statusCode).toBe(200);
    const { text } = await pdfText(letter.rawPayload);
    expect(text).toContain('Benali');
    expect(text).toContain('tribunal administratif de Paris');
    expect(text).toContain('recours gracieux');
    const again = await inject(resp, 'POST', url(), { decisions: [good()[0]] });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'session_closed']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('action', '=', 'commission_session.decide')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('print every notification of the session with the decision and its amount', async () => {
    const r = await ok(resp, 'GET', `/api/commissions/${sessionId}/letters.pdf`);
    expect(r.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await pdfText(r.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain('Accord partiel');
    expect(text).toContain('250,00 €');
    expect(text).toContain('Ressources supérieures au plafond');
  });
});

describe('PV and payment file', () => {
  it('the PV is a real PDF listing every application, its decision and the total granted', async () => {
    const r = await ok(resp, 'GET', `/api/commissions/${sessionId}/pv.pdf`);
    const { text } = await pdfText(r.rawPayload);
    expect(text).toContain('Procès-verbal');
    expect(text).toContain('Aïcha Benali');
    expect(text).toContain('Refus');
    expect(text).toContain('Montant total accordé : 1 050,00 €');
    expect(text).toContain('arrêté');
    expect((await inject(respB, 'GET', `/api/commissions/${sessionId}/pv.pdf`)).statusCode).toBe(404);
  });

  it('the payment file has the documented layout: granted subventions and loans, in cents, to the third party or the person', async () => {
    const r = await ok(admin, 'GET', `/api/commissions/${sessionId}/payments.csv`);
    expect(r.headers['content-type']).toContain('text/csv');
    const lines = r.body.split('\r\n');
    expect(lines[0]).toBe(PAYMENT_FILE_COLUMNS.join(';'));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      `2026-12-10-001;2026-12-10;${apps.maintien};maintien;subvention;tiers;"Paris Habitat; OPH";"Paris Habitat; OPH";BAIL-2021-0042;50000;2026-11-25`,
    );
    expect(lines[2]).toContain(";pret;tiers;EDF;EDF;'=CMD;30000;");
    expect(lines[3]).toContain(`2026-12-10-004;2026-12-10;${apps.partial};maintien;subvention;tiers;`);
    expect(lines[3]).toContain(';25000;');
    expect(r.body).not.toContain(apps.paris);
  });

  it('the payment file waits for every decision', async () => {
    const open = (
      await ok(resp, 'POST', '/api/commissions', { sessionDate: '2026-12-20', kind: 'ordinaire' }, 201)
    ).json();
    const r = await inject(resp, 'GET', `/api/commissions/${open.id}/payments.csv`);
    expect([r.statusCode, r.json().error.code]).toEqual([409, 'session_open']);
  });
});

describe('pièces justificatives', () => {
  it('list what is missing, and the check deposits the draft with its pièces missing', async () => {
    // A file without any document (the main file holds every pièce).
    const bare = (await createUsagerAs(t.app, ref, minimalUsager())).id;
    const draft = (
      await ok(ref, 'POST', `/api/usagers/${bare}/aid-applications`, ENERGIE, 201)
    ).json() as AidApplicationDto;
    const pieces = (await ok(ref, 'GET', `/api/aid-applications/${draft.id}/pieces`)).json();
    expect(pieces.complete).toBe(false);
    expect(pieces.lines.map((l: { key: string }) => l.key)).toEqual(['identite', 'ressources', 'facture']);
    const checked = (await ok(ref, 'POST', `/api/aid-applications/${draft.id}/pieces/check`)).json();
    expect(checked.state).toBe('deposee_pieces_manquantes');
    expect((await inject(respB, 'GET', `/api/aid-applications/${draft.id}/pieces`)).statusCode).toBe(404);
    expect((await inject(resp, 'POST', `/api/aid-applications/${draft.id}/pieces/check`)).statusCode).toBe(404);
  });
});

describe('aid statistics', () => {
  it('moved to the statistics module (308), its aid indicators protected, never by worker; refused to a worker', async () => {
    const moved = await inject(resp, 'GET', '/api/statistics/aids?year=2026');
    expect(moved.statusCode).toBe(308);
    expect(moved.headers.location).toBe(
      '/api/statistics/table?indicator=aidesDemandes&from=2026-01&to=2026-12&groupBy=mois',
    );
    await refreshStatistics(t.db, t.clock.now());
    // Every count printed is 0, hidden ("< 5", "secret"), or at least the threshold: 2 maintien, 2 énergie and
    // 2 allocations exceptionnelles of one site never show as such.
    for (const indicator of ['aidesDemandes', 'aidesDecisions', 'aidesIssues', 'aidesDelais'])
      for (const groupBy of ['mois', 'site']) {
        const url = `/api/statistics/table?indicator=${indicator}&from=2026-01&to=2026-12&groupBy=${groupBy}`;
        const r = (await ok(resp, 'GET', url)).json() as StatisticsTableDto;
        const p = r.table;
        if (p.status !== 'released') continue;
        const values = [...p.cells.flat(), ...p.rowTotals, ...p.colTotals, p.grandTotal];
        for (const v of values)
          expect(typeof v !== 'number' || v === 0 || v >= p.threshold, `${indicator}/${groupBy}: ${v}`).toBe(true);
        expect(
          values.some((v) => typeof v !== 'number'),
          `${indicator}/${groupBy} hides its small counts`,
        ).toBe(true);
        expect(JSON.stringify(r)).not.toMatch(/Agent /);
      }
    const csv = await ok(
      resp,
      'GET',
      '/api/statistics/table.csv?indicator=aidesIssues&from=2026-01&to=2026-12&groupBy=site',
    );
    expect(csv.body).toContain('Accord de 200 à 499 €');
    expect((await inject(ref, 'GET', '/api/statistics/aids?year=2026')).statusCode).toBe(404);
    expect((await inject(admin, 'GET', '/api/statistics/aids?year=2026')).statusCode).toBe(308);
    expect((await inject(admin, 'GET', '/api/statistics/aids?year=abc')).statusCode).toBe(400);
  });
});

describe('retention and access export (the descriptor)', () => {
  it('the export lists the file’s passages; anonymisation keeps the decisions without the letter; a purge deletes them', async () => {
    const { commissionModule } = await import('./index.js');
    const ctx = {
      db: t.db,
      actor: { id: '', role: 'dpo' as const, siteId: null, teamIds: [] },
      now: new Date(),
      requestId: 'test',
    };
    const part = await t.db.transaction().execute((trx) => commissionModule.accessExport(trx, ctx, fileId));
    expect(part?.items.map((row) => row.find((c) => c.label === 'Décision')?.value).sort()).toEqual([
      'Accord',
      'Accord',
      'Accord partiel',
      'Refus',
    ]);
    const lines = () =>
      t.db
        .selectFrom('commission_item')
        .select(['outcome', 'letter_document_id'])
        .where('case_file_id', '=', fileId)
        .execute();
    await t.db.transaction().execute((trx) => commissionModule.retention.anonymise(trx, fileId));
    expect((await lines()).map((l) => [l.outcome !== null, l.letter_document_id])).toEqual(Array(4).fill([true, null]));
    await t.db.transaction().execute((trx) => commissionModule.retention.purge(trx, fileId));
    expect(await lines()).toEqual([]);
  });
});
