/**
 * Political opinions and union membership (RGPD art. 9). "syndic" and "syndicat de copropriété" are housing words
 * and stay clean; only membership and militancy are flagged.
 */
import type { LexEntry } from '../lexicon.js';

export const OPINION: readonly LexEntry[] = [
  { p: 'syndiqu{é,ée,és,ées}' },
  { p: 'syndicaliste{,s}' },
  { p: 'syndical{,e,es}', notAfter: ['conseil'], window: 1 },
  { p: 'syndicaux' },
  { p: 'membre{,s} d un syndicat' },
  { p: 'CGT', upperOnly: true },
  { p: 'CFDT', upperOnly: true },
  { p: 'FO', upperOnly: true },
  { p: 'force ouvrière' },
  { p: 'militant{,e,s,es}' },
  { p: 'militantisme' },
  { p: 'communiste{,s}' },
  { p: 'socialiste{,s}' },
  { p: 'gauchiste{,s}' },
  { p: 'anarchiste{,s}' },
  { p: 'fasciste{,s}' },
  { p: 'facho{,s}' },
  { p: 'royaliste{,s}' },
  { p: 'nationaliste{,s}' },
  { p: 'extrême droite' },
  { p: 'extrême gauche' },
  { p: 'front national' },
  { p: 'rassemblement national' },
  { p: 'insoumis{,e,es}' },
  { p: 'gilet{,s} jaune{,s}' },
  { p: 'manifestant{,e,s,es}' },
  { p: 'politisé{,e,s,es}' },
  { p: 'engagé{,e,s,es} politiquement' },
  { p: 'engagement{,s} politique{,s}' },
  { p: 'opinion{,s} politique{,s}' },
  { p: 'conviction{,s} politique{,s}' },
  { p: 'idée{,s} politique{,s}' },
  { p: 'parti politique' },
  { p: 'vot{e,es,ent,ait} pour le' },
];
