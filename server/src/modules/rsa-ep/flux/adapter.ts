import { RsaBlockInput } from '@jalon/core';
import type { SourceAdapter } from '../../imports/index.js';
import { commitFluxMany, matchFluxMany, type CafValue } from './bulk.js';

export type { CafValue } from './bulk.js';
import { readCafFlux } from './parse.js';

/**
 * The CAF flux as a source of the staged import pipeline (docs/api.md, "RSA : flux CAF"; ADR 013). Each person of the
 * flux is matched on the import's site by n° allocataire and birth date (updated), else by nom + prénom + date de
 * naissance with the usagers' typo-tolerant matcher (to review: a worker confirms or refuses the match), else a
 * demandeur gets a new file (created); what cannot be read is rejected with its reason. Updates go through the RSA
 * module's change "imported", so applying the same values again changes nothing.
 */

const day = (v: string | undefined): string | null => {
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return null;
  return v.includes('/') ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
};

/** Built once: a schema is compiled at its first use (per row, it was most of the flux's parsing time). */
const PartialBlock = RsaBlockInput.partial();

/** The RSA block values a row carries (only the fields present: an absent field keeps what Jalon holds). */
function blockOf(
  d: Record<string, string>,
): { ok: true; value: Partial<RsaBlockInput> } | { ok: false; reason: string } {
  const raw: Record<string, unknown> = {
    numAllocataire: d.MATRICULE,
    toppersdrodevorsa: d.TOPPERSDRODEVORSA === '1',
    ...(d.ETATDOSRSA ? { etatdosrsa: d.ETATDOSRSA } : {}),
    ...(d.NATPF ? { natpf: d.NATPF } : {}),
    ...(d.ROLEPERS ? { rolepers: d.ROLEPERS } : {}),
    ...(d.SITPERSDEMRSA ? { sitpersdemrsa: d.SITPERSDEMRSA } : {}),
    ...(day(d.DTOUVDRORSA ?? d.DTDEMRSA) ? { dateOuverture: day(d.DTOUVDRORSA ?? d.DTDEMRSA) } : {}),
  };
  const r = PartialBlock.safeParse(raw);
  if (!r.success) return { ok: false, reason: r.error.issues.map((i) => i.message).join(' ; ') };
  return { ok: true, value: r.data };
}

export const cafFluxAdapter: SourceAdapter<CafValue, { source: 'caf' }, null> = {
  sources: ['caf'],
  loadProfile: () => Promise.resolve({ source: 'caf' as const }),
  parseStream: async function* ({ chunks }) {
    for await (const rows of readCafFlux(chunks)) yield { format: 'xml', rows };
  },
  prepare: () => Promise.resolve(null),
  validate(d) {
    const dtnai = day(d.DTNAI);
    if (!d.NOM || !d.PRENOM || !dtnai)
      return { ok: false, reason: `Ligne ${d.line ?? '?'} : nom, prénom et date de naissance sont obligatoires` };
    if (!/^\d{7}$/.test(d.MATRICULE ?? ''))
      return { ok: false, reason: `Ligne ${d.line ?? '?'} : n° allocataire (MATRICULE) de 7 chiffres attendu` };
    const block = blockOf(d);
    if (!block.ok) return { ok: false, reason: `Ligne ${d.line ?? '?'} : ${block.reason}` };
    return {
      ok: true,
      value: {
        matricule: d.MATRICULE ?? '',
        nom: d.NOM,
        prenom: d.PRENOM,
        dtnai,
        rolepers: d.ROLEPERS ?? '',
        values: block.value,
      },
    };
  },
  // One row at a time: the batch paths below with one row (the pipeline uses them by pages and batches).
  async match(db, v, run) {
    return (await matchFluxMany(db, [v], run))[0]!;
  },
  async commit(trx, v, row, run) {
    return (await commitFluxMany(trx, [{ value: v, row }], run)).results[0]!;
  },
  matchMany: (db, values, run) => matchFluxMany(db, values, run),
  commitMany: (trx, items, run) => commitFluxMany(trx, items, run),
  // A person's rows apply in file order: the batches holding the same person are committed one after the other.
  commitKeys: (v) => [`person:${v.matricule}|${v.dtnai}`],
  // A later flux finds its persons by n° allocataire and the same values change nothing: no row keys needed.
  idempotentWrites: true,
  preview: (v) => ({
    matricule: v.matricule,
    birthName: v.nom,
    firstNames: v.prenom,
    birthDate: v.dtnai,
    rolepers: v.rolepers,
    etatdosrsa: v.values.etatdosrsa ?? null,
    natpf: v.values.natpf ?? null,
    toppersdrodevorsa: v.values.toppersdrodevorsa ? '1' : '0',
  }),
};
