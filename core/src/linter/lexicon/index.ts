/** All lexicon entries, compiled once. Neutral phrases come first so they win ties against flagged entries. */
import { compileEntries, type CompiledEntry, type EntryKind, type LexEntry } from '../lexicon.js';
import { ADDICTION } from './addiction.js';
import { INFRACTION } from './infraction.js';
import { INSULTE } from './insulte.js';
import { JUGEMENT } from './jugement.js';
import { NEUTRAL } from './neutral.js';
import { OPINION } from './opinion.js';
import { ORIGINE } from './origine.js';
import { RELIGION } from './religion.js';
import { SANTE } from './sante.js';
import { SEXUALITE } from './sexualite.js';

export { INNOCENT_WORDS } from './neutral.js';

/** Raw entries per kind, exported for tests and for the documentation of the lexicon. */
export const LEXICON: ReadonlyArray<readonly [EntryKind, readonly LexEntry[]]> = [
  ['neutre', NEUTRAL],
  ['infraction', INFRACTION],
  ['sexualite', SEXUALITE],
  ['addiction', ADDICTION],
  ['sante', SANTE],
  ['origine', ORIGINE],
  ['religion', RELIGION],
  ['opinion', OPINION],
  ['jugement', JUGEMENT],
  ['insulte', INSULTE],
];

const compileAll = (): CompiledEntry[] => {
  const out: CompiledEntry[] = [];
  for (const [kind, entries] of LEXICON) out.push(...compileEntries(kind, entries, out.length));
  return out;
};

export const COMPILED: readonly CompiledEntry[] = compileAll();
