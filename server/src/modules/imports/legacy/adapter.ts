import {
  LEGACY_CODE_FIELDS,
  LEGACY_FIELD_LABELS,
  LEGACY_SOURCES,
  type ImportProfile,
  type LegacyField,
} from '@jalon/core';
import type { SourceAdapter, Validated } from '../pipeline.js';

export type { LegacyValue } from './person.js';
import { commitLegacyMany, matchLegacyMany } from './bulk.js';
import type { LegacyEnv, LegacyValue } from './person.js';
import { loadLegacyProfile } from './profiles.js';
import { activeMotifCodes, teamsOfSite, workersOfSite } from './queries.js';
import { readLegacy } from './read.js';
import { codeListLookup, codeOf, entryTypeLookup, isEntryType, norm, parseLegacyDate, type Lookup } from './values.js';

const text = (v: string | undefined, max: number, label: string): string | null | { reason: string } => {
  const s = (v ?? '').trim();
  if (!s) return null;
  if (s.length > max) return { reason: `${label} : ${max} caractères au maximum` };
  return s;
};
const isReason = (v: unknown): v is { reason: string } => typeof v === 'object' && v !== null && 'reason' in v;

/** The row's identity: all three of name, first name and birth date, or none (a journal row), else a reason. */
function identityOf(
  d: Record<string, string>,
  profile: ImportProfile,
  usedName: string | null,
  today: string,
): LegacyValue['identity'] | { reason: string } {
  const [birthName, firstNames] = [text(d.birthName, 100, 'Nom de naissance'), text(d.firstNames, 150, 'Prénom')];
  if (isReason(birthName)) return birthName;
  if (isReason(firstNames)) return firstNames;
  if (!birthName && !firstNames && !d.birthDate) return null;
  if (!birthName || !firstNames || !d.birthDate)
    return { reason: 'Identité incomplète : nom de naissance, prénom et date de naissance sont obligatoires' };
  const birthDate = parseLegacyDate(d.birthDate, profile.dateFormat, 'birthDate');
  if (isReason(birthDate)) return birthDate;
  if (birthDate > today) return { reason: `Date de naissance « ${d.birthDate} » dans le futur` };
  return { birthName, usedName, firstNames, birthDate };
}

function validateLegacy(
  d: Record<string, string>,
  profile: ImportProfile,
  env: LegacyEnv,
  today: string,
): Validated<LegacyValue> {
  const legacyId = (d.legacyId ?? '').trim();
  if (!legacyId) return { ok: false, reason: 'Identifiant dans l’ancien outil manquant' };
  const unmapped: { field: string; value: string }[] = [];
  const fields: Record<string, string | null> = {};
  for (const field of Object.keys(LEGACY_CODE_FIELDS) as (keyof typeof LEGACY_CODE_FIELDS)[]) {
    const c = codeOf(profile, field, d[field] ?? '', codeListLookup(field));
    if ('unmapped' in c) unmapped.push({ field, value: c.unmapped });
    else fields[field] = c.code;
  }
  const ref = (field: 'team' | 'referent' | 'entryMotif' | 'entryType', lookup: Lookup) => {
    const c = codeOf(profile, field, d[field] ?? '', lookup);
    if ('unmapped' in c) unmapped.push({ field, value: c.unmapped });
    return 'code' in c ? c.code : null;
  };
  const teamId = ref('team', env.teams) ?? env.defaultTeam;
  const referentId = ref('referent', env.referents);
  const motif = ref('entryMotif', env.motifs);
  const type = ref('entryType', entryTypeLookup);
  if (unmapped.length) {
    const list = unmapped.map((u) => `« ${u.value} » (${LEGACY_FIELD_LABELS[u.field as LegacyField]})`).join(', ');
    return { ok: false, reason: `Valeurs sans correspondance : ${list}`, unmapped };
  }
  const checks = {
    usedName: text(d.usedName, 100, 'Nom d’usage'),
    phone: text(d.phone, 30, 'Téléphone'),
    email: text(d.email, 200, 'Courriel'),
    addressLine: text(d.addressLine, 200, 'Adresse'),
    city: text(d.city, 100, 'Commune'),
    entryNote: text(d.entryNote, 20_000, 'Note'),
  };
  for (const v of Object.values(checks)) if (isReason(v)) return { ok: false, ...v };
  Object.assign(fields, checks);
  const postal = (d.postalCode ?? '').trim();
  if (postal && !/^\d{5}$/.test(postal))
    return { ok: false, reason: `Code postal « ${postal} » invalide (5 chiffres)` };
  fields.postalCode = postal || null;
  const identity = identityOf(d, profile, fields.usedName ?? null, today);
  if (isReason(identity)) return { ok: false, ...identity };
  let entry: LegacyValue['entry'] = null;
  if (d.entryDate) {
    const at = parseLegacyDate(d.entryDate, profile.dateFormat, 'entryDate');
    if (isReason(at)) return { ok: false, ...at };
    const t = type ?? 'entretien_bureau';
    if (!isEntryType(t)) return { ok: false, reason: `Type d’entrée « ${t} » inconnu` };
    entry = {
      type: t,
      occurredAt: `${at}T12:00:00.000Z`,
      motifs: motif ? [motif] : [],
      note: checks.entryNote as string | null,
    };
  }
  const memberOf = (d.memberOf ?? '').trim() || null;
  return { ok: true, value: { legacyId, memberOf, identity, fields, teamId, referentId, entry } };
}

const byName = (rows: { id: string; names: string[] }[]): Lookup => {
  const m = new Map<string, string>();
  for (const r of rows) for (const n of r.names) m.set(norm(n), r.id);
  return (raw) => m.get(norm(raw)) ?? null;
};

/** The legacy tools' exports: COORDIN, 4D, TIPI and a site's own export with a saved profile. */
export const legacyAdapter: SourceAdapter<LegacyValue, ImportProfile, LegacyEnv> = {
  sources: LEGACY_SOURCES,
  loadProfile: loadLegacyProfile,
  parseStream: (input) => readLegacy(input),
  async prepare(db, run) {
    const [teams, workers, motifs] = await Promise.all([
      teamsOfSite(db, run.siteId),
      workersOfSite(db, run.siteId),
      activeMotifCodes(db),
    ]);
    const teamIds = new Set(teams.map((t) => t.id));
    const defaultTeam =
      run.options.teamId && teamIds.has(run.options.teamId) ? run.options.teamId : (teams[0]?.id ?? null);
    return {
      teams: byName(teams.map((t) => ({ id: t.id, names: [t.id, t.name] }))),
      referents: byName(workers.map((w) => ({ id: w.id, names: [w.id, w.email, w.display_name] }))),
      motifs: byName(motifs.map((m) => ({ id: m.code, names: [m.code, m.label] }))),
      defaultTeam,
      seen: new Set(),
    };
  },
  validate: (data, run, env) => validateLegacy(data, run.profile, env, run.who.now.toISOString().slice(0, 10)),
  // One row: the batch paths with one row (the pipeline uses them by pages and batches: bulk.ts).
  match: async (db, v, run, env) => (await matchLegacyMany(db, [v], run, env))[0]!,
  commit: async (trx, v, row, run) => (await commitLegacyMany(trx, [{ value: v, row }], run)).results[0]!,
  matchMany: matchLegacyMany,
  commitMany: (trx, items, run) => commitLegacyMany(trx, items, run),
  // A row reads or writes the file of its legacy id (a member, the file of its reference person's id).
  commitKeys: (v, row) => [`id:${row.decision === 'member' ? (v.memberOf ?? '') : v.legacyId}`],
  preview: (v) => ({
    legacyId: v.legacyId,
    memberOf: v.memberOf,
    birthName: v.identity?.birthName ?? null,
    usedName: v.identity?.usedName ?? null,
    firstNames: v.identity?.firstNames ?? null,
    birthDate: v.identity?.birthDate ?? null,
    ...v.fields,
    teamId: v.teamId,
    referentId: v.referentId,
    entryDate: v.entry?.occurredAt.slice(0, 10) ?? null,
    entryType: v.entry?.type ?? null,
    entryMotif: v.entry?.motifs[0] ?? null,
    entryNote: v.entry?.note ? '(note)' : null,
  }),
};
