/**
 * Judgements on the person's character or worth ("tempérament agressif et violent, très procédurier" was sanctioned
 * at Paris Habitat). A trait ("violent") is a judgement; violence reported as a fact ("violences conjugales") is in
 * infraction.ts. Words that are neutral about a situation ("situation instable", "présence de parasites") are
 * skipped through the context lists.
 */
import type { LexEntry } from '../lexicon.js';

const BEHAVIOUR =
  'Décrivez le comportement observé, daté, sans qualifier la personne (ex. « a haussé le ton et quitté l’entretien le 12/03 »).';
const STATEMENTS =
  'Indiquez l’écart constaté entre les déclarations et les pièces (ex. « l’avis d’imposition indique d’autres ressources »), sans qualifier la personne.';
const EFFORT =
  'Décrivez les démarches prévues et non réalisées, et les obstacles évoqués par la personne, sans qualifier la personne.';
const PARENTING = 'Décrivez les faits observés concernant l’enfant (dates, constats), sans jugement sur le parent.';
/** Nouns after which "instable" describes a situation, not a person. */
const SITUATION = [
  'situation',
  'emploi',
  'emplois',
  'logement',
  'hebergement',
  'revenus',
  'ressources',
  'contrat',
  'travail',
  'professionnelle',
  'financiere',
  'budget',
  'connexion',
  'internet',
  'reseau',
  'wifi',
  'meteo',
  'tres',
  'reste',
  'sante',
  'administrative',
];
const PEST = [
  'presence',
  'infestation',
  'traitement',
  'desinsectisation',
  'nuisibles',
  'cafards',
  'punaises',
  'contre',
];

export const JUGEMENT: readonly LexEntry[] = [
  { p: 'agressi{f,ve,fs,ves,vité}', suggestion: BEHAVIOUR },
  { p: 'violent{,e,s,es}', suggestion: BEHAVIOUR },
  { p: 'tempérament', suggestion: BEHAVIOUR },
  { p: 'caractériel{,le,s,les}', suggestion: BEHAVIOUR },
  { p: 'mauvais caractère', suggestion: BEHAVIOUR },
  { p: 'caractère difficile', suggestion: BEHAVIOUR },
  { p: 'difficile{,s} à vivre', suggestion: BEHAVIOUR },
  { p: 'colérique{,s}', suggestion: BEHAVIOUR },
  { p: 'impulsi{f,ve,fs,ves}', suggestion: BEHAVIOUR },
  { p: 'lunatique{,s}', suggestion: BEHAVIOUR },
  { p: 'querelleu{r,se,rs,ses}', suggestion: BEHAVIOUR },
  { p: 'hystérique{,s}', suggestion: BEHAVIOUR },
  { p: 'instable{,s}', notAfter: SITUATION, window: 5, suggestion: BEHAVIOUR },
  { p: 'ingérable{,s}', suggestion: BEHAVIOUR },
  { p: 'insupportable{,s}', suggestion: BEHAVIOUR },
  { p: 'arrogan{t,te,ts,tes,ce}', suggestion: BEHAVIOUR },
  { p: 'insolen{t,te,ts,tes,ce}', suggestion: BEHAVIOUR },
  { p: 'hautain{,e,s,es}', suggestion: BEHAVIOUR },
  { p: 'odieu{x,se,ses}', suggestion: BEHAVIOUR },
  { p: 'pervers{,e,es}', suggestion: BEHAVIOUR },
  { p: 'sournois{,e,es}', suggestion: BEHAVIOUR },
  { p: 'vicieu{x,se,ses}', suggestion: BEHAVIOUR },
  { p: 'bizarre{,s}', suggestion: BEHAVIOUR },
  { p: 'louche{,s}', suggestion: BEHAVIOUR },
  {
    p: 'toxique{,s}',
    notAfter: ['produit', 'produits', 'substance', 'substances', 'gaz', 'fumees', 'moisissures'],
    window: 1,
    suggestion: BEHAVIOUR,
  },
  {
    p: 'procédur{ier,ière,iers,ières}',
    suggestion: 'Indiquez les démarches ou recours engagés, avec leurs dates, sans qualifier la personne.',
  },
  {
    p: 'revendicati{f,ve,fs,ves}',
    suggestion: 'Notez la demande exprimée et la réponse apportée, sans qualifier la personne.',
  },
  { p: 'manipulat{eur,rice,eurs,rices}', suggestion: STATEMENTS },
  { p: 'menteu{r,se,rs,ses}', suggestion: STATEMENTS },
  { p: 'mytho{,s}', suggestion: STATEMENTS },
  { p: 'mythoman{e,es,ie}', suggestion: STATEMENTS },
  { p: 'il ment', suggestion: STATEMENTS },
  { p: 'elle ment', suggestion: STATEMENTS },
  { p: 'malhonnête{,s}', suggestion: STATEMENTS },
  { p: 'de mauvaise foi', suggestion: STATEMENTS },
  { p: 'affabul{e,ent,atrice,ateur,ation}', suggestion: STATEMENTS },
  { p: 'fainéant{,e,s,es}', suggestion: EFFORT },
  { p: 'feignant{,e,s,es}', suggestion: EFFORT },
  { p: 'faignant{,e,s,es}', suggestion: EFFORT },
  { p: 'flemmard{,e,s,es}', suggestion: EFFORT },
  { p: 'flemard{,e,s,es}', suggestion: EFFORT },
  { p: 'paresseu{x,se,ses}', suggestion: EFFORT },
  { p: 'aucune volonté', suggestion: EFFORT },
  { p: 'mauvaise volonté', suggestion: EFFORT },
  { p: 'ne fait aucun effort', suggestion: EFFORT },
  { p: 'ne fait rien pour s en sortir', suggestion: EFFORT },
  { p: 'incapable{,s}', notBefore: ['de', 'd'], window: 1, suggestion: EFFORT },
  { p: 'irresponsable{,s}', suggestion: EFFORT },
  { p: 'immature{,s}', suggestion: EFFORT },
  { p: 'bon{,ne,s,nes} à rien', suggestion: EFFORT },
  { p: 'parasite{,s}', notAfter: PEST, window: 3, suggestion: EFFORT },
  { p: 'profiteu{r,se,rs,ses}', suggestion: EFFORT },
  { p: 'profite du système', suggestion: EFFORT },
  { p: 'profite des aides', suggestion: EFFORT },
  { p: 'un assisté', suggestion: EFFORT },
  { p: 'une assistée', suggestion: EFFORT },
  { p: 'mentalité d assisté{,e,s,es}', suggestion: EFFORT },
  { p: 'négligen{t,te,ts,tes,ce,ces}', suggestion: PARENTING },
  { p: 'laxis{te,tes,me}', suggestion: PARENTING },
  { p: 'démissionnaire{,s}', suggestion: PARENTING },
  { p: 'mauvais{,e,es} m{ère,ères}', suggestion: PARENTING },
  { p: 'mauvais{,e,es} p{ère,ères}', suggestion: PARENTING },
  {
    p: 'sale{,s}',
    exact: true,
    notProperNoun: true,
    suggestion:
      'Décrivez le constat matériel utile au suivi (ex. « logement encombré, évier bouché »), sans qualifier la personne.',
  },
  { p: 'crasseu{x,se,ses}', suggestion: 'Décrivez le constat matériel utile au suivi, sans qualifier la personne.' },
  { p: 'négligé{,e,s,es}', suggestion: 'Décrivez le constat matériel utile au suivi, sans qualifier la personne.' },
  { p: 'sent mauvais', suggestion: 'Supprimez cette remarque sur la personne.' },
  { p: 'sent le tabac', suggestion: 'Supprimez cette remarque sur la personne.' },
  { p: 'sent la cave', suggestion: 'Supprimez cette remarque sur la personne.' },
];
