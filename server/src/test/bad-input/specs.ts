import { randomUUID } from 'node:crypto';
import { minimalUsager } from '../factories.js';
import { t, users, type Spec } from './harness.js';

/** Each API route as `METHOD /url`, with who may call it and a body it accepts (see `Spec`). */
export const SPECS: Record<string, Spec> = {
  'GET /api/health': { who: 'anon' },
  'GET /api/setup': { who: 'anon' },
  'POST /api/setup': {
    who: 'anon',
    baseline: 409,
    body: () => ({ email: 'deuxieme.admin@test.jalon.local', displayName: 'Admin', password: 'un-mot-de-passe-long' }),
  },
  'POST /api/auth/login': {
    who: 'anon',
    baseline: 401,
    businessLeaves: { password: 401 },
    body: () => ({ email: 'personne@test.jalon.local', password: 'mauvais-mot-de-passe' }),
  },
  'POST /api/auth/logout': { who: 'ts' },
  'GET /api/auth/me': { who: 'ts' },
  'POST /api/auth/password': {
    who: 'ts',
    baseline: 422,
    businessLeaves: { currentPassword: 422 },
    body: () => ({ currentPassword: 'pas-le-mot-de-passe-actuel', newPassword: 'un-nouveau-mot-de-passe' }),
  },
  'GET /api/usagers/search': { who: 'ts' },
  'GET /api/usagers/duplicates': { who: 'ts', query: '?birthName=Dupont&firstNames=Marie&birthDate=1980-02-03' },
  'GET /api/usagers/mine': { who: 'ts' },
  'GET /api/usagers/team': { who: 'ts' },
  'POST /api/usagers': {
    who: 'ts',
    body: (i) => ({
      ...minimalUsager(),
      usedName: 'Martin',
      sex: 'F',
      birthPlace: 'Lyon',
      phone: '01 23 45 67 89',
      email: 'camille@example.fr',
      addressLine: '3 rue de la Paix',
      postalCode: '75018',
      city: 'Paris',
      domiciliation: false,
      cafNumber: '1234567',
      nationality: 'F',
      employmentStatus: '12',
      housingStatus: 'NR',
      teamId: i.team,
      // Every call is the same Camille Martin born the same day: a likely duplicate, created on confirmation.
      confirmDuplicate: true,
    }),
  },
  'GET /api/usagers/:id': { who: 'ts' },
  'PATCH /api/usagers/:id': {
    who: 'ts',
    body: () => ({
      identity: { birthName: 'Dupont', firstNames: 'Camille', birthDate: '1985-04-12', sex: 'M' },
      contact: { phone: '0102030405', domiciliation: true, city: 'Paris' },
      identifiers: { franceTravailId: 'AB12345' },
      situation: { maritalStatus: 'NR' },
      household: { familyType: 'NR' },
    }),
  },
  'POST /api/usagers/:id/members': {
    who: 'ts',
    body: () => ({
      person: { birthName: 'Enfant', firstNames: 'Lou', birthDate: '2020-02-02', sex: 'F' },
      relationship: '3',
      startDate: '2020-02-02',
      reason: 'naissance',
    }),
  },
  'PATCH /api/usagers/:id/members/:memberId': { who: 'ts', body: () => ({ endDate: '2026-01-01', reason: 'depart' }) },
  'PUT /api/usagers/:id/referents': {
    who: 'ts',
    body: () => ({ referentId: users.ts.id, coReferentIds: [users.ts2.id] }),
  },
  'GET /api/usagers/:id/consultations': { who: 'ts' },
  'GET /api/site/teams': { who: 'ts' },
  'GET /api/site/workers': { who: 'ts' },
  'GET /api/admin/sites': { who: 'admin' },
  'POST /api/admin/sites': {
    who: 'admin',
    body: () => ({
      code: `s-${randomUUID().slice(0, 8)}`,
      name: 'EPS Nouveau',
      kind: 'EPS',
      arrondissements: [11, 12],
    }),
  },
  'PATCH /api/admin/sites/:id': {
    who: 'admin',
    body: () => ({ name: 'EPS renommé', kind: 'PSA', arrondissements: [18] }),
  },
  'GET /api/admin/teams': { who: 'admin' },
  'POST /api/admin/teams': {
    who: 'admin',
    body: (i) => ({ siteId: i.site, name: `Équipe ${randomUUID().slice(0, 8)}` }),
  },
  'PATCH /api/admin/teams/:id': { who: 'admin', body: () => ({ name: `Équipe ${randomUUID().slice(0, 8)}` }) },
  'GET /api/admin/users': { who: 'admin' },
  'POST /api/admin/users': {
    who: 'admin',
    body: (i) => ({
      email: `n-${randomUUID().slice(0, 8)}@test.jalon.local`,
      displayName: 'Nouvel agent',
      role: 'secretaire',
      siteId: i.site,
      teamIds: [i.team],
      password: 'un-mot-de-passe-long',
    }),
  },
  'PATCH /api/admin/users/:id': {
    who: 'admin',
    body: (i) => ({ displayName: 'Agent renommé', teamIds: [i.team], active: true }),
  },
  'GET /api/statistics/scope': { who: 'ts' },
  'GET /api/statistics/table': { who: 'ts', query: '?indicator=sexe' },
  'GET /api/statistics/table.csv': { who: 'ts', query: '?indicator=entreesParType' },
  'GET /api/statistics/waiting-time': { who: 'ts' },
  'GET /api/statistics/teams': { who: 'admin' },
  'GET /api/statistics/my-activity': { who: 'ts' },
  'GET /api/statistics/report.pdf': { who: 'admin', query: '?siteId=:site&year=2026' },
  'GET /api/dpo/audit-events': { who: 'dpo' },
  'GET /api/dpo/access-events': { who: 'dpo' },
  'GET /api/dpo/accounts': { who: 'dpo' },
  'GET /api/admin/registre': { who: 'admin', query: '?format=pdf' },
  // Sensitive sections: the baseline opens santé, then fills it at version 0 (routes run in registration order).
  // Genogram: the baseline draws it at version 0, then opens its relations (routes run in registration order).
  // RSA (modules/rsa): the member is the household's second person; the contract is the principal person's.
  'GET /api/usagers/:id/rsa': { who: 'ts' },
  'PUT /api/usagers/:id/rsa/members/:memberId': {
    who: 'ts',
    body: () => ({
      etatdosrsa: '2',
      natpf: 'RSD',
      toppersdrodevorsa: true,
      rolepers: 'CJT',
      dateOuverture: '2026-09-01',
      numAllocataire: '1234567',
      sitpersdemrsa: '0107',
      ddSince: '2026-09-01',
    }),
  },
  'POST /api/usagers/:id/rsa/members/:memberId/referents': {
    who: 'ts',
    body: () => ({
      kind: 'france_travail',
      partnerName: 'Agence Paris 18',
      organisme: 'Paris 18',
      startOn: '2026-11-02',
    }),
  },
  // The baseline block above makes the person soumis aux droits et devoirs: the request is accepted.
  'POST /api/usagers/:id/rsa/members/:memberId/orientation': {
    who: 'ts',
    baseline: 200,
    body: () => ({ to: 'demandee', requestedOn: '2026-11-02', reason: 'Entrée dans les droits et devoirs' }),
  },
  'POST /api/usagers/:id/rsa/members/:memberId/contracts': {
    who: 'ts',
    body: () => ({
      kind: 'contrat_engagement',
      startOn: '2026-11-02',
      durationMonths: 6,
      weeklyHours: 10,
      hoursReason: 'sante',
      hoursReasonText: 'Soins en cours',
      signedOn: '2026-11-02',
      actions: [],
    }),
  },
  'POST /api/usagers/:id/rsa/contracts/:contractId/sign': {
    who: 'ts',
    baseline: 200,
    body: () => ({ signedOn: '2026-11-03' }),
  },
  'PUT /api/usagers/:id/rsa/contracts/:contractId/plan': { who: 'ts', body: () => ({ actions: [] }) },
  'GET /api/usagers/:id/rsa/contracts/:contractId/contract.pdf': { who: 'ts' },
  'GET /api/rsa/actions': { who: 'ts' },
  'GET /api/rsa/tasks': { who: 'ts', query: '?scope=team' },
  'GET /api/statistics/oarsa.csv': { who: 'resp', query: '?year=2026' },
  'GET /api/admin/rsa/actions': { who: 'admin' },
  'POST /api/admin/rsa/actions': {
    who: 'admin',
    body: () => ({ theme: 'Mobilité', objective: 'Se déplacer', label: 'Permis de conduire', active: true }),
  },
  'PUT /api/admin/rsa/actions/:actionId': {
    who: 'admin',
    body: () => ({ theme: 'Mobilité', objective: 'Se déplacer', label: 'Aide au permis de conduire', active: true }),
  },
  // RSA EP (docs/api.md): the harness's passage is a réorientation inscribed at a session ahead of the clock, so the
  // avis and the decision wait (422), nothing is decided to notify or remobilise (409); it is withdrawn last.
  'GET /api/rsa/ep/sessions': { who: 'ts' },
  'POST /api/rsa/ep/sessions': {
    who: 'resp',
    body: () => ({
      date: '2099-01-15',
      place: 'Salle du conseil',
      members: [{ organisation: 'France Travail', name: 'Conseiller' }],
      representatives: [{ name: 'Représentant des allocataires' }],
    }),
  },
  'GET /api/rsa/ep/sessions/:sessionId': { who: 'ts' },
  'GET /api/rsa/ep/tasks': { who: 'ts' },
  'GET /api/usagers/:id/rsa/ep': { who: 'ts' },
  'POST /api/usagers/:id/rsa/ep': {
    who: 'ts',
    body: (i) => ({ sessionId: i.sessionId, motif: 'manquement', facts: 'Absences aux rendez-vous' }),
  },
  'POST /api/usagers/:id/rsa/ep/:passageId/observations': {
    who: 'ts',
    baseline: 200,
    body: () => ({ text: 'La personne explique ses absences' }),
  },
  'POST /api/usagers/:id/rsa/ep/:passageId/avis': {
    who: 'resp',
    baseline: 422,
    body: () => ({ avis: 'reorientation', text: 'Avis favorable' }),
  },
  'POST /api/usagers/:id/rsa/ep/:passageId/decision': {
    who: 'resp',
    baseline: 422,
    body: () => ({ outcome: 'maintien', reason: 'Motivation' }),
  },
  'POST /api/usagers/:id/rsa/ep/:passageId/withdraw': { who: 'ts', baseline: 200, body: () => ({ reason: 'Retrait' }) },
  'POST /api/usagers/:id/rsa/ep/:passageId/remobilisation': { who: 'ts', baseline: 409, body: () => ({}) },
  'POST /api/usagers/:id/rsa/ep/:passageId/notification': { who: 'ts', baseline: 409, body: () => ({}) },
  // Multipart, not JSON (modules/rsa-ep/flux/flux.test.ts covers the upload and its malformed files).
  'POST /api/rsa/flux': { who: 'resp' },
  'GET /api/rsa/flux/:importId': { who: 'resp' },
  'GET /api/usagers/:id/genogram': { who: 'ts', query: '?relations=1' },
  'GET /api/usagers/:id/genogram.svg': { who: 'ts' },
  'PUT /api/usagers/:id/genogram': {
    who: 'ts',
    baseline: 200,
    body: () => ({
      version: 0,
      data: {
        persons: [
          { id: 'a', sex: 'female', birthYear: 1980, index: true, label: 'Camille' },
          { id: 'b', sex: 'male', birthYear: 1978 },
          { id: 'c', sex: 'unknown', kind: 'pregnancy' },
        ],
        unions: [{ id: 'u', a: 'a', b: 'b', type: 'pacs', startYear: 2005, separationYear: 2010 }],
        filiations: [{ child: 'c', union: 'u', kind: 'biological' }],
        twins: [],
        households: [{ members: ['a', 'c'] }],
      },
    }),
  },
  'POST /api/usagers/:id/genogram/relations/open': {
    who: 'ts',
    body: () => ({ reasonCode: 'evaluation', reasonText: 'Évaluation de la situation familiale' }),
  },
  'GET /api/usagers/:id/sections': { who: 'ts' },
  'POST /api/usagers/:id/sections/:section/open': {
    who: 'ts',
    body: () => ({ reasonCode: 'acces_droits', reasonText: 'Demande de complémentaire santé solidaire' }),
  },
  'GET /api/usagers/:id/sections/:section': { who: 'ts' },
  'PUT /api/usagers/:id/sections/:section': {
    who: 'ts',
    baseline: 200,
    body: () => ({
      version: 0,
      data: {
        healthCoverage: 'puma_css',
        gp: { declared: true, name: 'Dr Martin' },
        disability: { recognised: true, startDate: '2024-01-01', endDate: '2029-01-01' },
      },
    }),
  },
  'PUT /api/admin/sites/:id/profile': { who: 'admin', body: () => ({ profile: 'etendu' }) },
  'GET /api/usagers/:id/journal': { who: 'ts' },
  'POST /api/usagers/:id/journal': {
    who: 'ts',
    body: () => ({
      type: 'entretien_bureau',
      occurredAt: '2026-11-20T10:00:00+01:00',
      durationMinutes: 45,
      place: 'bureau',
      motifs: ['logement'],
      note: 'Point sur les démarches de logement.',
      visibility: 'referents',
    }),
  },
  'PATCH /api/usagers/:id/journal/:entryId': {
    who: 'ts',
    baseline: 204,
    body: () => ({ version: 0, durationMinutes: 30, note: 'Rendez-vous confirmé.' }),
  },
  'POST /api/usagers/:id/journal/:entryId/delete': {
    who: 'ts',
    baseline: 204,
    body: () => ({ reason: 'Saisie en double' }),
  },
  'PUT /api/usagers/:id/journal/:entryId/status': { who: 'ts', baseline: 204, body: () => ({ status: 'honore' }) },
  'GET /api/agenda': { who: 'ts', query: '?from=2026-11-23&to=2026-11-30' },
  'GET /api/todo': { who: 'ts' },
  'GET /api/admin/parameters': { who: 'admin' },
  'POST /api/admin/parameters': {
    who: 'admin',
    baseline: 201,
    body: () => ({ name: 'statistics.primaryThreshold', value: 6, validFrom: '2099-01-01' }),
  },
  'GET /api/admin/jobs': { who: 'admin' },
  'GET /api/admin/letter-templates': { who: 'admin' },
  'POST /api/admin/letter-templates': {
    who: 'admin',
    baseline: 201,
    body: () => ({ code: 'attestation_suivi', title: 'Attestation de suivi', text: 'Suivi de {{usager.nom}}' }),
  },
  'GET /api/appointments/:entryId/convocation.pdf': { who: 'ts' },
  'POST /api/usagers/:id/letters': {
    who: 'ts',
    baseline: 201,
    body: (i) => ({ templateCode: 'convocation', entryId: i.entryId }),
  },
  'GET /api/site/convocations.pdf': { who: 'ts', query: '?date=2026-11-24' },
  // Multipart, not JSON: a JSON body is refused with 415 (modules/documents/documents.test.ts covers the upload).
  'POST /api/usagers/:id/documents': { who: 'ts' },
  'GET /api/usagers/:id/documents': { who: 'ts' },
  'GET /api/documents/:id/content': { who: 'ts' },
  // Imports: multipart upload (a JSON body is refused with 415; modules/imports/imports.test.ts covers the files);
  // `:id` is an import already committed: a well-formed mapping or commit is refused with 409.
  'POST /api/imports': { who: 'resp' },
  'GET /api/imports': { who: 'resp' },
  'GET /api/imports/profiles': { who: 'resp' },
  'GET /api/imports/:id': { who: 'resp' },
  'PUT /api/imports/:id/mapping': { who: 'resp', baseline: 409, body: () => ({ codes: { sex: { X: 'F' } } }) },
  'POST /api/imports/:id/commit': { who: 'resp', baseline: 409, body: () => ({ confirmMerges: [] }) },
  'GET /api/imports/:id/report.csv': { who: 'resp' },
  'GET /api/agenda/load': { who: 'resp', query: '?from=2026-11-23&to=2026-11-30' },
  // Fusion de dossiers: the file with itself is refused (422); `:id` of the undo is not a merge (404).
  'POST /api/usagers/:id/merge': {
    who: 'ts',
    baseline: 422,
    businessLeaves: { duplicateId: 404 },
    body: (i) => ({ duplicateId: i.file, reason: 'Doublon créé à l’accueil' }),
  },
  'POST /api/file-merges/:id/undo': { who: 'ts', baseline: 404 },
  'GET /api/usagers/:id/merges': { who: 'ts' },
  'GET /api/motifs': { who: 'ts' },
  'POST /api/admin/motifs': {
    who: 'admin',
    body: () => ({ code: `m_${randomUUID().slice(0, 8)}`, label: 'Motif de test', active: true }),
  },
  'PATCH /api/admin/motifs/:code': { who: 'admin', body: () => ({ label: 'Logement, hébergement', active: true }) },
  'GET /api/partners': { who: 'ts' },
  'POST /api/admin/partners': {
    who: 'admin',
    body: () => ({
      name: 'CCAS du 18e',
      kind: 'CCAS',
      address: '1 place Jules Joffrin',
      phone: '01 53 41 18 18',
      active: true,
    }),
  },
  'PATCH /api/admin/partners/:id': { who: 'admin', body: () => ({ name: 'CCAS du 18e arrondissement', active: true }) },
  // Second factor: `ts` has not started an enrolment (409 on confirm); `:id` of the reset is a user without a factor.
  'POST /api/auth/totp/enrolment': { who: 'ts' },
  'POST /api/auth/totp/confirm': { who: 'ts', baseline: 409, body: () => ({ code: '123456' }) },
  'POST /api/auth/totp/disable': {
    who: 'ts',
    baseline: 422,
    businessLeaves: { password: 422 },
    body: () => ({ password: 'pas-le-mot-de-passe' }),
  },
  'POST /api/admin/users/:id/totp/reset': { who: 'admin' },
  // OpenID Connect is not configured here: the flow answers 404 (configured, its bad input is in auth/oidc.test.ts).
  'GET /api/auth/oidc': { who: 'anon' },
  'GET /api/auth/oidc/start': { who: 'anon' },
  'GET /api/auth/oidc/callback': { who: 'anon' },
  // Partage and consents (docs/api.md, Partage and consents).
  'GET /api/usagers/:id/shares': { who: 'ts' },
  'POST /api/usagers/:id/shares': {
    who: 'ts',
    baseline: 201,
    body: () => ({
      recipientName: 'Mme Durand',
      recipientOrganisation: 'CMP Paris 18e',
      legalGround: 'casf_l121_6_2',
      sections: ['identity', 'situation'],
      sharedDate: '2026-11-20',
      personInformed: false,
      notInformedReason: 'Contraire à l’intérêt de l’enfant',
    }),
  },
  'GET /api/usagers/:id/shares/:shareId/extract.pdf': { who: 'ts' },
  'POST /api/usagers/:id/consents': {
    who: 'ts',
    baseline: 201,
    body: () => ({ purpose: 'Demande de logement', recipient: 'Bailleur social', givenDate: '2026-10-01' }),
  },
  'POST /api/usagers/:id/consents/:consentId/withdraw': {
    who: 'ts',
    baseline: 200,
    body: () => ({ withdrawnDate: '2026-11-01' }),
  },
  // Retention (docs/adr/005-retention-anonymisation.md). The archive read answers 404 on an active file: its bad input is still refused first.
  'GET /api/retention/upcoming': { who: 'ts' },
  'POST /api/usagers/:id/retention': {
    who: 'ts',
    baseline: 200,
    body: () => ({
      kind: 'prolongation',
      untilDate: '2027-06-30',
      reason: 'procedure_en_cours',
      note: 'Recours en cours',
    }),
  },
  'GET /api/retention/runs': { who: 'dpo' },
  'POST /api/retention/archive/:id/read': {
    who: 'dpo',
    baseline: 404,
    body: () => ({ reason: 'preuve', note: 'Demande du tribunal' }),
  },
  // Motivated access (docs/api.md): `ts` is the file's référent, so asking again is refused (409) after validation.
  'POST /api/usagers/:id/break-glass': {
    who: 'ts',
    baseline: 409,
    body: () => ({ reason: 'remplacement', justification: 'Remplacement de la collègue absente' }),
  },
  'GET /api/break-glass': { who: 'dpo', query: '?status=pending' },
  // Reviewed once in beforeAll: a well-formed review is refused (409) after validation, so every run writes nothing.
  'POST /api/break-glass/:id/review': { who: 'dpo', baseline: 409, body: () => ({ comment: 'Motif vérifié' }) },
  'GET /api/notifications': { who: 'ts' },
  'POST /api/notifications/:id/read': { who: 'ts', baseline: 204 },
  'GET /api/usagers/:id/access-export': { who: 'ts', query: '?format=json' },
  // The person's access requests (RGPD art. 15): recorded by the référent, listed and exported by the DPO.
  'POST /api/usagers/:id/access-requests': {
    who: 'ts',
    body: () => ({
      requester: 'personne',
      receivedOn: '2026-11-02',
      identityCheck: 'copie_piece',
      identityNote: 'CNI',
    }),
  },
  'GET /api/dpo/access-requests': { who: 'dpo', query: '?status=all' },
  'GET /api/dpo/access-requests/:id/export': { who: 'dpo', query: '?format=json' },
  // The usager's rights (docs/api.md, Rectification history, limitation and opposition): the file carries an active opposition and a lifted limitation (beforeAll), so both
  // well-formed writes are refused (409) after validation and every run writes nothing.
  'GET /api/usagers/:id/history': { who: 'ts' },
  'GET /api/usagers/:id/restrictions': { who: 'ts' },
  'POST /api/usagers/:id/restrictions': {
    who: 'ts',
    baseline: 409,
    body: () => ({ kind: 'opposition', startDate: '2026-11-01', reason: 'Refus des statistiques' }),
  },
  'POST /api/usagers/:id/restrictions/:restrictionId/lift': {
    who: 'ts',
    baseline: 409,
    body: () => ({ endDate: '2026-11-20' }),
  },
  // Budget and aid applications (modules/aids).
  'GET /api/usagers/:id/budget': { who: 'ts' },
  'PUT /api/usagers/:id/budget': {
    who: 'ts',
    baseline: 200,
    body: () => ({
      version: 0,
      resources: [{ type: 'salaire', monthlyCents: 150_000, label: 'Salaire principal' }],
      charges: [{ type: 'loyer', monthlyCents: 60_000 }],
      debts: [{ type: 'energie', creditor: 'Fournisseur', amountCents: 40_000, monthlyRepaymentCents: 2_000 }],
    }),
  },
  'GET /api/usagers/:id/aid-applications': { who: 'ts' },
  'POST /api/usagers/:id/aid-applications': {
    who: 'ts',
    body: () => ({
      scheme: 'fsl',
      aidType: 'acces',
      form: 'subvention',
      requestedCents: 90_000,
      urgency: 'signature_bail',
      accesItems: ['depot_garantie', 'premier_loyer'],
      payee: 'bailleur',
      creditorName: 'Bailleur social',
      contractRef: 'BAIL-2026-7',
      facts: { parisResidenceMonths: 12, titreSejourValidUntil: '2027-06-30', handicap: false },
    }),
  },
  'GET /api/aids/late-repayments': { who: 'ts' },
  'GET /api/aid-applications/:id': { who: 'ts' },
  'GET /api/aid-applications/:id/eligibility': { who: 'ts' },
  'POST /api/aid-applications/:id/transitions': {
    who: 'ts',
    baseline: 200,
    body: () => ({ to: 'deposee_complete', reason: 'Pièces au dossier' }),
  },
  'PUT /api/aid-applications/:id/facts': { who: 'ts', body: () => ({ parisResidenceMonths: 24, rentArrears: false }) },
  // The fixture is no paid loan: a well-formed repayment is refused (422) after validation.
  'POST /api/aid-applications/:id/repayments': {
    who: 'ts',
    baseline: 422,
    body: () => ({ paidOn: '2026-12-01', amountCents: 100 }),
  },
  'GET /api/accueil': { who: 'ts' },
  'POST /api/usagers/:id/accueil': { who: 'ts', body: () => ({ motifs: ['logement'] }) },
  'POST /api/accueil/:visitId/seen': { who: 'ts', baseline: 204, body: () => ({}) },
  'POST /api/accueil/:visitId/record': { who: 'ts', baseline: 200 },
  'GET /api/absences': { who: 'ts', query: '?from=2031-01-01&to=2031-01-31' },
  'POST /api/absences': {
    who: 'ts',
    body: () => ({ kind: 'conge', startsAt: '2031-02-03T09:00:00+01:00', endsAt: '2031-02-07T18:00:00+01:00' }),
  },
  'POST /api/absences/:absenceId/delete': { who: 'ts', baseline: 404 },
  // Commissions (docs/api.md, "Commissions"): `:id` is a closed session of the site (agenda and decisions: 409 after
  // validation); the pièces check has no body (a malformed one is refused).
  'GET /api/commissions': { who: 'resp' },
  'POST /api/commissions': {
    who: 'resp',
    body: () => ({ sessionDate: '2026-12-17', kind: 'ordinaire', territory: 'Paris Nord-Est' }),
  },
  'GET /api/commissions/:id': { who: 'resp' },
  'POST /api/commissions/:id/agenda': {
    who: 'resp',
    baseline: 409,
    body: (i) => ({ applicationIds: [i.aidApplication] }),
  },
  'POST /api/commissions/:id/decisions': {
    who: 'resp',
    baseline: 409,
    body: (i) => ({
      decisions: [{ applicationId: i.aidApplication, outcome: 'accord_partiel', amountCents: 100, reason: 'Partiel' }],
    }),
  },
  'GET /api/commissions/:id/pv.pdf': { who: 'resp' },
  'GET /api/commissions/:id/letters.pdf': { who: 'resp' },
  'GET /api/commissions/:id/payments.csv': { who: 'resp' },
  'GET /api/aid-applications/:id/pieces': { who: 'ts' },
  'POST /api/aid-applications/:id/pieces/check': { who: 'ts', baseline: 200 },
  'GET /api/statistics/aids': { who: 'admin', query: '?year=2026', baseline: 308 },
};

/** The routes that have a spec (a route without one fails the first test, not every loop). */
export const routes = () => t.app.apiRoutes.filter((r) => SPECS[`${r.method} ${r.url}`]);
export const mutating = () => routes().filter((r) => r.method !== 'GET');
export const specOf = (r: { method: string; url: string }) => SPECS[`${r.method} ${r.url}`] as Spec;
