import { sql, type Kysely } from 'kysely';

/**
 * The security log (audit_event + access_log) becomes a hash chain, append-only (ADR 004).
 * A BEFORE INSERT trigger takes the chain's advisory lock (as late as possible: at the log insert, usually the last
 * statement of a mutation; held until commit), numbers the row (`seq`) after the last one, stores the previous hash
 * and sha256 over a canonical serialisation. UPDATE, DELETE and TRUNCATE are refused, except DELETE by the purge (transaction-local setting).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table security_log_checkpoint (
      id bigserial primary key,
      chain text not null,
      seq bigint not null,
      hash text not null,
      purged_rows bigint not null,
      purged_before timestamptz not null,
      at timestamptz not null
    )`.execute(db);

  // One field of the canonical text: its UTF-8 length, a colon, the value; '~' for null.
  await sql`
    create function jalon_log_field(v text) returns text language sql immutable as $$
      select case when v is null then '~' else octet_length(v)::text || ':' || v end
    $$`.execute(db);
  await sql`
    create function jalon_log_at(t timestamptz) returns text language sql immutable as $$
      select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
    $$`.execute(db);

  for (const col of ['seq bigint', 'prev_hash text', 'hash text']) {
    await sql.raw(`alter table audit_event add column ${col}`).execute(db);
    await sql.raw(`alter table access_log add column ${col}`).execute(db);
  }

  await sql`
    create function jalon_audit_event_canonical(e audit_event) returns text language sql immutable as $$
      select concat_ws('|', 'audit_event', e.seq::text, e.prev_hash, jalon_log_field(jalon_log_at(e.at)),
        jalon_log_field(e.actor_id::text), jalon_log_field(e.actor_role), jalon_log_field(e.action),
        jalon_log_field(e.case_file_id::text), jalon_log_field(e.target_type), jalon_log_field(e.target_id),
        jalon_log_field(e.diff::text), jalon_log_field(e.request_id))
    $$`.execute(db);
  await sql`
    create function jalon_access_log_canonical(e access_log) returns text language sql immutable as $$
      select concat_ws('|', 'access_log', e.seq::text, e.prev_hash, jalon_log_field(jalon_log_at(e.at)),
        jalon_log_field(e.actor_id::text), jalon_log_field(e.actor_role), jalon_log_field(e.actor_site_id::text),
        jalon_log_field(e.case_file_id::text), jalon_log_field(e.part))
    $$`.execute(db);

  for (const table of ['audit_event', 'access_log'] as const) {
    await sql
      .raw(
        `
      create function jalon_chain_${table}() returns trigger language plpgsql as $fn$
      declare prev record;
      begin
        -- One chain: concurrent writers queue here until the holder commits (transaction-scoped advisory lock).
        perform pg_advisory_xact_lock(hashtext('jalon_security_log'), hashtext('${table}'));
        select seq, hash into prev from ${table} order by seq desc limit 1;
        if not found then
          select seq, hash into prev from security_log_checkpoint where chain = '${table}' order by seq desc limit 1;
        end if;
        new.seq := coalesce(prev.seq, 0) + 1;
        new.prev_hash := coalesce(prev.hash, repeat('0', 64));
        new.hash := encode(sha256(convert_to(jalon_${table}_canonical(new), 'UTF8')), 'hex');
        return new;
      end $fn$`,
      )
      .execute(db);
    // Rows already there (an existing database) are chained once, in id order.
    await sql
      .raw(
        `
      do $do$
      declare r ${table}%rowtype; prev text := repeat('0', 64); n bigint := 0; h text;
      begin
        for r in select * from ${table} order by id loop
          n := n + 1;
          r.seq := n;
          r.prev_hash := prev;
          h := encode(sha256(convert_to(jalon_${table}_canonical(r), 'UTF8')), 'hex');
          update ${table} set seq = n, prev_hash = prev, hash = h where id = r.id;
          prev := h;
        end loop;
      end $do$`,
      )
      .execute(db);
    await sql
      .raw(
        `alter table ${table} alter column seq set not null, alter column prev_hash set not null, alter column hash set not null`,
      )
      .execute(db);
    await sql.raw(`create unique index ${table}_seq_idx on ${table} (seq)`).execute(db);
    await sql
      .raw(
        `create trigger ${table}_chain before insert on ${table} for each row execute function jalon_chain_${table}()`,
      )
      .execute(db);
  }

  await sql`
    create function jalon_security_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and tg_table_name <> 'security_log_checkpoint'
         and current_setting('jalon.security_log_purge', true) = 'on' then
        return old;
      end if;
      raise exception 'Journal de sécurité en ajout seul : % refusé sur %', tg_op, tg_table_name using errcode = '42501';
    end $$`.execute(db);
  for (const table of ['audit_event', 'access_log', 'security_log_checkpoint']) {
    await sql
      .raw(
        `create trigger ${table}_append_only before update or delete on ${table} for each row execute function jalon_security_log_append_only()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function jalon_security_log_append_only()`,
      )
      .execute(db);
  }
}
