import { cafFlux, syntheticPersons } from '../../modules/rsa-ep/flux/fixtures.js';
import { minimalUsager } from '../factories.js';
import { AID_APPLICATION, aidFixture } from './aids-fixture.js';
import { importFixture, importUpload } from './imports-fixture.js';

/**
 * How access-matrix.test.ts calls each route of the access spec (core/src/policy/access-spec.ts), and the fixtures
 * some calls consume, filled in by that file's `beforeAll`.
 */

/** Pending motivated accesses to files of site A (one per caller of the review case) and a référent's notification. */
export const breakGlassIds: string[] = [];
export const notification = { id: '' };
/** An access request recorded on a file of the référent (the DPO's export route). */
export const accessRequest = { id: '' };
export const ACCESS_REQUEST = { requester: 'personne', receivedOn: '2026-11-02', identityCheck: 'piece_presentee' };
/** A file of the référent with one share and one consent (partage routes). */
export interface Partage {
  fileId: string;
  shareId: string;
  consentId: string;
}
/** Visits on the reception list of site A, one per caller for each of the seen and record cases. */
export const accueilVisits: { seen: string[]; record: string[] } = { seen: [], record: [] };
/** One active opposition per caller of the lift case. */
export const restrictions: { fileId: string; id: string }[] = [];

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  route: string;
  url: (ctx: {
    fileId: string;
    memberId: string;
    entryId: string;
    /** A contract of the file's principal person (RSA routes with `:contractId`). */
    contractId: string;
    partnerId: string;
    referentId: string;
    siteId: string;
    userId: string;
    teamId: string;
    share: Partage;
    /** A passage before the RSA EP of the fresh file (routes with `:passageId`). */
    passageId: string;
  }) => string;
  body?: (ctx: { referentId: string; siteId: string; teamId: string }) => unknown;
  /** A non-JSON body (multipart upload) with its content type. */
  raw?: () => { payload: Buffer; contentType: string };
}

/**
 * Fusion de dossiers: a duplicate of the référent's files per call of the merge route (each call consumes one: a merge
 * that succeeds absorbs it), and a merge per call of the undo route, filled in by `beforeAll`.
 */
export const mergeFixture: { duplicates: string[]; merges: string[] } = { duplicates: [], merges: [] };

/** Absences of the référent, one per caller of the withdrawal route, filled in by `beforeAll`. */
export const absenceFixture: string[] = [];
/** Far from the other fixtures' days: an absence never clashes with their appointments. */
export const ABSENCE = {
  kind: 'formation',
  startsAt: '2031-03-03T09:00:00+01:00',
  endsAt: '2031-03-03T17:00:00+01:00',
};
/** An RSA EP session of site A ahead of the clock (rsa-ep routes), filled in by `beforeAll`. */
export const rsaEpFixture = { sessionId: '' };
/** The CAF flux routes: site A and a flux staged there by its manager, filled in by `beforeAll`. */
export const rsaFluxFixture = { siteId: '', importId: '' };
let fluxCount = 0;
/** A multipart CAF flux for site A, different at each call (the same file twice is the same import). */
export function cafFluxUpload(): { payload: Buffer; contentType: string } {
  const b = 'jalonFluxBoundary';
  const xml = cafFlux(syntheticPersons(1, ++fluxCount));
  const payload = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="siteId"\r\n\r\n${rsaFluxFixture.siteId}\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="flux.xml"\r\nContent-Type: application/xml\r\n\r\n${xml}\r\n--${b}--\r\n`,
  );
  return { payload, contentType: `multipart/form-data; boundary=${b}` };
}

/** A document of the référent's fixture file (documents routes), filled in by `beforeAll`. */
export const documentFixture = { id: '' };
/** An appointment of the référent's fixture file (letters routes), filled in by `beforeAll`. */
export const appointmentFixture = { id: '' };

/**
 * Commissions (modules/commission): an open session and a closed one (one decision) of site A, an application left in
 * draft (the agenda and decision bodies), and per caller, in the order of the callers, a draft application on a file
 * of the référent the caller is related to (pièces routes), filled in by `beforeAll`.
 */
export const commissionFixture = {
  open: '',
  closed: '',
  /** An open city-level FSL session (the administration's). */
  ville: '',
  draft: '',
  piecesRead: [] as string[],
  piecesCheck: [] as string[],
};

/** A one-field-then-file multipart body holding a tiny PDF. */
export function pdfUpload(type = 'facture'): { payload: Buffer; contentType: string } {
  const b = 'jalonMatrixBoundary';
  const payload = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="type"\r\n\r\n${type}\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="piece.pdf"\r\nContent-Type: application/pdf\r\n\r\n` +
      `%PDF-1.4\n%%EOF\r\n--${b}--\r\n`,
  );
  return { payload, contentType: `multipart/form-data; boundary=${b}` };
}

/** An action of the RSA referential (admin routes), filled in by `beforeAll`. */
export const rsaFixture = { actionId: '' };
/** A valid RSA block and contract (modules/rsa). */
export const RSA_BLOCK = {
  etatdosrsa: '2',
  natpf: 'RSD',
  toppersdrodevorsa: true,
  rolepers: 'CJT',
  dateOuverture: '2026-09-01',
  numAllocataire: '1234567',
  sitpersdemrsa: '0107',
  ddSince: '2026-09-01',
};
export const RSA_CONTRACT = {
  kind: 'contrat_engagement',
  startOn: '2026-11-02',
  durationMonths: 6,
  weeklyHours: 15,
  actions: [],
};

export const BREAK_GLASS = {
  reason: 'remplacement',
  justification: 'Remplacement de la collègue absente cette semaine',
};
export const SHARE = {
  recipientOrganisation: 'CMP Paris 18e',
  legalGround: 'casf_l121_6_2',
  sections: ['identity'],
  sharedDate: '2026-11-20',
  personInformed: true,
};
export const CONSENT = { purpose: 'Demande de logement', recipient: 'Bailleur social', givenDate: '2026-10-01' };

/** How to call each route of the spec (its access expectations live in core/src/policy/access-spec.ts). */
const CASES: Case[] = [
  { method: 'GET', route: '/api/commissions', url: () => '/api/commissions' },
  {
    method: 'POST',
    route: '/api/commissions',
    url: () => '/api/commissions',
    body: (c) => ({ sessionDate: '2026-12-10', kind: 'ordinaire', siteId: c.siteId }),
  },
  { method: 'GET', route: '/api/commissions/:id', url: () => `/api/commissions/${commissionFixture.open}` },
  {
    method: 'POST',
    route: '/api/commissions/:id/agenda',
    url: () => `/api/commissions/${commissionFixture.open}/agenda`,
    body: () => ({ applicationIds: [commissionFixture.draft] }),
  },
  {
    method: 'POST',
    route: '/api/commissions#ville',
    url: () => '/api/commissions',
    body: () => ({ sessionDate: '2026-12-10', kind: 'ordinaire', level: 'ville' }),
  },
  {
    method: 'POST',
    route: '/api/commissions/:id/decisions#ville',
    url: () => `/api/commissions/${commissionFixture.ville}/decisions`,
    body: () => ({
      decisions: [{ applicationId: commissionFixture.draft, outcome: 'refus', reason: 'Hors critères' }],
    }),
  },
  {
    method: 'POST',
    route: '/api/commissions/:id/decisions',
    url: () => `/api/commissions/${commissionFixture.open}/decisions`,
    body: () => ({
      decisions: [{ applicationId: commissionFixture.draft, outcome: 'refus', reason: 'Hors critères' }],
    }),
  },
  {
    method: 'GET',
    route: '/api/commissions/:id/pv.pdf',
    url: () => `/api/commissions/${commissionFixture.closed}/pv.pdf`,
  },
  {
    method: 'GET',
    route: '/api/commissions/:id/letters.pdf',
    url: () => `/api/commissions/${commissionFixture.closed}/letters.pdf`,
  },
  {
    method: 'GET',
    route: '/api/commissions/:id/payments.csv',
    url: () => `/api/commissions/${commissionFixture.closed}/payments.csv`,
  },
  {
    method: 'GET',
    route: '/api/aid-applications/:id/pieces',
    url: () => `/api/aid-applications/${commissionFixture.piecesRead.shift() ?? ''}/pieces`,
  },
  {
    method: 'POST',
    route: '/api/aid-applications/:id/pieces/check',
    url: () => `/api/aid-applications/${commissionFixture.piecesCheck.shift() ?? ''}/pieces/check`,
  },
  { method: 'GET', route: '/api/statistics/aids', url: () => '/api/statistics/aids?year=2026' },
  { method: 'GET', route: '/api/usagers/:id', url: (c) => `/api/usagers/${c.fileId}` },
  {
    method: 'PATCH',
    route: '/api/usagers/:id',
    url: (c) => `/api/usagers/${c.fileId}`,
    body: () => ({ contact: { phone: '01 23 45 67 89' } }),
  },
  {
    method: 'PATCH',
    route: '/api/usagers/:id#situation',
    url: (c) => `/api/usagers/${c.fileId}`,
    body: () => ({ situation: { employmentStatus: '12' } }),
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/members',
    url: (c) => `/api/usagers/${c.fileId}/members`,
    body: () => ({
      person: { birthName: 'Enfant', firstNames: 'Lou', birthDate: '2020-02-02' },
      relationship: '3',
      startDate: '2020-02-02',
      reason: 'naissance',
    }),
  },
  {
    method: 'PATCH',
    route: '/api/usagers/:id/members/:memberId',
    url: (c) => `/api/usagers/${c.fileId}/members/${c.memberId}`,
    body: () => ({ endDate: '2026-01-01', reason: 'depart' }),
  },
  {
    method: 'PUT',
    route: '/api/usagers/:id/referents',
    url: (c) => `/api/usagers/${c.fileId}/referents`,
    body: (c) => ({ referentId: c.referentId, coReferentIds: [] }),
  },
  {
    method: 'GET',
    route: '/api/usagers/:id/consultations',
    url: (c) => `/api/usagers/${c.fileId}/consultations`,
  },
  {
    method: 'GET',
    route: '/api/usagers/search',
    url: () => `/api/usagers/search?q=dupont`,
  },
  { method: 'GET', route: '/api/usagers/mine', url: () => '/api/usagers/mine' },
  { method: 'GET', route: '/api/usagers/team', url: () => '/api/usagers/team' },
  {
    method: 'GET',
    route: '/api/usagers/duplicates',
    url: () => '/api/usagers/duplicates?birthName=Dupont&firstNames=Marie&birthDate=1980-02-03',
  },
  {
    method: 'POST',
    route: '/api/usagers',
    url: () => '/api/usagers',
    body: () => minimalUsager(),
  },
  { method: 'GET', route: '/api/site/teams', url: () => '/api/site/teams' },
  { method: 'GET', route: '/api/site/workers', url: () => '/api/site/workers' },
  { method: 'GET', route: '/api/admin/sites', url: () => '/api/admin/sites' },
  {
    method: 'POST',
    route: '/api/admin/sites',
    url: () => '/api/admin/sites',
    body: () => ({
      code: `s-${Math.random().toString(36).slice(2, 8)}`,
      name: 'EPS Test',
      kind: 'EPS',
      arrondissements: [11],
    }),
  },
  {
    method: 'PATCH',
    route: '/api/admin/sites/:id',
    url: (c) => `/api/admin/sites/${c.siteId}`,
    body: () => ({ name: 'EPS renommé' }),
  },
  { method: 'GET', route: '/api/admin/teams', url: () => '/api/admin/teams' },
  {
    method: 'POST',
    route: '/api/admin/teams',
    url: () => '/api/admin/teams',
    body: (c) => ({ siteId: c.siteId, name: `Équipe ${Math.random().toString(36).slice(2, 8)}` }),
  },
  {
    method: 'PATCH',
    route: '/api/admin/teams/:id',
    url: (c) => `/api/admin/teams/${c.teamId}`,
    body: () => ({ name: `Équipe ${Math.random().toString(36).slice(2, 8)}` }),
  },
  { method: 'GET', route: '/api/admin/users', url: () => '/api/admin/users' },
  {
    method: 'POST',
    route: '/api/admin/users',
    url: () => '/api/admin/users',
    body: (c) => ({
      email: `n-${Math.random().toString(36).slice(2, 8)}@test.jalon.local`,
      displayName: 'Nouvel agent',
      role: 'secretaire',
      siteId: c.siteId,
      password: 'un-mot-de-passe-long',
    }),
  },
  {
    method: 'PATCH',
    route: '/api/admin/users/:id',
    url: (c) => `/api/admin/users/${c.userId}`,
    body: () => ({ displayName: 'Agent renommé' }),
  },
  { method: 'GET', route: '/api/admin/parameters', url: () => '/api/admin/parameters' },
  {
    method: 'POST',
    route: '/api/usagers/:id/documents',
    url: (c) => `/api/usagers/${c.fileId}/documents`,
    raw: () => pdfUpload(),
  },
  { method: 'GET', route: '/api/usagers/:id/documents', url: (c) => `/api/usagers/${c.fileId}/documents` },
  { method: 'GET', route: '/api/documents/:id/content', url: () => `/api/documents/${documentFixture.id}/content` },
  {
    method: 'POST',
    route: '/api/usagers/:id/merge',
    url: (c) => `/api/usagers/${c.fileId}/merge`,
    body: () => ({ duplicateId: mergeFixture.duplicates.shift() ?? '', reason: 'Doublon créé à l’accueil' }),
  },
  {
    method: 'POST',
    route: '/api/file-merges/:id/undo',
    url: () => `/api/file-merges/${mergeFixture.merges.shift() ?? ''}/undo`,
  },
  { method: 'GET', route: '/api/usagers/:id/merges', url: (c) => `/api/usagers/${c.fileId}/merges` },
  { method: 'GET', route: '/api/admin/jobs', url: () => '/api/admin/jobs' },
  { method: 'GET', route: '/api/admin/letter-templates', url: () => '/api/admin/letter-templates' },
  {
    method: 'POST',
    route: '/api/admin/letter-templates',
    url: () => '/api/admin/letter-templates',
    body: () => ({ code: 'attestation_suivi', title: 'Attestation de suivi', text: 'Suivi de {{usager.nom}}' }),
  },
  {
    method: 'GET',
    route: '/api/appointments/:entryId/convocation.pdf',
    url: () => `/api/appointments/${appointmentFixture.id}/convocation.pdf`,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/letters',
    url: (c) => `/api/usagers/${c.fileId}/letters`,
    body: () => ({ templateCode: 'attestation_suivi' }),
  },
  { method: 'GET', route: '/api/site/convocations.pdf', url: () => '/api/site/convocations.pdf?date=2026-12-07' },
  {
    method: 'POST',
    route: '/api/admin/parameters',
    url: () => '/api/admin/parameters',
    body: () => ({ name: 'statistics.primaryThreshold', value: 6, validFrom: '2099-01-01' }),
  },
  {
    method: 'GET',
    route: '/api/usagers/:id/journal',
    url: (c) => `/api/usagers/${c.fileId}/journal`,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/journal',
    url: (c) => `/api/usagers/${c.fileId}/journal`,
    body: () => ({ type: 'appel_entrant', occurredAt: new Date().toISOString() }),
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/journal#accueil',
    url: (c) => `/api/usagers/${c.fileId}/journal`,
    body: () => ({ type: 'accueil', occurredAt: new Date().toISOString() }),
  },
  {
    method: 'PATCH',
    route: '/api/usagers/:id/journal/:entryId',
    url: (c) => `/api/usagers/${c.fileId}/journal/${c.entryId}`,
    body: () => ({ version: 0, durationMinutes: 20 }),
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/journal/:entryId/delete',
    url: (c) => `/api/usagers/${c.fileId}/journal/${c.entryId}/delete`,
    body: () => ({ reason: 'Erreur de saisie' }),
  },
  {
    method: 'PUT',
    route: '/api/usagers/:id/journal/:entryId/status',
    url: (c) => `/api/usagers/${c.fileId}/journal/${c.entryId}/status`,
    // The appointment is tomorrow: cancelling is the transition the workflow allows.
    body: () => ({ status: 'annule' }),
  },
  {
    method: 'GET',
    route: '/api/agenda',
    url: () => '/api/agenda?from=2026-11-01&to=2026-11-30',
  },
  { method: 'GET', route: '/api/todo', url: () => '/api/todo' },
  { method: 'GET', route: '/api/agenda/load', url: () => '/api/agenda/load?from=2026-11-01&to=2026-11-30' },
  { method: 'GET', route: '/api/motifs', url: () => '/api/motifs' },
  { method: 'GET', route: '/api/partners', url: () => '/api/partners' },
  {
    method: 'POST',
    route: '/api/admin/motifs',
    url: () => '/api/admin/motifs',
    body: () => ({ code: `m_${Math.random().toString(36).slice(2, 8)}`, label: 'Motif test' }),
  },
  {
    method: 'PATCH',
    route: '/api/admin/motifs/:code',
    url: () => '/api/admin/motifs/budget',
    body: () => ({ label: 'Budget, dettes' }),
  },
  {
    method: 'POST',
    route: '/api/admin/partners',
    url: () => '/api/admin/partners',
    body: () => ({ name: 'Association test', kind: 'Association' }),
  },
  {
    method: 'PATCH',
    route: '/api/admin/partners/:id',
    url: (c) => `/api/admin/partners/${c.partnerId}`,
    body: () => ({ phone: '01 00 00 00 00' }),
  },
  {
    method: 'GET',
    route: '/api/dpo/audit-events',
    url: () => '/api/dpo/audit-events?purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9',
  },
  {
    method: 'GET',
    route: '/api/dpo/access-events',
    url: (c) => `/api/dpo/access-events?purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9&userId=${c.referentId}`,
  },
  // Statistics (docs/api.md, Statistics): workers (their team), responsables (their site), the admin (all sites); never secretaries or the DPO.
  ...(
    [
      '/api/statistics/scope',
      '/api/statistics/table',
      '/api/statistics/table.csv',
      '/api/statistics/waiting-time',
    ] as const
  ).map((route): Case => ({
    method: 'GET',
    route,
    url: () => (route.includes('table') ? `${route}?indicator=sexe` : route),
  })),
  { method: 'GET', route: '/api/statistics/teams', url: () => '/api/statistics/teams' },
  {
    method: 'GET',
    route: '/api/statistics/my-activity',
    url: () => '/api/statistics/my-activity',
  },
  {
    method: 'GET',
    route: '/api/statistics/report.pdf',
    url: (c) => `/api/statistics/report.pdf?siteId=${c.siteId}&year=2026`,
  },
  { method: 'GET', route: '/api/dpo/accounts', url: () => '/api/dpo/accounts' },
  { method: 'GET', route: '/api/admin/registre', url: () => '/api/admin/registre?format=md' },
  // Sensitive sections (docs/api.md, Sensitive sections): the need-to-know of the full part, everyone else 404. Each case gets a fresh file,
  // so the section is still closed when read (200, `open: false`) or written (409 `section_closed`).
  { method: 'GET', route: '/api/usagers/:id/sections', url: (c) => `/api/usagers/${c.fileId}/sections` },
  {
    method: 'POST',
    route: '/api/usagers/:id/sections/:section/open',
    url: (c) => `/api/usagers/${c.fileId}/sections/sante/open`,
    body: () => ({ reasonCode: 'acces_droits', reasonText: 'Demande de complémentaire santé solidaire' }),
  },
  { method: 'GET', route: '/api/usagers/:id/sections/:section', url: (c) => `/api/usagers/${c.fileId}/sections/sante` },
  {
    method: 'PUT',
    route: '/api/usagers/:id/sections/:section',
    url: (c) => `/api/usagers/${c.fileId}/sections/sante`,
    body: () => ({ version: 0, data: { healthCoverage: 'ame' } }),
  },
  // RSA EP (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"): a fresh passage at the fixture session.
  { method: 'GET', route: '/api/usagers/:id/rsa/ep', url: (c) => `/api/usagers/${c.fileId}/rsa/ep` },
  {
    method: 'POST',
    route: '/api/usagers/:id/rsa/ep',
    url: (c) => `/api/usagers/${c.fileId}/rsa/ep`,
    body: () => ({ sessionId: rsaEpFixture.sessionId, motif: 'reorientation', facts: 'Orientation à revoir' }),
  },
  ...(
    [
      ['observations', { text: 'Observations de la personne' }],
      ['avis', { avis: 'sanction' }],
      ['decision', { outcome: 'pas_de_sanction' }],
      ['withdraw', {}],
      ['remobilisation', {}],
      ['notification', {}],
    ] as const
  ).map(([verb, payload]) => ({
    method: 'POST' as const,
    route: `/api/usagers/:id/rsa/ep/:passageId/${verb}`,
    url: (c: { fileId: string; passageId: string }) => `/api/usagers/${c.fileId}/rsa/ep/${c.passageId}/${verb}`,
    body: () => payload,
  })),
  { method: 'GET', route: '/api/rsa/ep/sessions', url: () => '/api/rsa/ep/sessions' },
  {
    method: 'POST',
    route: '/api/rsa/ep/sessions',
    url: () => '/api/rsa/ep/sessions',
    body: () => ({ date: '2099-01-15', members: [{ organisation: 'Ville de Paris', name: 'Membre' }] }),
  },
  {
    method: 'GET',
    route: '/api/rsa/ep/sessions/:sessionId',
    url: () => `/api/rsa/ep/sessions/${rsaEpFixture.sessionId}`,
  },
  { method: 'GET', route: '/api/rsa/ep/tasks', url: () => '/api/rsa/ep/tasks' },
  { method: 'POST', route: '/api/rsa/flux', url: () => '/api/rsa/flux', raw: cafFluxUpload },
  {
    method: 'GET',
    route: '/api/rsa/flux/:importId',
    url: () => `/api/rsa/flux/${rsaFluxFixture.importId}`,
  },
  // Imports (docs/api.md, "Imports"): a fresh file per upload; a fresh analysed import per mapping and commit call.
  { method: 'POST', route: '/api/imports', url: () => '/api/imports', raw: () => importUpload() },
  { method: 'GET', route: '/api/imports', url: () => '/api/imports' },
  { method: 'GET', route: '/api/imports/profiles', url: () => '/api/imports/profiles' },
  { method: 'GET', route: '/api/imports/:id', url: () => `/api/imports/${importFixture.id}` },
  {
    method: 'PUT',
    route: '/api/imports/:id/mapping',
    url: () => `/api/imports/${importFixture.forMapping.shift() ?? ''}/mapping`,
    body: () => ({ codes: { sex: { X: 'F' } } }),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/commit',
    url: () => `/api/imports/${importFixture.forCommit.shift() ?? ''}/commit`,
    body: () => ({ confirmMerges: [] }),
  },
  { method: 'GET', route: '/api/imports/:id/report.csv', url: () => `/api/imports/${importFixture.id}/report.csv` },
  // Genogram (docs/api.md, Génogramme): a fresh file has none; the référent draws it at version 0.
  // RSA (modules/rsa): the member is the household's second person; the contract is the principal person's.
  { method: 'GET', route: '/api/usagers/:id/rsa', url: (c) => `/api/usagers/${c.fileId}/rsa` },
  {
    method: 'PUT',
    route: '/api/usagers/:id/rsa/members/:memberId',
    url: (c) => `/api/usagers/${c.fileId}/rsa/members/${c.memberId}`,
    body: () => RSA_BLOCK,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/rsa/members/:memberId/orientation',
    url: (c) => `/api/usagers/${c.fileId}/rsa/members/${c.memberId}/orientation`,
    body: () => ({ to: 'demandee', requestedOn: '2026-11-02' }),
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/rsa/members/:memberId/referents',
    url: (c) => `/api/usagers/${c.fileId}/rsa/members/${c.memberId}/referents`,
    body: () => ({ kind: 'france_travail', partnerName: 'Agence Paris 18', startOn: '2026-11-02' }),
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/rsa/members/:memberId/contracts',
    url: (c) => `/api/usagers/${c.fileId}/rsa/members/${c.memberId}/contracts`,
    body: () => RSA_CONTRACT,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/rsa/contracts/:contractId/sign',
    url: (c) => `/api/usagers/${c.fileId}/rsa/contracts/${c.contractId}/sign`,
    body: () => ({ signedOn: '2026-11-03' }),
  },
  {
    method: 'PUT',
    route: '/api/usagers/:id/rsa/contracts/:contractId/plan',
    url: (c) => `/api/usagers/${c.fileId}/rsa/contracts/${c.contractId}/plan`,
    body: () => ({ actions: [] }),
  },
  {
    method: 'GET',
    route: '/api/usagers/:id/rsa/contracts/:contractId/contract.pdf',
    url: (c) => `/api/usagers/${c.fileId}/rsa/contracts/${c.contractId}/contract.pdf`,
  },
  { method: 'GET', route: '/api/rsa/actions', url: () => '/api/rsa/actions' },
  { method: 'GET', route: '/api/rsa/tasks', url: () => '/api/rsa/tasks?scope=team' },
  { method: 'GET', route: '/api/statistics/oarsa.csv', url: () => '/api/statistics/oarsa.csv?year=2026' },
  { method: 'GET', route: '/api/admin/rsa/actions', url: () => '/api/admin/rsa/actions' },
  {
    method: 'POST',
    route: '/api/admin/rsa/actions',
    url: () => '/api/admin/rsa/actions',
    body: () => ({ theme: 'Mobilité', objective: 'Se déplacer', label: 'Permis de conduire' }),
  },
  {
    method: 'PUT',
    route: '/api/admin/rsa/actions/:actionId',
    url: () => `/api/admin/rsa/actions/${rsaFixture.actionId}`,
    body: () => ({ theme: 'Mobilité', objective: 'Se déplacer', label: 'Aide au permis de conduire' }),
  },
  { method: 'GET', route: '/api/usagers/:id/genogram', url: (c) => `/api/usagers/${c.fileId}/genogram` },
  { method: 'GET', route: '/api/usagers/:id/genogram.svg', url: (c) => `/api/usagers/${c.fileId}/genogram.svg` },
  {
    method: 'PUT',
    route: '/api/usagers/:id/genogram',
    url: (c) => `/api/usagers/${c.fileId}/genogram`,
    body: () => ({ version: 0, data: { persons: [{ id: 'a', sex: 'female', index: true }] } }),
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/genogram/relations/open',
    url: (c) => `/api/usagers/${c.fileId}/genogram/relations/open`,
    body: () => ({ reasonCode: 'evaluation', reasonText: 'Évaluation de la situation familiale' }),
  },
  {
    method: 'PUT',
    route: '/api/admin/sites/:id/profile',
    url: (c) => `/api/admin/sites/${c.siteId}/profile`,
    body: () => ({ profile: 'etendu' }),
  },
  // Second factor (docs/security.md, Authentification). The admin and the DPO are enrolled (mandatory); the others are not.
  {
    method: 'POST',
    route: '/api/auth/totp/enrolment',
    url: () => '/api/auth/totp/enrolment',
  },
  {
    method: 'POST',
    route: '/api/auth/totp/confirm',
    url: () => '/api/auth/totp/confirm',
    body: () => ({ code: '12345a' }),
  },
  {
    method: 'POST',
    route: '/api/auth/totp/disable',
    url: () => '/api/auth/totp/disable',
    body: () => ({ password: 'pas-le-mot-de-passe' }),
  },
  {
    method: 'POST',
    route: '/api/admin/users/:id/totp/reset',
    url: (c) => `/api/admin/users/${c.userId}/totp/reset`,
  },
  // Motivated access (docs/api.md): workers and responsables outside the full part; the review queue for the site's responsable and the DPO.
  {
    method: 'POST',
    route: '/api/usagers/:id/break-glass',
    url: (c) => `/api/usagers/${c.fileId}/break-glass`,
    body: () => BREAK_GLASS,
  },
  { method: 'GET', route: '/api/break-glass', url: () => '/api/break-glass?status=pending' },
  {
    // Each caller reviews a fresh grant (to a file of site A), so a first review does not turn the next into 409.
    method: 'POST',
    route: '/api/break-glass/:id/review',
    url: () => `/api/break-glass/${breakGlassIds.shift() ?? ''}/review`,
    body: () => ({ comment: 'Motif vérifié avec l’agent' }),
  },
  { method: 'GET', route: '/api/notifications', url: () => '/api/notifications' },
  { method: 'POST', route: '/api/notifications/:id/read', url: () => `/api/notifications/${notification.id}/read` },
  // Right of access (RGPD art. 15): the référent's print, the recorded requests, the DPO's whole-file export.
  {
    method: 'GET',
    route: '/api/usagers/:id/access-export',
    url: (c) => `/api/usagers/${c.fileId}/access-export?format=json`,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/access-requests',
    url: (c) => `/api/usagers/${c.fileId}/access-requests`,
    body: () => ACCESS_REQUEST,
  },
  { method: 'GET', route: '/api/dpo/access-requests', url: () => '/api/dpo/access-requests?status=all' },
  {
    method: 'GET',
    route: '/api/dpo/access-requests/:id/export',
    url: () => `/api/dpo/access-requests/${accessRequest.id}/export?format=json`,
  },
  // OpenID Connect: not configured in this app (configured: auth/oidc.test.ts), so the flow is 404 for everyone.
  { method: 'GET', route: '/api/auth/oidc', url: () => '/api/auth/oidc' },
  // Partage and consents (docs/api.md, Partage and consents): the file's need-to-know only; the secretary, the other team and other sites get 404.
  { method: 'GET', route: '/api/usagers/:id/shares', url: (c) => `/api/usagers/${c.fileId}/shares` },
  {
    method: 'POST',
    route: '/api/usagers/:id/shares',
    url: (c) => `/api/usagers/${c.fileId}/shares`,
    body: () => SHARE,
  },
  {
    method: 'GET',
    route: '/api/usagers/:id/shares/:shareId/extract.pdf',
    url: (c) => `/api/usagers/${c.share.fileId}/shares/${c.share.shareId}/extract.pdf`,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/consents',
    url: (c) => `/api/usagers/${c.fileId}/consents`,
    body: () => CONSENT,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/consents/:consentId/withdraw',
    url: (c) => `/api/usagers/${c.share.fileId}/consents/${c.share.consentId}/withdraw`,
    body: () => ({ withdrawnDate: '2026-11-01' }),
  },
  // Retention (docs/adr/005-retention-anonymisation.md): the worker's own upcoming list; the référent's hold; the DPO's reports; archive reads (the
  // matrix file is active, so 404 for everyone: the DPO's read of an archived file is in modules/retention).
  {
    method: 'GET',
    route: '/api/retention/upcoming',
    url: () => '/api/retention/upcoming',
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/retention',
    url: (c) => `/api/usagers/${c.fileId}/retention`,
    body: () => ({
      kind: 'prolongation',
      untilDate: '2027-06-30',
      reason: 'procedure_en_cours',
      note: 'Recours en cours',
    }),
  },
  { method: 'GET', route: '/api/retention/runs', url: () => '/api/retention/runs' },
  {
    method: 'POST',
    route: '/api/retention/archive/:id/read',
    url: (c) => `/api/retention/archive/${c.fileId}/read`,
    body: () => ({ reason: 'preuve', note: 'Vérification' }),
  },
  { method: 'GET', route: '/api/auth/oidc/start', url: () => '/api/auth/oidc/start' },
  { method: 'GET', route: '/api/auth/oidc/callback', url: () => '/api/auth/oidc/callback?code=abc&state=def' },
  // The usager's rights (docs/api.md, Rectification history, limitation and opposition): history for the full part's need-to-know; flags recorded and lifted by the référent.
  { method: 'GET', route: '/api/usagers/:id/history', url: (c) => `/api/usagers/${c.fileId}/history` },
  { method: 'GET', route: '/api/usagers/:id/restrictions', url: (c) => `/api/usagers/${c.fileId}/restrictions` },
  {
    method: 'POST',
    route: '/api/usagers/:id/restrictions',
    url: (c) => `/api/usagers/${c.fileId}/restrictions`,
    body: () => ({ kind: 'opposition', startDate: '2026-11-01', reason: 'Refus des statistiques' }),
  },
  {
    // Each caller gets its own active opposition on a file of the référent, so a first lift does not turn the next into 409.
    method: 'POST',
    route: '/api/usagers/:id/restrictions/:restrictionId/lift',
    url: () => {
      const r = restrictions.shift();
      return `/api/usagers/${r?.fileId ?? ''}/restrictions/${r?.id ?? ''}/lift`;
    },
    body: () => ({ endDate: '2026-11-20' }),
  },
  // Budget and aid applications (modules/aids): fixtures in access-matrix/aids-fixture.ts.
  { method: 'GET', route: '/api/usagers/:id/budget', url: (c) => `/api/usagers/${c.fileId}/budget` },
  {
    method: 'PUT',
    route: '/api/usagers/:id/budget',
    url: (c) => `/api/usagers/${c.fileId}/budget`,
    body: () => ({ version: 0, resources: [{ type: 'rsa', monthlyCents: 60_000 }], charges: [], debts: [] }),
  },
  {
    method: 'GET',
    route: '/api/usagers/:id/aid-applications',
    url: (c) => `/api/usagers/${c.fileId}/aid-applications`,
  },
  {
    method: 'POST',
    route: '/api/usagers/:id/aid-applications',
    url: (c) => `/api/usagers/${c.fileId}/aid-applications`,
    body: () => AID_APPLICATION,
  },
  { method: 'GET', route: '/api/aids/late-repayments', url: () => '/api/aids/late-repayments' },
  { method: 'GET', route: '/api/aid-applications/:id', url: () => `/api/aid-applications/${aidFixture.id}` },
  {
    method: 'GET',
    route: '/api/aid-applications/:id/eligibility',
    url: () => `/api/aid-applications/${aidFixture.id}/eligibility`,
  },
  {
    // Each caller files its own draft, so a first filing does not turn the next into 422.
    method: 'POST',
    route: '/api/aid-applications/:id/transitions',
    url: () => `/api/aid-applications/${aidFixture.drafts.shift() ?? ''}/transitions`,
    body: () => ({ to: 'deposee_complete' }),
  },
  {
    method: 'PUT',
    route: '/api/aid-applications/:id/facts',
    url: () => `/api/aid-applications/${aidFixture.id}/facts`,
    body: () => ({ parisResidenceMonths: 40 }),
  },
  {
    method: 'POST',
    route: '/api/aid-applications/:id/repayments',
    url: () => `/api/aid-applications/${aidFixture.loanId}/repayments`,
    body: () => ({ paidOn: '2026-12-01', amountCents: 100 }),
  },
  { method: 'GET', route: '/api/accueil', url: () => '/api/accueil' },
  {
    method: 'POST',
    route: '/api/usagers/:id/accueil',
    url: (c) => `/api/usagers/${c.fileId}/accueil`,
    body: () => ({ motifs: [] }),
  },
  {
    method: 'POST',
    route: '/api/accueil/:visitId/seen',
    url: () => `/api/accueil/${accueilVisits.seen.shift() ?? ''}/seen`,
    body: (c) => ({ workerId: c.referentId }),
  },
  {
    // Recording twice returns the first entry (200): each caller records its own visit.
    method: 'POST',
    route: '/api/accueil/:visitId/record',
    url: () => `/api/accueil/${accueilVisits.record.shift() ?? ''}/record`,
  },
  // Absences (docs/api.md, "Absences"): declared for the référent, a worker of site A.
  { method: 'GET', route: '/api/absences', url: () => '/api/absences?from=2031-03-01&to=2031-03-31' },
  {
    method: 'POST',
    route: '/api/absences',
    url: () => '/api/absences',
    body: (c) => ({ ...ABSENCE, workerId: c.referentId }),
  },
  {
    method: 'POST',
    route: '/api/absences/:absenceId/delete',
    url: () => `/api/absences/${absenceFixture.shift() ?? ''}/delete`,
  },
];

export const RECIPES = new Map(CASES.map((c) => [`${c.method} ${c.route}`, c]));
