/**
 * Offences, violence, convictions and criminal procedure (RGPD art. 10; "violences conjugales" was sanctioned at
 * Paris Habitat). Violence the person reports having suffered is still flagged, with a message asking for the
 * structured section and attributed wording ("selon ses déclarations"): it is sensitive, but not a judgement.
 * Housing words stay clean ("porte condamnée", "vol annulé", "loyer impayé").
 */
import type { LexEntry } from '../lexicon.js';

const VICTIM =
  'Violences déclarées : information sensible. Utilisez la section structurée (violences, protection) et une formulation attribuée et datée : « selon ses déclarations du 12/03, Madame indique… », sans qualifier l’auteur.';
const JUSTICE =
  'Ne recopiez pas d’antécédents judiciaires ; notez seulement la contrainte utile au suivi (ex. « indisponible jusqu’au 15/06 »), attribuée et datée.';
const DOOR = [
  'porte',
  'portes',
  'fenetre',
  'fenetres',
  'acces',
  'issue',
  'ascenseur',
  'logement',
  'piece',
  'chambre',
  'cuisine',
  'entree',
];
const FLIGHT_AFTER = ['pour', 'vers', 'aller', 'retour', 'direct', 'annule', 'retarde', 'de', 'du'];

export const INFRACTION: readonly LexEntry[] = [
  { p: 'violence{,s}', suggestion: VICTIM },
  { p: 'violences conjugales', suggestion: VICTIM },
  { p: 'violences intrafamiliales', suggestion: VICTIM },
  { p: 'violent{é,ée,és,ées,er}', suggestion: VICTIM },
  { p: 'femme{,s} battue{,s}', suggestion: VICTIM },
  { p: 'battu{,e,s,es}', notAfter: ['sont', 'se'], window: 1, suggestion: VICTIM },
  { p: 'coups et blessures' },
  { p: 'agression{,s}', suggestion: VICTIM },
  { p: 'agress{é,ée,és,ées,er,eur,eurs}', suggestion: VICTIM },
  { p: 'viol{,s}', exact: true, suggestion: VICTIM },
  { p: 'violé{,e,s,es}', exact: true, suggestion: VICTIM },
  { p: 'abus sexuel{,s}', suggestion: VICTIM },
  { p: 'violences sexuelles', suggestion: VICTIM },
  { p: 'attouchement{,s}', suggestion: VICTIM },
  { p: 'inceste{,s}', suggestion: VICTIM },
  { p: 'pédophil{e,es,ie}' },
  { p: 'maltraitance{,s}', suggestion: VICTIM },
  { p: 'maltrait{é,ée,és,ées,er,e,ent}', suggestion: VICTIM },
  { p: 'harcèlement{,s}', suggestion: VICTIM },
  { p: 'harcel{é,ée,és,ées,er,le,lent}', suggestion: VICTIM },
  { p: 'harcèle{,nt}', suggestion: VICTIM },
  { p: 'menace{,s} de mort', suggestion: VICTIM },
  { p: 'ordonnance de protection', suggestion: VICTIM },
  { p: 'plainte{,s}' },
  { p: 'main{,s} courante{,s}' },
  { p: 'garde{,s} à vue' },
  { p: 'GAV', upperOnly: true },
  { p: 'interpell{é,ée,és,ées,ation,ations}' },
  { p: 'incarcér*', suggestion: JUSTICE },
  { p: 'emprisonn*', suggestion: JUSTICE },
  { p: 'prison{,s}', suggestion: JUSTICE },
  { p: 'détenu{,e,s,es}', suggestion: JUSTICE },
  { p: 'détention', suggestion: JUSTICE },
  { p: 'maison d arrêt', suggestion: JUSTICE },
  { p: 'centre pénitentiaire', suggestion: JUSTICE },
  { p: 'pénitentiaire{,s}', suggestion: JUSTICE },
  { p: 'écrou{é,ée,és,ées}', suggestion: JUSTICE },
  { p: 'casier{,s} judiciaire{,s}', suggestion: JUSTICE },
  { p: 'condamn{é,ée,és,ées,ation,ations,er}', notAfter: DOOR, window: 3, suggestion: JUSTICE },
  { p: 'sursis', suggestion: JUSTICE },
  { p: 'bracelet électronique', suggestion: JUSTICE },
  { p: 'tribunal correctionnel', suggestion: JUSTICE },
  { p: 'comparution immédiate', suggestion: JUSTICE },
  { p: 'mis{,e,es} en examen', suggestion: JUSTICE },
  { p: 'travail d intérêt général', suggestion: JUSTICE },
  { p: 'TIG', upperOnly: true, suggestion: JUSTICE },
  { p: 'perquisition{,s}' },
  { p: 'délinqu{ant,ante,ants,antes,ance}' },
  { p: 'délit{,s}' },
  { p: 'crime{,s}' },
  { p: 'criminel{,le,s,les}' },
  { p: 'vol{,s}', exact: true, notBefore: FLIGHT_AFTER, notAfter: ['billet', 'billets', 'avion'], window: 1 },
  { p: 'a volé' },
  { p: 'aurait volé' },
  { p: 'ont volé' },
  { p: 'voleu{r,se,rs,ses}' },
  { p: 'cambriol{age,ages,é,ée,eur,eurs}' },
  { p: 'trafic{,s}' },
  { p: 'trafiqu{ant,ante,ants,antes}' },
  { p: 'dealer{,s}' },
  { p: 'dealeur{,s}' },
  { p: 'deal{,e,s}', exact: true },
  { p: 'stupéfiant{,s}' },
  { p: 'recel' },
  { p: 'escroc{,s}' },
  { p: 'escroquerie{,s}' },
  { p: 'arnaqu{e,es,é,ée,er}' },
  { p: 'fraud{e,es,eur,euse,eurs,euses,é,ée,er}' },
  { p: 'braquage{,s}' },
  { p: 'racket{,s}' },
  {
    p: 'travail au noir',
    suggestion:
      'Renseignez les ressources dans la section Ressources, sans qualifier pénalement (« ressources non déclarées selon ses dires »).',
  },
  {
    p: 'travaill{e,ait,ent} au noir',
    suggestion:
      'Renseignez les ressources dans la section Ressources, sans qualifier pénalement (« ressources non déclarées selon ses dires »).',
  },
];
