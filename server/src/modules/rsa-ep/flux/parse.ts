import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import { AppError } from '../../../errors.js';

/**
 * The CAF flux (docs/api.md, "RSA : flux CAF"): the monthly "flux bénéficiaires" and the daily "flux instruction",
 * XML whose structure is public in WebRSA: an `IdentificationFlux` (TYPEFLUX, NATFLUX, DTCREAFLUX), then one
 * `InfosFoyerRSA` per foyer (n° allocataire `MATRICULE`, `ETATDOSRSA`, `NATPF`, `DTDEMRSA`) holding its `Personne`s
 * (NOM, PRENOM, DTNAI, ROLEPERS, TOPPERSDRODEVORSA, SITPERSDEMRSA). Read with a SAX parser, one event at a time: a
 * row per person is kept, never a tree of the file nor the file itself. The first error stops the reading with its line.
 */

/** One person of one foyer, as read (values are the CAF's codes, checked later by the adapter). */
export type FluxRow = Record<string, string>;

const FOYER_FIELDS = new Set(['MATRICULE', 'NUMDEMRSA', 'ETATDOSRSA', 'NATPF', 'DTDEMRSA', 'DTOUVDRORSA']);
const PERSON_FIELDS = new Set(['NOM', 'PRENOM', 'DTNAI', 'ROLEPERS', 'TOPPERSDRODEVORSA', 'SITPERSDEMRSA', 'NIR']);
const SLICE = 64 * 1024;
const HEAD_FIELDS = new Set(['TYPEFLUX', 'NATFLUX', 'DTCREAFLUX']);

const malformed = (line: number, why: string) =>
  new AppError(400, 'flux_malformed', `Flux CAF illisible, ligne ${line} : ${why}. Rien n’a été importé.`);

const headMissing = () => malformed(1, 'en-tête IdentificationFlux absent (NATFLUX et DTCREAFLUX attendus)');
/** A text node longer than this is no flux value (the file is refused: never a whole file in memory). */
const MAX_TEXT = 1 << 16;
const BATCH = 1000;

/**
 * Reads a flux as it arrives into rows (one per person of a foyer), yielded by batches; throws a French 400 with the
 * line of the first error. The head (IdentificationFlux) comes before the foyers and is copied into each row.
 */
export async function* readCafFlux(chunks: AsyncIterable<Buffer>): AsyncGenerator<FluxRow[]> {
  const parser = sax.parser(true, { trim: true });
  const head: Record<string, string> = {};
  let rows: FluxRow[] = [];
  let foyer: Record<string, string> | null = null;
  let persons: FluxRow[] = [];
  let person: FluxRow | null = null;
  let inHead = false;
  let leaf: string | null = null;
  let text = '';
  let failure: AppError | null = null;
  const fail = (e: AppError) => {
    failure ??= e;
    throw failure;
  };
  parser.onerror = (e) => fail(malformed(parser.line + 1, `XML mal formé (${e.message.split('\n')[0] ?? ''})`));
  parser.onopentag = (tag) => {
    leaf = tag.name;
    text = '';
    if (tag.name === 'IdentificationFlux') inHead = true;
    else if (tag.name === 'InfosFoyerRSA') {
      if (!head.NATFLUX || !head.DTCREAFLUX) fail(headMissing());
      foyer = {};
      persons = [];
    } else if (tag.name === 'Personne') {
      if (!foyer) fail(malformed(parser.line + 1, 'personne hors d’un foyer (InfosFoyerRSA)'));
      person = { line: String(parser.line + 1) };
    }
  };
  parser.ontext = (t) => {
    text += t;
    if (text.length > MAX_TEXT) fail(malformed(parser.line + 1, 'valeur de plus de 65 536 caractères'));
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
      for (const p of persons)
        rows.push({ ...f, ...p, NATFLUX: head.NATFLUX ?? '', DTCREAFLUX: head.DTCREAFLUX ?? '' });
      foyer = null;
    }
  };
  // Fed slice by slice through a decoder (a character cut between two slices is kept whole).
  const decoder = new StringDecoder('utf8');
  const feed = (s: string, end = false) => {
    try {
      parser.write(s);
      if (end) parser.close();
    } catch (e) {
      throw failure ?? e;
    }
  };
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += SLICE) {
      feed(decoder.write(chunk.subarray(at, at + SLICE)));
      if (rows.length >= BATCH) {
        yield rows;
        rows = [];
      }
    }
  }
  feed(decoder.end(), true);
  if (!head.NATFLUX || !head.DTCREAFLUX) throw headMissing();
  if (rows.length) yield rows;
}
