import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { secondFactorRequired, type Role } from '@jalon/core';
import { audit, systemAuditor } from '../audit/audit.js';
import { hashPassword } from '../auth/passwords.js';
import { refreshSearch } from '../modules/usagers/index.js';
import type { Db, Trx } from '../db/schema.js';
import { generateHousehold, type NewCaseFile } from './households.js';
import { enrolDemoAccount } from './second-factor.js';
import { seedRsa } from './rsa-seed.js';
import { seedJournal } from './journal-seed.js';
import { seedAidsDemo } from '../modules/aids/index.js';
import { seeded } from './random.js';

export const DEMO_PASSWORD = 'jalon-demo';
export const DEMO_DOMAIN = 'demo.jalon.local';

interface DemoSite {
  code: string;
  name: string;
  kind: 'EPS' | 'PSA';
  arrondissements: number[];
  teams: string[];
  files: number;
}

const SITES: DemoSite[] = [
  {
    code: 'eps18',
    name: 'EPS Paris 18e',
    kind: 'EPS',
    arrondissements: [18],
    teams: ['Équipe A', 'Équipe B'],
    files: 260,
  },
  {
    code: 'eps10',
    name: 'EPS Paris 10e',
    kind: 'EPS',
    arrondissements: [10],
    teams: ['Équipe A', 'Équipe B'],
    files: 240,
  },
  {
    code: 'psa-belleville',
    name: 'PSA Belleville',
    kind: 'PSA',
    arrondissements: [19, 20],
    teams: ['Équipe accueil'],
    files: 100,
  },
];

export interface DemoAccount {
  email: string;
  role: Role;
  site: string | null;
  team: string | null;
  /** TOTP secret of the accounts that must use a second factor (admin, DPO). */
  totpSecret?: string;
}

/** The demo accounts, one per role and site (domain.md §1.4). Display names are invented. */
export function demoAccounts(): (DemoAccount & { displayName: string })[] {
  const a = (email: string, displayName: string, role: Role, site: string | null, team: string | null) => ({
    email: `${email}@${DEMO_DOMAIN}`,
    displayName,
    role,
    site,
    team,
  });
  return [
    a('ts1.eps18', 'Alix Morvan', 'travailleur_social', 'eps18', 'Équipe A'),
    a('ts2.eps18', 'Bastien Kerjean', 'travailleur_social', 'eps18', 'Équipe B'),
    a('secretaire.eps18', 'Coralie Vasseur', 'secretaire', 'eps18', null),
    a('responsable.eps18', 'Dominique Arnoux', 'responsable', 'eps18', null),
    a('ts1.eps10', 'Élodie Sarrazin', 'travailleur_social', 'eps10', 'Équipe A'),
    a('ts2.eps10', 'Fabien Quémeneur', 'travailleur_social', 'eps10', 'Équipe B'),
    a('secretaire.eps10', 'Gaëlle Tessier', 'secretaire', 'eps10', null),
    a('responsable.eps10', 'Hervé Lagarde', 'responsable', 'eps10', null),
    a('ts1.psa-belleville', 'Inès Bourdais', 'travailleur_social', 'psa-belleville', 'Équipe accueil'),
    a('admin', 'Joël Pradier', 'admin_fonctionnel', null, null),
    a('dpo', 'Karine Ollivier', 'dpo', null, null),
  ];
}

/** Loads the synthetic Paris demo dataset into an empty database. */
/** The last contact is set from the journal (seedJournal); the draw is kept so the seeded sequence is unchanged. */
const lastContactFromJournal = (_draw: Date): null => null;

export async function seedDemo(db: Db, now: Date, opts: { filesScale?: number } = {}): Promise<DemoAccount[]> {
  const rng = seeded(2026);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = demoAccounts();
  await db.transaction().execute(async (trx) => {
    const siteIds = new Map<string, string>();
    const teamIds = new Map<string, string>();
    for (const s of SITES) {
      const row = await trx
        .insertInto('site')
        .values({
          code: s.code,
          name: s.name,
          kind: s.kind,
          arrondissements: s.arrondissements,
          // The letters' header (docs/api.md, "Courriers"): a fictional address, a number of the range kept for fiction.
          address: `1 rue de l’Exemple, 750${String(s.arrondissements[0] ?? 1).padStart(2, '0')} Paris`,
          phone: `01 99 00 ${String(s.arrondissements[0] ?? 1).padStart(2, '0')} 00`,
          opening_hours: 'du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      siteIds.set(s.code, row.id);
      for (const t of s.teams) {
        const team = await trx
          .insertInto('team')
          .values({ site_id: row.id, name: t })
          .returning('id')
          .executeTakeFirstOrThrow();
        teamIds.set(`${s.code}/${t}`, team.id);
      }
    }
    const workers = new Map<string, { id: string; team: string }[]>();
    for (const acc of accounts) {
      const user = await trx
        .insertInto('app_user')
        .values({
          email: acc.email,
          display_name: acc.displayName,
          role: acc.role,
          site_id: acc.site ? (siteIds.get(acc.site) ?? null) : null,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (secondFactorRequired(acc.role)) acc.totpSecret = await enrolDemoAccount(trx, user.id, now);
      const teamId = acc.site && acc.team ? teamIds.get(`${acc.site}/${acc.team}`) : undefined;
      if (teamId) {
        await trx.insertInto('user_team').values({ user_id: user.id, team_id: teamId }).execute();
        if (acc.site && acc.role === 'travailleur_social')
          workers.set(acc.site, [...(workers.get(acc.site) ?? []), { id: user.id, team: teamId }]);
      }
    }
    let seq = 0;
    const journalFiles: { id: string; referentId: string | null; opened: Date }[] = [];
    const yy = String(now.getFullYear()).slice(2);
    for (const s of SITES) {
      const siteId = siteIds.get(s.code) ?? '';
      const siteWorkers = workers.get(s.code) ?? [];
      const count = Math.round(s.files * (opts.filesScale ?? 1));
      const persons = [];
      const households = [];
      const members = [];
      const files: NewCaseFile[] = [];
      const referents = [];
      for (let i = 0; i < count; i++) {
        const g = generateHousehold(rng, now, rng.pick(s.arrondissements));
        persons.push(...g.persons);
        households.push(g.household);
        members.push(...g.members);
        const worker = rng.pick(siteWorkers);
        // Opened on the household's start date, at 9:00 in Paris (no stray time of day).
        const opened = new Date(Math.min(now.getTime(), Date.parse(g.members[0]?.start_date ?? '') || now.getTime()));
        opened.setUTCHours(8, 0, 0, 0);
        if (opened > now) opened.setTime(opened.getTime() - 86_400_000);
        const closed = rng.next() < 0.1;
        const id = randomUUID();
        seq += 1;
        files.push({
          id,
          file_number: `${yy}-${String(seq).padStart(6, '0')}`,
          household_id: g.household.id,
          principal_person_id: g.principalId,
          site_id: siteId,
          team_id: worker?.team ?? null,
          status: closed ? 'clos' : 'actif',
          closing_reason: closed ? 'Fin d’accompagnement' : null,
          closed_at: closed ? now : null,
          opened_at: opened,
          last_contact_at: lastContactFromJournal(rng.date(opened, now)),
          created_by: worker?.id ?? null,
          updated_at: now,
        });
        journalFiles.push({ id, referentId: worker?.id ?? null, opened });
        if (worker)
          referents.push({ case_file_id: id, user_id: worker.id, kind: 'referent' as const, start_at: opened });
        const co = siteWorkers.find((w) => w.id !== worker?.id);
        if (co && rng.next() < 0.08)
          referents.push({ case_file_id: id, user_id: co.id, kind: 'co_referent' as const, start_at: opened });
      }
      for (let i = 0; i < persons.length; i += 500)
        await trx
          .insertInto('person')
          .values(persons.slice(i, i + 500))
          .execute();
      for (let i = 0; i < households.length; i += 500)
        await trx
          .insertInto('household')
          .values(households.slice(i, i + 500))
          .execute();
      for (let i = 0; i < members.length; i += 500)
        await trx
          .insertInto('household_member')
          .values(members.slice(i, i + 500))
          .execute();
      for (let i = 0; i < files.length; i += 500)
        await trx
          .insertInto('case_file')
          .values(files.slice(i, i + 500))
          .execute();
      for (let i = 0; i < referents.length; i += 500)
        await trx
          .insertInto('case_file_referent')
          .values(referents.slice(i, i + 500))
          .execute();
    }
    await sql`select setval('case_file_number_seq', ${Math.max(seq, 1)})`.execute(trx);
    await refreshSearch(trx, 'all');
    await seedJournal(trx, rng, now, journalFiles);
    await seedAids(trx, now, siteIds.get('eps18') ?? '', journalFiles);
    await seedRsa(trx, now, journalFiles);
    await audit(trx, systemAuditor(now), 'demo.seed', { targetType: 'database' });
  });
  return accounts;
}

/** Budgets and aid applications on the last active files of eps18 followed by a référent, decided by its manager. */
async function seedAids(trx: Trx, now: Date, siteId: string, files: { id: string; referentId: string | null }[]) {
  const manager = await trx
    .selectFrom('app_user')
    .select('id')
    .where('site_id', '=', siteId)
    .where('role', '=', 'responsable')
    .executeTakeFirst();
  const active = await trx
    .selectFrom('case_file')
    .select('id')
    .where('site_id', '=', siteId)
    .where('status', '=', 'actif')
    .execute();
  const ids = new Set(active.map((f) => f.id));
  const chosen = files
    .filter((f) => f.referentId && ids.has(f.id))
    .slice(-4)
    .map((f) => ({ id: f.id, referentId: f.referentId as string, deciderId: manager?.id ?? (f.referentId as string) }));
  if (manager) await seedAidsDemo(trx, now, chosen);
}
