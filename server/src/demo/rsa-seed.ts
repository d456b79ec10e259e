import { addDays, contractEnd } from '@jalon/core';
import type { Queryable } from '../db/schema.js';

interface FileForRsa {
  id: string;
  referentId: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A coherent RSA follow-up on every ninth active demo file (docs/api.md, "RSA"), cycling through three situations so
 * the tab and the task lists are never empty: soumis aux droits et devoirs and not oriented yet (late); oriented to
 * France Travail and notified, the contract still to sign; oriented to the CASVP with a signed contract in force and
 * its plan d'action. The block came from the CAF flux (origin `imported`); requests are the référent's, decisions
 * another worker's of the site (maker-checker). Deterministic: no draw from the demo's random sequence.
 */
export async function seedRsa(trx: Queryable, now: Date, files: readonly FileForRsa[]): Promise<void> {
  const rows = await trx
    .selectFrom('case_file as cf')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .innerJoin('app_user as u', (j) => j.on('u.site_id', 'is not', null).onRef('u.site_id', '=', 'cf.site_id'))
    .select(['cf.id', 'cf.principal_person_id', 'p.caf_number', 'u.id as worker_id', 'u.role'])
    .where('cf.status', '=', 'actif')
    .where('u.role', '=', 'travailleur_social')
    .orderBy('cf.file_number')
    .execute();
  const actions = await trx.selectFrom('rsa_action_ref').select('id').orderBy('label').execute();
  const referentOf = new Map(files.map((f) => [f.id, f.referentId]));
  const byFile = new Map<string, { person: string; caf: string | null; workers: string[] }>();
  for (const r of rows) {
    const f = byFile.get(r.id) ?? { person: r.principal_person_id, caf: r.caf_number, workers: [] };
    f.workers.push(r.worker_id);
    byFile.set(r.id, f);
  }
  let i = 0;
  for (const [fileId, f] of byFile) {
    i += 1;
    const referent = referentOf.get(fileId);
    const decider = f.workers.find((w) => w !== referent);
    if (i % 9 !== 0 || !referent || !decider) continue;
    const kind = (i / 9) % 3;
    const ddSince = day(new Date(now.getTime() - (kind === 0 ? 70 : 200) * 86_400_000));
    await seedPerson(trx, now, { fileId, personId: f.person, caf: f.caf ?? String(1_000_000 + i), ddSince });
    if (kind === 0) continue;
    const requestedOn = addDays(ddSince, 7);
    const decidedOn = addDays(ddSince, kind === 1 ? 150 : 21);
    const notifiedOn = addDays(decidedOn, 3);
    const orientation = kind === 1 ? { k: 'professionnelle', o: 'france_travail' } : { k: 'sociale', o: 'casvp' };
    await trx
      .insertInto('rsa_orientation')
      .values({
        person_id: f.person,
        case_file_id: fileId,
        state: 'orientee',
        requested_on: requestedOn,
        requested_by: referent,
        kind: orientation.k,
        organisme: orientation.o,
        decided_on: decidedOn,
        notified_on: notifiedOn,
        ep_reference: null,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('rsa_orientation_decision')
      .values({
        person_id: f.person,
        case_file_id: fileId,
        kind: orientation.k,
        organisme: orientation.o,
        requested_on: requestedOn,
        decided_on: decidedOn,
        notified_on: notifiedOn,
        decided_by: decider,
        target_weeks: 4,
        at: now,
      })
      .execute();
    const transition = (from: string, to: string, actor: string, at: string, instructs: boolean) => ({
      workflow: 'rsa_orientation',
      subject_id: f.person,
      case_file_id: fileId,
      from_state: from,
      to_state: to,
      actor_id: actor,
      at: new Date(`${at}T09:00:00Z`),
      reason: null,
      instructs,
    });
    await trx
      .insertInto('workflow_transition')
      .values([
        transition('non_orientee', 'demandee', referent, requestedOn, true),
        transition('demandee', 'orientee', decider, decidedOn, false),
      ])
      .execute();
    await trx
      .insertInto('rsa_referent')
      .values({
        person_id: f.person,
        case_file_id: fileId,
        kind: 'referent_unique',
        user_id: referent,
        start_on: decidedOn,
        created_by: referent,
        created_at: now,
      })
      .execute();
    if (kind === 2) await seedContract(trx, now, { fileId, personId: f.person, referent, start: notifiedOn, actions });
  }
}

async function seedPerson(
  trx: Queryable,
  now: Date,
  p: { fileId: string; personId: string; caf: string; ddSince: string },
): Promise<void> {
  const values = {
    etatdosrsa: '2',
    natpf: 'RSD',
    toppersdrodevorsa: true,
    rolepers: 'DEM',
    date_ouverture: p.ddSince,
    num_allocataire: p.caf,
    sitpersdemrsa: '0107',
    dd_since: p.ddSince,
  };
  await trx
    .insertInto('rsa_person')
    .values({ person_id: p.personId, case_file_id: p.fileId, ...values, updated_at: now, origin: 'imported' })
    .execute();
  const changes = {
    etatdosrsa: { from: null, to: '2' },
    natpf: { from: null, to: 'RSD' },
    toppersdrodevorsa: { from: false, to: true },
    rolepers: { from: null, to: 'DEM' },
    dateOuverture: { from: null, to: p.ddSince },
    numAllocataire: { from: null, to: p.caf },
    sitpersdemrsa: { from: null, to: '0107' },
    ddSince: { from: null, to: p.ddSince },
  };
  await trx
    .insertInto('rsa_person_change')
    .values({
      person_id: p.personId,
      case_file_id: p.fileId,
      at: new Date(`${p.ddSince}T06:00:00Z`),
      origin: 'imported',
      actor_id: null,
      source: 'démonstration',
      changes: JSON.stringify(changes),
    })
    .execute();
}

async function seedContract(
  trx: Queryable,
  now: Date,
  c: { fileId: string; personId: string; referent: string; start: string; actions: { id: string }[] },
): Promise<void> {
  const { id } = await trx
    .insertInto('rsa_contract')
    .values({
      person_id: c.personId,
      case_file_id: c.fileId,
      kind: 'contrat_engagement',
      start_on: c.start,
      duration_months: 6,
      end_on: contractEnd(c.start, 6),
      weekly_hours: 15,
      signed_on: c.start,
      created_by: c.referent,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const chosen = [c.actions[0], c.actions[4]].filter((a): a is { id: string } => Boolean(a));
  if (chosen.length > 0)
    await trx
      .insertInto('rsa_contract_action')
      .values(
        chosen.map((a, k) => ({
          contract_id: id,
          action_id: a.id,
          status: k === 0 ? 'en_cours' : 'prevue',
          note: null,
          updated_at: now,
        })),
      )
      .execute();
}
