import { createHash } from 'node:crypto';

/**
 * The scale seed loads the security log with COPY and the database's triggers off (session_replication_role =
 * replica), so it numbers and hashes the rows itself, exactly as the chain trigger would (migration
 * 202611251200_chain_security_log: `jalon_<table>_canonical`, sha-256 hex). `npm run audit:verify` then checks them.
 */
const field = (v: string | null): string => (v === null ? '~' : `${Buffer.byteLength(v, 'utf8')}:${v}`);
/** `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` of a JavaScript date (milliseconds). */
const logAt = (d: Date): string => `${d.toISOString().slice(0, 23)}000`;

export class SeedLogChain {
  private seq = 0;
  private prev = '0'.repeat(64);

  constructor(private readonly table: 'audit_event' | 'access_log') {}

  /** `[seq, prev_hash, hash]` of the next row, given its timestamp and its other canonical fields in order. */
  next(at: Date, fields: readonly (string | null)[]): [number, string, string] {
    this.seq += 1;
    const canonical = [this.table, String(this.seq), this.prev, field(logAt(at)), ...fields.map(field)].join('|');
    const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const out: [number, string, string] = [this.seq, this.prev, hash];
    this.prev = hash;
    return out;
  }
}
