/** Fields whose values may appear in the audit trail: codes and statuses that identify nobody. */
const CLEAR_FIELDS = new Set([
  'status',
  'team_id',
  'site_id',
  'marital_status',
  'employment_status',
  'caf_activity',
  'education_level',
  'housing_status',
  'housing_nature',
  'family_type',
  'relationship',
  'start_reason',
  'end_reason',
  'domiciliation',
  'role',
  'active',
  'kind',
  'code',
  'name',
  'arrondissements',
]);

export const REDACTED = '[masqué]';

export type Diff = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The changed fields between two states (MSS computeMutationDiff). Personal values are redacted:
 * the audit proves who changed what and when, the DPO never reads usager content in it.
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Diff {
  const diff: Diff = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined || same(before[key], after[key])) continue;
    const clear = CLEAR_FIELDS.has(key);
    diff[key] = {
      from: clear ? (before[key] ?? null) : before[key] == null ? null : REDACTED,
      to: clear ? (after[key] ?? null) : after[key] == null ? null : REDACTED,
    };
  }
  return diff;
}
