import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { recordDecisions } from '../modules/commission/index.js';

export interface CommissionBench {
  applications: number;
  letters: number;
  ms: number;
}

/**
 * A commission of `count` aid applications decided in bulk with their notification letters (docs/benchmarks.md,
 * "Commission"): the applications are written directly on files of the site with the most files (sent to the
 * commission by a worker, so the maker-checker check reads a real history), then timed from the request to the
 * commit: `count` transitions through the aids workflow (eligibility and parameters kept), `count` letters rendered to
 * PDF and stored encrypted as documents, the session closed. Target: 200 applications ≤ 10 s. The bench database
 * keeps the session (territory "Banc de mesure").
 */
export async function measureCommission(db: Db, count = 200, now = new Date()): Promise<CommissionBench> {
  const site = await sql<{ site_id: string }>`
    select site_id from case_file where status = 'actif' group by site_id order by count(*) desc limit 1`.execute(db);
  const siteId = site.rows[0]?.site_id;
  if (!siteId) throw new Error('Aucun dossier');
  const files = (
    await sql<{ id: string }>`
      select f.id from case_file f
      where f.site_id = ${siteId} and f.status = 'actif'
        and not exists (select 1 from file_restriction r where r.case_file_id = f.id and r.kind = 'limitation' and r.end_date is null)
      order by f.id limit ${count}`.execute(db)
  ).rows.map((r) => r.id);
  const user = (role: 'travailleur_social' | 'responsable') =>
    db
      .insertInto('app_user')
      .values({
        email: `banc-${role}-${now.getTime()}-${Math.random().toString(16).slice(2, 8)}@bench.jalon.local`,
        display_name: `Banc ${role}`,
        role,
        site_id: siteId,
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const worker = await user('travailleur_social');
  const manager = await user('responsable');
  const apps = await db
    .insertInto('aid_application')
    .values(
      Array.from({ length: count }, (_, k) => ({
        case_file_id: files[k % files.length] as string,
        site_id: siteId,
        scheme: 'fsl',
        aid_type: 'maintien',
        form: 'subvention',
        requested_cents: 50_000,
        procedure_stage: 'commandement_payer',
        payee: 'bailleur',
        creditor_name: 'Paris Habitat',
        contract_ref: `BAIL-${k}`,
        status: 'commission_ordinaire',
        created_by: worker.id,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'case_file_id'])
    .execute();
  await db
    .insertInto('workflow_transition')
    .values(
      apps.map((a) => ({
        workflow: 'aid_application',
        subject_id: a.id,
        case_file_id: a.case_file_id,
        from_state: 'en_instruction',
        to_state: 'commission_ordinaire',
        actor_id: worker.id,
        at: now,
        reason: null,
        instructs: true,
      })),
    )
    .execute();
  const session = await db
    .insertInto('commission_session')
    .values({
      session_date: now.toISOString().slice(0, 10),
      kind: 'ordinaire',
      site_id: siteId,
      territory: 'Banc de mesure',
      created_by: manager.id,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('commission_item')
    .values(
      apps.map((a, k) => ({
        session_id: session.id,
        application_id: a.id,
        case_file_id: a.case_file_id,
        position: k + 1,
      })),
    )
    .execute();
  const ctx = {
    db,
    actor: { id: manager.id, role: 'responsable' as const, siteId, teamIds: [] },
    now,
    requestId: 'bench-commission',
  };
  const decisions = apps.map((a) => ({ applicationId: a.id, outcome: 'accord' as const, amountCents: 50_000 }));
  const started = performance.now();
  const r = await recordDecisions(ctx, session.id, { decisions });
  return { applications: r.decided, letters: r.letters, ms: performance.now() - started };
}
