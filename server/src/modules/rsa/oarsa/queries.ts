import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../../db/schema.js';

/** The files an OARSA export counts: active files of the scope (one site, or every site for the administrator). */
const scoped = (siteId: string | null) =>
  sql`cf.retention_state = 'active' and cf.merged_into is null and ${siteId === null ? sql`true` : sql`cf.site_id = ${siteId}`}`;

/** The first instant after the day `ref` in Paris: a change recorded from then on came after that day. */
const dayAfter = (ref: string) => sql`((${ref}::date + 1)::timestamp at time zone 'Europe/Paris')`;

/**
 * Per person, the value a field of the RSA block held before `cutoff`: the `from` of the first change recorded at or
 * after `cutoff` that names the field (docs/api.md, "OARSA"). A person absent from it kept the current value. One scan
 * of the changes after the cutoff (none for the current year), not one look-up per person.
 */
const valueBefore = (field: 'toppersdrodevorsa' | 'ddSince', cutoff: RawBuilder<unknown>) =>
  sql`select distinct on (c.person_id) c.person_id, c.changes -> ${sql.lit(field)} ->> 'from' as v
      from rsa_person_change c
      where c.at >= ${cutoff} and c.changes -> ${sql.lit(field)} is not null
      order by c.person_id, c.at, c.seq`;

/**
 * The persons soumis aux droits et devoirs at the end of the day `ref`, as their blocks stood then (the history undone
 * back to that day: a person who left afterwards is counted, one recorded as entering afterwards is not), with their
 * seniority band, the orientation decision in force (taken by then: its organisme) and whether a contract signed by
 * then was in force on that day.
 */
export async function soumisAt(db: Queryable, siteId: string | null, ref: string) {
  const cutoff = dayAfter(ref);
  const r = await sql<{ band: string; organisme: string | null; contract: boolean; n: number }>`
    with later_top as (${valueBefore('toppersdrodevorsa', cutoff)}),
    later_dd as (${valueBefore('ddSince', cutoff)}),
    block as (
      select p.person_id,
        case when lt.person_id is null then p.toppersdrodevorsa else coalesce(lt.v::boolean, false) end as soumis,
        case when ld.person_id is null then p.dd_since else ld.v::date end as dd_since
      from rsa_person p
      join case_file cf on cf.id = p.case_file_id
      left join later_top lt on lt.person_id = p.person_id
      left join later_dd ld on ld.person_id = p.person_id
      where ${scoped(siteId)}
    )
    select
      case when p.dd_since > (${ref}::date - interval '6 months')::date then 'moins_6_mois'
           when p.dd_since > (${ref}::date - interval '12 months')::date then '6_12_mois'
           else 'un_an_et_plus' end as band,
      (select d.organisme from rsa_orientation_decision d
        where d.person_id = p.person_id and d.decided_on <= ${ref}::date
        order by d.decided_on desc, d.at desc limit 1) as organisme,
      exists (select 1 from rsa_contract c
        where c.person_id = p.person_id and c.signed_on is not null and c.signed_on <= ${ref}::date
          and c.start_on <= ${ref}::date and c.end_on >= ${ref}::date) as contract,
      1::int as n
    from block p
    where p.soumis and p.dd_since is not null and p.dd_since <= ${ref}::date`.execute(db);
  return r.rows;
}

/**
 * The orientation decisions taken in the year: kind, réorientation, days since entry into droits et devoirs — the
 * entry Jalon held when the decision was recorded (the block's history undone back to then): a person who left the
 * droits et devoirs and entered them again later keeps the delay of that decision.
 */
export async function decisionsInYear(db: Queryable, siteId: string | null, from: string, to: string) {
  const r = await sql<{ kind: string; reorientation: boolean; delay: number | null }>`
    select d.kind, d.reorientation,
      (d.decided_on - case when later.found then later.v::date else p.dd_since end)::int as delay
    from rsa_orientation_decision d
    join case_file cf on cf.id = d.case_file_id
    left join rsa_person p on p.person_id = d.person_id
    left join lateral (
      select true as found, c.changes -> 'ddSince' ->> 'from' as v
      from rsa_person_change c
      where c.person_id = d.person_id and c.at > d.at and c.changes -> 'ddSince' is not null
      order by c.at, c.seq limit 1
    ) later on true
    where d.decided_on between ${from}::date and ${to}::date and ${scoped(siteId)}`.execute(db);
  return r.rows;
}

/** The contrats d'engagement starting in the year (duration) and the themes of their plans' actions. */
export async function contractsInYear(db: Queryable, siteId: string | null, from: string, to: string) {
  const durations = await sql<{ duration: number; n: number }>`
    select c.duration_months as duration, count(*)::int as n
    from rsa_contract c join case_file cf on cf.id = c.case_file_id
    where c.kind = 'contrat_engagement' and c.start_on between ${from}::date and ${to}::date and ${scoped(siteId)}
    group by c.duration_months`.execute(db);
  const themes = await sql<{ theme: string; n: number }>`
    select r.theme, count(*)::int as n
    from rsa_contract c join case_file cf on cf.id = c.case_file_id
    join rsa_contract_action a on a.contract_id = c.id
    join rsa_action_ref r on r.id = a.action_id
    where c.kind = 'contrat_engagement' and c.start_on between ${from}::date and ${to}::date and ${scoped(siteId)}
    group by r.theme order by r.theme`.execute(db);
  return { durations: durations.rows, themes: themes.rows };
}
