import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import { AppError } from '../../../errors.js';

/**
 * The CAF flux (docs/api.md, "RSA : flux CAF"): the monthly "flux bénéficiaires" and the daily "flux instruction",
 * XML whose structure is public in WebRSA: an `IdentificationFlux` (TYPEFLUX, NATFLUX, DTCREAFLUX), then one
 * `InfosFoyerRSA` per foyer (n° allocataire `MATRICULE`, `ETATDOSRSA`, `NATPF`, `DTDEMRSA`) holding its `Personne`s
 * (NOM, PRENOM, DTNAI, ROLEPERS, TOPPERSDRODEVORSA, SITPERSDEMRSA). Read with a SAX parser, one event at a time: a
 * row per person is kept, never a tree of the file. The first error stops the reading with its line.
 */

/** One person of one foyer, as read (values are the CAF's codes, checked later by the adapter). */
export type FluxRow = Record<string, string>;

const FOYER_FIELDS = new Set(['MATRICULE', 'NUMDEMRSA', 'ETATDOSRSA', 'NATPF', 'DTDEMRSA', 'DTOUVDRORSA']);
const PERSON_FIELDS = new Set(['NOM', 'PRENOM', 'DTNAI', 'ROLEPERS', 'TOPPERSDRODEVORSA', 'SITPERSDEMRSA', 'NIR']);
const SLICE = 64 * 1024;
const HEAD_FIELDS = new Set(['TYPEFLUX', 'NATFLUX', 'DTCREAFLUX']);

const malformed = (line: number, why: string) =>
  new AppError(400, 'flux_malformed', `Flux CAF illisible, ligne ${line} : ${why}. Rien n’a été importé.`);

/** Reads a flux into rows (one per person of a foyer); throws a French 400 with the line of the first error. */
export function parseCafFlux(bytes: Buffer): { head: Record<string, string>; rows: FluxRow[] } {
  const parser = sax.parser(true, { trim: true });
  const head: Record<string, string> = {};
  const rows: FluxRow[] = [];
  let foyer: Record<string, string> | null = null;
  let persons: FluxRow[] = [];
  let person: FluxRow | null = null;
  let inHead = false;
  let leaf: string | null = null;
  let text = '';
  let failure: AppError | null = null;
  parser.onerror = (e) => {
    failure ??= malformed(parser.line + 1, `XML mal formé (${e.message.split('\n')[0] ?? ''})`);
    throw failure;
  };
  parser.onopentag = (tag) => {
    leaf = tag.name;
    text = '';
    if (tag.name === 'IdentificationFlux') inHead = true;
    else if (tag.name === 'InfosFoyerRSA') {
      foyer = {};
      persons = [];
    } else if (tag.name === 'Personne') {
      if (!foyer) throw (failure = malformed(parser.line + 1, 'personne hors d’un foyer (InfosFoyerRSA)'));
      person = { line: String(parser.line + 1) };
    }
  };
  parser.ontext = (t) => {
    text += t;
  };
  parser.onclosetag = (name) => {
    const value = text.trim();
    if (leaf === name) {
      if (inHead && HEAD_FIELDS.has(name)) head[name] = value;
      else if (person && PERSON_FIELDS.has(name)) person[name] = value;
      else if (foyer && FOYER_FIELDS.has(name)) foyer[name] = value;
    }
    leaf = null;
    text = '';
    if (name === 'IdentificationFlux') inHead = false;
    else if (name === 'Personne' && person) {
      persons.push(person);
      person = null;
    } else if (name === 'InfosFoyerRSA' && foyer) {
      const f = foyer;
      for (const p of persons) rows.push({ ...f, ...p });
      foyer = null;
    }
  };
  try {
    // Fed by slices through a decoder (a character cut between two slices is kept whole): no copy of the whole text.
    const decoder = new StringDecoder('utf8');
    for (let at = 0; at < bytes.length; at += SLICE) parser.write(decoder.write(bytes.subarray(at, at + SLICE)));
    parser.write(decoder.end()).close();
  } catch (e) {
    throw failure ?? e;
  }
  if (!head.NATFLUX || !head.DTCREAFLUX)
    throw malformed(1, 'en-tête IdentificationFlux absent (NATFLUX et DTCREAFLUX attendus)');
  return { head, rows: rows.map((r) => ({ ...r, NATFLUX: head.NATFLUX ?? '', DTCREAFLUX: head.DTCREAFLUX ?? '' })) };
}
