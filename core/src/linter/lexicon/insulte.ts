/**
 * Insults and coarse words ("gros con" was sanctioned at Acadomia). All short words here are matched exactly and
 * without typo tolerance: "con" must not catch "conte", "pute" must not catch "pâte".
 */
import type { LexEntry } from '../lexicon.js';

const SLUR = 'Supprimez ce terme injurieux : il est discriminatoire et ne décrit aucun fait.';

const COARSE = [
  'con{,s}', 'conne{,s}', 'connard{,e,s,es}', 'connasse{,s}', 'salaud{,s}', 'salop{e,es,ard,ards}', 'pute{,s}',
  'putain{,s}', 'pétasse{,s}', 'pouffiasse{,s}', 'merde{,s}', 'merdique{,s}', 'chiant{,e,s,es}', 'chieu{r,se,rs,ses}',
  'emmerd{eur,euse,eurs,euses}', 'emmerde{,s,nt}', 'enfoiré{,e,s,es}', 'abruti{,e,s,es}', 'crétin{,e,s,es}',
  'débile{,s}', 'idiot{,e,s,es}', 'imbécile{,s}', 'taré{,e,s,es}', 'cinglé{,e,s,es}', 'dingue{,s}', 'barjo{,t,s,ts}',
  'fou', 'folle{,s}', 'fous', 'gogol{,s}', 'neuneu{,s}', 'attardé{,e,s,es}', 'demeuré{,e,s,es}', 'bâtard{,e,s,es}',
  'bouffon{,ne,s,nes}', 'ordure{,s}', 'raclure{,s}', 'vermine{,s}', 'racaille{,s}', 'cassos', 'clodo{,s}',
  'clochard{,e,s,es}', 'boulet{,s}', 'naze{,s}', 'nase{,s}', 'baltringue{,s}', 'pignouf{,s}', 'plouc{,s}',
  'beauf{,s}', 'bordel{,s}', 'foutu{,e,s,es}', 'fout{re,ent}', 'chier', 'fdp', 'ntm', 'bouffonne{,s}',
  'grognasse{,s}', 'mégère{,s}', 'harpie{,s}', 'salopiaud{,s}', 'bougre{,s}',
];

export const INSULTE: readonly LexEntry[] = [
  ...COARSE.map((p): LexEntry => ({ p, exact: true, notProperNoun: true })),
  { p: 'gros con{,s}', exact: true },
  { p: 'grosse vache', exact: true },
  { p: 'grosse conne', exact: true },
  { p: 'sale type', exact: true },
  { p: 'cas social', exact: true },
  { p: 'cas sociaux', exact: true },
  { p: 'grande gueule', exact: true },
  { p: 'fou furieux', exact: true },
  { p: 'pédé{,s}', exact: true, suggestion: SLUR },
  { p: 'gouine{,s}', exact: true, suggestion: SLUR },
  { p: 'tapette{,s}', exact: true, notProperNoun: true, suggestion: SLUR },
  { p: 'négro{,s}', exact: true, suggestion: SLUR },
  { p: 'bougnoul{e,es,}', exact: true, suggestion: SLUR },
  { p: 'bamboula{,s}', exact: true, suggestion: SLUR },
  { p: 'mongolien{,ne,s,nes}', exact: true, suggestion: SLUR },
  { p: 'romano{,s}', exact: true, suggestion: SLUR },
  { p: 'youpin{,e,s,es}', exact: true, suggestion: SLUR },
  { p: 'bicot{,s}', exact: true, suggestion: SLUR },
];
