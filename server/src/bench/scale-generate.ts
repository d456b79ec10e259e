import { DEFAULT_MOTIFS, DEFAULT_PLACE, type EntryType } from '@jalon/core';
import { generateHousehold } from '../demo/households.js';
import { NEUTRAL_NOTES } from '../demo/journal-seed.js';
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from '../demo/names.js';
import type { Rng } from '../demo/random.js';
import type { SeedLogChain } from './scale-chain.js';

/**
 * Generation of the scale dataset (scale-data.ts): the organisation, the invented names, and per round the case files
 * with their households, journal, referents and security-log rows, as arrays in the column order of `COLS`.
 */

export const SCALE_DOMAIN = 'scale.jalon.local';
export const SCALE_SITES = 60;
export const SCALE_TEAMS_PER_SITE = 3;
export const SCALE_USERS = 1_700;

// ---------------------------------------------------------------------------------------------------------------
// Identifiers: time-ordered (version 7 layout) so that primary-key btrees are appended to, not split at random.

export function idFactory(seed: number) {
  let n = 0;
  const tail = (seed >>> 0).toString(16).padStart(8, '0').slice(-8);
  return () => {
    n += 1;
    const h = n.toString(16).padStart(12, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-7000-8000-5ca1${tail}`;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Organisation: sites, teams, users

/** EPS sites per arrondissement (the populous north-east has several), plus the PSAs: 60 sites. */
const EPS_PER_ARRONDISSEMENT: Record<number, number> = {
  1: 1,
  2: 1,
  3: 1,
  4: 1,
  5: 1,
  6: 1,
  7: 1,
  8: 1,
  9: 1,
  10: 3,
  11: 4,
  12: 3,
  13: 5,
  14: 3,
  15: 4,
  16: 1,
  17: 4,
  18: 7,
  19: 7,
  20: 6,
};
const PSAS = [
  { code: 'psa-belleville', name: 'PSA Belleville', arrondissements: [19, 20] },
  { code: 'psa-bastille', name: 'PSA Bastille', arrondissements: [11, 12] },
  { code: 'psa-chemin-vert', name: 'PSA Chemin-Vert', arrondissements: [11] },
  { code: 'psa-championnet', name: 'PSA Championnet', arrondissements: [17, 18] },
];

export interface ScaleSite {
  id: string;
  code: string;
  name: string;
  kind: 'EPS' | 'PSA';
  arrondissements: number[];
  weight: number;
  teams: string[];
  workers: { id: string; team: string }[];
  secretaries: string[];
}

export function buildOrganisation(rng: Rng, newId: () => string) {
  const sites: ScaleSite[] = [];
  const ordinal = (n: number) => (n === 1 ? '1er' : `${n}e`);
  for (let arr = 1; arr <= 20; arr++) {
    const count = EPS_PER_ARRONDISSEMENT[arr] ?? 1;
    for (let k = 1; k <= count; k++) {
      sites.push({
        id: newId(),
        code: count > 1 ? `eps${arr}-${k}` : `eps${arr}`,
        name: count > 1 ? `EPS Paris ${ordinal(arr)} — site ${k}` : `EPS Paris ${ordinal(arr)}`,
        kind: 'EPS',
        arrondissements: [arr],
        weight: 0.6 + rng.next(),
        teams: [],
        workers: [],
        secretaries: [],
      });
    }
  }
  for (const p of PSAS)
    sites.push({
      id: newId(),
      ...p,
      kind: 'PSA',
      weight: 0.3 + rng.next() * 0.5,
      teams: [],
      workers: [],
      secretaries: [],
    });
  if (sites.length !== SCALE_SITES) throw new Error(`expected ${SCALE_SITES} sites, got ${sites.length}`);

  const teamRows: unknown[][] = [];
  for (const s of sites) {
    for (const t of ['Équipe A', 'Équipe B', 'Équipe C'].slice(0, SCALE_TEAMS_PER_SITE)) {
      const id = newId();
      s.teams.push(id);
      teamRows.push([id, s.id, t]);
    }
  }

  const users: {
    id: string;
    email: string;
    display_name: string;
    role: string;
    site_id: string | null;
    team: string | null;
  }[] = [];
  const personName = () => `${rng.pick(rng.next() < 0.5 ? FEMALE_FIRST : MALE_FIRST)} ${rng.pick(SURNAMES)}`;
  const perSite = SCALE_USERS - 2;
  sites.forEach((s, i) => {
    const count = Math.floor(perSite / sites.length) + (i < perSite % sites.length ? 1 : 0);
    users.push({
      id: newId(),
      email: `responsable.${s.code}@${SCALE_DOMAIN}`,
      display_name: personName(),
      role: 'responsable',
      site_id: s.id,
      team: null,
    });
    for (let k = 1; k <= 3; k++) {
      const id = newId();
      s.secretaries.push(id);
      users.push({
        id,
        email: `secretaire${k}.${s.code}@${SCALE_DOMAIN}`,
        display_name: personName(),
        role: 'secretaire',
        site_id: s.id,
        team: null,
      });
    }
    for (let k = 1; k <= count - 4; k++) {
      const id = newId();
      const team = s.teams[(k - 1) % s.teams.length] ?? null;
      if (team) s.workers.push({ id, team });
      users.push({
        id,
        email: `ts${k}.${s.code}@${SCALE_DOMAIN}`,
        display_name: personName(),
        role: 'travailleur_social',
        site_id: s.id,
        team,
      });
    }
  });
  users.push({
    id: newId(),
    email: `admin@${SCALE_DOMAIN}`,
    display_name: personName(),
    role: 'admin_fonctionnel',
    site_id: null,
    team: null,
  });
  users.push({
    id: newId(),
    email: `dpo@${SCALE_DOMAIN}`,
    display_name: personName(),
    role: 'dpo',
    site_id: null,
    team: null,
  });
  return { sites, teamRows, users };
}

// ---------------------------------------------------------------------------------------------------------------
// Names: the frequent surnames of names.ts for about 40 % of households, invented long-tail surnames for the rest
// (heads and tails of the frequent names recombined: "Dubnard", "Lefaure"…), as in a real population where the
// top hundred names cover only a small share.

export function longTailSurnames(): string[] {
  const heads = new Set<string>();
  const tails = new Set<string>();
  for (const s of SURNAMES) {
    if (s.includes(' ') || s.includes('-') || s.includes('’')) continue;
    if (s.length >= 5) {
      heads.add(s.slice(0, 3));
      tails.add(s.slice(-3).toLowerCase());
    }
  }
  const out: string[] = [];
  for (const h of heads) for (const t of tails) if (!SURNAMES.includes(`${h}${t}` as never)) out.push(`${h}${t}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Journal

const ENTRY_TYPES: readonly (readonly [EntryType, number])[] = [
  ['entretien_bureau', 28],
  ['appel_entrant', 14],
  ['appel_sortant', 14],
  ['entretien_telephonique', 5],
  ['visite_domicile', 6],
  ['rendez_vous', 15],
  ['orientation', 5],
  ['demarche', 8],
  ['accueil', 5],
];
const NOTES = [
  ...NEUTRAL_NOTES,
  'Dossier de renouvellement de la complémentaire santé solidaire complété ensemble.',
  'Demande d’aide financière pour la cantine préparée ; à présenter en commission.',
  'Relance de la CAF effectuée pour le rappel de prestations.',
];

// ---------------------------------------------------------------------------------------------------------------
// Tables and the columns written

export const COLS = {
  site: ['id', 'code', 'name', 'kind', 'arrondissements'],
  team: ['id', 'site_id', 'name'],
  app_user: ['id', 'email', 'display_name', 'role', 'site_id', 'password_hash'],
  user_team: ['user_id', 'team_id'],
  person: [
    'id',
    'birth_name',
    'used_name',
    'first_names',
    'sex',
    'birth_date',
    'birth_place',
    'nationality',
    'marital_status',
    'phone',
    'email',
    'caf_number',
    'france_travail_id',
    'employment_status',
    'caf_activity',
    'education_level',
    'created_at',
    'updated_at',
  ],
  household: [
    'id',
    'address_line',
    'postal_code',
    'city',
    'domiciliation',
    'domiciliation_organism',
    'housing_status',
    'housing_nature',
    'family_type',
    'created_at',
    'updated_at',
  ],
  household_member: ['id', 'household_id', 'person_id', 'relationship', 'start_date', 'start_reason'],
  case_file: [
    'id',
    'file_number',
    'household_id',
    'principal_person_id',
    'site_id',
    'team_id',
    'status',
    'closing_reason',
    'opened_at',
    'closed_at',
    'last_contact_at',
    'created_by',
    'updated_at',
  ],
  case_file_referent: ['id', 'case_file_id', 'user_id', 'kind', 'start_at'],
  journal_entry: [
    'id',
    'case_file_id',
    'type',
    'occurred_at',
    'duration_minutes',
    'place',
    'motifs',
    'note',
    'visibility',
    'author_id',
    'appointment_worker_id',
    'appointment_status',
    'partner_id',
    'orientation_reason',
    'created_at',
    'updated_at',
  ],
  journal_entry_worker: ['entry_id', 'user_id'],
  access_log: ['at', 'actor_id', 'actor_role', 'actor_site_id', 'case_file_id', 'part', 'seq', 'prev_hash', 'hash'],
  audit_event: [
    'at',
    'actor_id',
    'actor_role',
    'action',
    'case_file_id',
    'target_type',
    'target_id',
    'seq',
    'prev_hash',
    'hash',
  ],
} as const;
export type Table = keyof typeof COLS;

/** What the rounds of one load share: the random stream, the ids, the sites, the year counters, the log chains. */
export interface RoundContext {
  rng: Rng;
  newId: () => string;
  now: Date;
  nowMs: number;
  pickSite: () => ScaleSite;
  tail: readonly string[];
  perYear: Map<string, number>;
  yy: (d: Date) => string;
  partners: readonly { id: string }[];
  auditChain: SeedLogChain;
  accessChain: SeedLogChain;
}

/** Generates the rows of `n` case files. */
export function generateRound(c: RoundContext, n: number): Record<Table, unknown[][]> {
  const { rng, newId, now, nowMs, pickSite, tail, perYear, yy, partners, auditChain, accessChain } = c;
  const rows: Record<Table, unknown[][]> = Object.fromEntries(
    Object.keys(COLS).map((k) => [k, []]),
  ) as unknown as Record<Table, unknown[][]>;
  for (let i = 0; i < n; i++) {
    const site = pickSite();
    const g = generateHousehold(rng, now, rng.pick(site.arrondissements));
    // Time-ordered ids, the invented long-tail surnames, used names of married partners.
    const ids = new Map<string, string>();
    const rename = new Map<string, string>();
    for (const p of g.persons) {
      ids.set(p.id, newId());
      if (!rename.has(p.birth_name)) rename.set(p.birth_name, rng.next() < 0.6 ? rng.pick(tail) : p.birth_name);
    }
    const compound = rng.next() < 0.03 ? `${rng.pick(SURNAMES)}-${rng.pick(tail)}` : null;
    const householdId = newId();
    const principalId = ids.get(g.principalId) ?? '';
    const created = new Date(Math.min(nowMs, Date.parse(g.members[0]?.start_date ?? '') || nowMs));
    const personRows: unknown[][] = [];
    for (const p of g.persons) {
      const id = ids.get(p.id) ?? '';
      const birthName = id === principalId && compound ? compound : (rename.get(p.birth_name) ?? p.birth_name);
      personRows.push([
        id,
        birthName,
        null,
        p.first_names,
        p.sex,
        p.birth_date,
        p.birth_place,
        p.nationality,
        p.marital_status,
        p.phone,
        null,
        p.caf_number,
        null,
        p.employment_status,
        p.caf_activity,
        p.education_level,
        created,
        created,
      ]);
    }
    // A married principal sometimes uses the partner's name: a second search row for that person.
    const partner = g.members.find((m) => m.relationship === '2');
    const principalRow = personRows.find((r) => r[0] === principalId);
    if (partner && principalRow && principalRow[8] === 'MAR' && principalRow[4] === 'F' && rng.next() < 0.5) {
      const partnerRow = personRows.find((r) => r[0] === ids.get(partner.person_id));
      if (partnerRow && partnerRow[1] !== principalRow[1]) principalRow[2] = partnerRow[1];
    }
    rows.person.push(...personRows);
    const h = g.household;
    rows.household.push([
      householdId,
      h.address_line,
      h.postal_code,
      h.city,
      h.domiciliation,
      h.domiciliation_organism,
      h.housing_status,
      h.housing_nature,
      h.family_type,
      created,
      created,
    ]);
    for (const m of g.members)
      rows.household_member.push([
        newId(),
        householdId,
        ids.get(m.person_id),
        m.relationship,
        m.start_date,
        m.start_reason,
      ]);

    const worker = rng.pick(site.workers);
    const teamWorkers = site.workers.filter((w) => w.team === worker.team && w.id !== worker.id);
    const coReferent = teamWorkers.length && rng.next() < 0.08 ? rng.pick(teamWorkers).id : null;
    const closed = rng.next() < 0.1;
    const closedAt = closed ? rng.date(created, now) : null;
    const end = closedAt ?? now;
    const year = yy(created);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const fileId = newId();

    // ~10 journal entries over the life of the file; the last contact follows the latest one held.
    let lastContact: Date | null = null;
    for (let e = 0, count = rng.int(4, 16); e < count; e++) {
      const type = rng.weighted(ENTRY_TYPES);
      const future = type === 'rendez_vous' && !closed && rng.next() < 0.2;
      const at = future
        ? new Date(nowMs + rng.int(1, 14) * 86_400_000 + rng.int(9, 16) * 3_600_000)
        : rng.date(created, end);
      at.setUTCMinutes(rng.pick([0, 15, 30, 45]), 0, 0);
      const status =
        type === 'rendez_vous'
          ? future
            ? 'prevu'
            : rng.weighted([
                ['honore', 75],
                ['non_venu', 12],
                ['excuse', 8],
                ['annule', 5],
              ] as const)
          : null;
      const author =
        type === 'accueil'
          ? rng.pick(site.secretaries)
          : coReferent && rng.next() < 0.3
            ? coReferent
            : teamWorkers.length && rng.next() < 0.08
              ? rng.pick(teamWorkers).id
              : worker.id;
      const entryId = newId();
      const written = at.getTime() < nowMs ? at : now;
      rows.journal_entry.push([
        entryId,
        fileId,
        type,
        at,
        type.startsWith('appel') ? rng.int(5, 20) : rng.pick([30, 45, 60]),
        DEFAULT_PLACE[type] ?? (type === 'rendez_vous' ? 'bureau' : null),
        [rng.pick(DEFAULT_MOTIFS).code],
        type === 'accueil' || rng.next() < 0.35 ? null : rng.pick(NOTES),
        rng.weighted([
          ['referents', 70],
          ['equipe', 20],
          ['privee', 10],
        ] as const),
        author,
        type === 'rendez_vous' ? worker.id : null,
        status,
        type === 'orientation' ? (rng.pick(partners)?.id ?? null) : null,
        type === 'orientation' ? 'Accompagnement spécialisé proposé' : null,
        written,
        written,
      ]);
      rows.journal_entry_worker.push([entryId, author]);
      if (type === 'rendez_vous' && author !== worker.id) rows.journal_entry_worker.push([entryId, worker.id]);
      if (
        at.getTime() <= nowMs &&
        (type !== 'rendez_vous' || status === 'honore') &&
        (!lastContact || at > lastContact)
      )
        lastContact = at;
    }
    rows.case_file.push([
      fileId,
      `${year}-${String(seq).padStart(6, '0')}`,
      householdId,
      principalId,
      site.id,
      worker.team,
      closed ? 'clos' : 'actif',
      closed ? 'Fin d’accompagnement' : null,
      created,
      closedAt,
      lastContact,
      worker.id,
      lastContact ?? created,
    ]);
    rows.case_file_referent.push([newId(), fileId, worker.id, 'referent', created]);
    if (coReferent) rows.case_file_referent.push([newId(), fileId, coReferent, 'co_referent', created]);
    const audit = [worker.id, 'travailleur_social', 'usager.create', fileId, 'case_file', fileId];
    rows.audit_event.push([created, ...audit, ...auditChain.next(created, [...audit, null, null])]);
    // Reads of the file by its référent and colleagues of the site (the consultations log).
    for (let r = 0, reads = rng.int(1, 5); r < reads; r++) {
      const reader = rng.next() < 0.7 ? worker.id : rng.pick(site.workers).id;
      const at = rng.date(created, end);
      const read = [reader, 'travailleur_social', site.id, fileId, reader === worker.id ? 'full' : 'general'];
      rows.access_log.push([at, ...read, ...accessChain.next(at, read)]);
    }
  }
  return rows;
}
