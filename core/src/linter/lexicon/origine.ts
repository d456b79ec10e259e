/**
 * Nationality, ethnic origin, skin colour and irregular stay ("n'est pas de nationalité française" was sanctioned
 * at Paris Habitat, "situation irrégulière en France" in the CG Essonne file). Administrative wording the worker
 * needs ("titre de séjour", "récépissé", "préfecture") stays clean: it belongs in the structured field, and naming a
 * procedure is factual. A nationality word used for a language ("parle arabe", "entretien en anglais") is skipped.
 */
import type { LexEntry } from '../lexicon.js';

const ADMIN =
  'Renseignez le champ structuré Situation administrative (titre de séjour, date d’échéance) ; décrivez la démarche, pas le statut (ex. « dossier de régularisation déposé le 12/03 »).';
const COLOUR = 'Supprimez la couleur de peau : elle n’est jamais nécessaire à l’accompagnement.';
/** Words that turn a nationality word into a language. */
const LANGUAGE = ['parle', 'parlant', 'parler', 'langue', 'interprete', 'interpretariat', 'traduction', 'traduit', 'en', 'cours', 'ecrit', 'lit', 'chiffres'];

const NATIONALITIES = [
  'algérien{,ne,s,nes}', 'marocain{,e,s,es}', 'tunisien{,ne,s,nes}', 'maghrébin{,e,s,es}', 'malien{,ne,s,nes}',
  'sénégalais{,e,es}', 'ivoirien{,ne,s,nes}', 'congolais{,e,es}', 'camerounais{,e,es}', 'guinéen{,ne,s,nes}',
  'mauritanien{,ne,s,nes}', 'comorien{,ne,s,nes}', 'haïtien{,ne,s,nes}', 'chinois{,e,es}', 'roumain{,e,s,es}',
  'bulgare{,s}', 'turc{,s}', 'turque{,s}', 'kurde{,s}', 'afghan{,e,s,es}', 'syrien{,ne,s,nes}', 'tchétchène{,s}',
  'érythréen{,ne,s,nes}', 'soudanais{,e,es}', 'somalien{,ne,s,nes}', 'éthiopien{,ne,s,nes}', 'pakistanais{,e,es}',
  'bangladais{,e,es}', 'sri lankais{,e,es}', 'tamoul{,e,s,es}', 'ukrainien{,ne,s,nes}', 'russe{,s}',
  'géorgien{,ne,s,nes}', 'albanais{,e,es}', 'serbe{,s}', 'kosovar{,s,e,es}', 'portugais{,e,es}', 'espagnol{,e,s,es}',
  'italien{,ne,s,nes}', 'polonais{,e,es}', 'vietnamien{,ne,s,nes}', 'cambodgien{,ne,s,nes}', 'philippin{,e,s,es}',
  'brésilien{,ne,s,nes}', 'colombien{,ne,s,nes}', 'péruvien{,ne,s,nes}', 'égyptien{,ne,s,nes}', 'libyen{,ne,s,nes}',
  'nigérian{,e,s,es}', 'ghanéen{,ne,s,nes}', 'béninois{,e,es}', 'togolais{,e,es}', 'burkinabé{,e,s,es}',
  'nigérien{,ne,s,nes}', 'tchadien{,ne,s,nes}', 'centrafricain{,e,s,es}', 'gabonais{,e,es}', 'angolais{,e,es}',
  'rwandais{,e,es}', 'burundais{,e,es}', 'zaïrois{,e,es}', 'indien{,ne,s,nes}', 'iranien{,ne,s,nes}',
  'irakien{,ne,s,nes}', 'libanais{,e,es}', 'palestinien{,ne,s,nes}', 'arménien{,ne,s,nes}', 'moldave{,s}',
  'tchèque{,s}', 'hongrois{,e,es}', 'anglais{,e,es}', 'allemand{,e,s,es}', 'américain{,e,s,es}', 'mexicain{,e,s,es}',
  'cubain{,e,s,es}', 'capverdien{,ne,s,nes}', 'chilien{,ne,s,nes}', 'argentin{,e,s,es}', 'vénézuélien{,ne,s,nes}',
  'bolivien{,ne,s,nes}', 'équatorien{,ne,s,nes}', 'tibétain{,e,s,es}', 'népalais{,e,es}', 'coréen{,ne,s,nes}',
  'japonais{,e,es}', 'thaïlandais{,e,es}', 'laotien{,ne,s,nes}', 'malgache{,s}', 'mauricien{,ne,s,nes}',
  'djiboutien{,ne,s,nes}', 'yéménite{,s}', 'saoudien{,ne,s,nes}', 'jordanien{,ne,s,nes}', 'israélien{,ne,s,nes}',
  'biélorusse{,s}', 'lituanien{,ne,s,nes}', 'slovaque{,s}', 'croate{,s}', 'bosniaque{,s}', 'macédonien{,ne,s,nes}',
  'grec{,s}', 'grecque{,s}', 'belge{,s}', 'néerlandais{,e,es}', 'britannique{,s}', 'irlandais{,e,es}',
  'portoricain{,e,s,es}', 'sahraoui{,e,s,es}', 'africain{,e,s,es}', 'subsaharien{,ne,s,nes}', 'asiatique{,s}',
  'arabe{,s}', 'berbère{,s}', 'kabyle{,s}', 'gitan{,e,s,es}', 'tzigane{,s}', 'tsigane{,s}', 'manouche{,s}', 'yéniche{,s}',
];

export const ORIGINE: readonly LexEntry[] = [
  ...NATIONALITIES.map((p): LexEntry => ({ p, notAfter: LANGUAGE, window: 3 })),
  { p: 'rom{,s}', exact: true },
  { p: 'nationalité{,s}' },
  { p: 'originaire{,s}' },
  { p: 'pays d origine' },
  { p: 'ressortissant{,e,s,es}' },
  // "étranger" qualifies documents too ("permis étranger", "à l'étranger"): only the person is flagged
  { p: 'un étranger' },
  { p: 'une étrangère' },
  { p: 'est étrang{er,ère}' },
  { p: 'sont étrang{ers,ères}' },
  { p: 'origine étrangère' },
  { p: 'immigr{é,ée,és,ées,ation}' },
  { p: 'issu{,e,s,es} de l immigration' },
  { p: 'migrant{,e,s,es}' },
  { p: 'exilé{,e,s,es}' },
  { p: 'primo arrivant{,e,s,es}' },
  { p: 'ethni{e,es,que,ques}' },
  { p: 'gens du voyage' },
  { p: 'sans papiers', notBefore: ['d'], window: 1, suggestion: ADMIN },
  { p: 'clandestin{,e,s,es}', suggestion: ADMIN },
  { p: 'clandestinité', suggestion: ADMIN },
  { p: 'situation{,s} irrégulière{,s}', suggestion: ADMIN },
  { p: 'séjour{,s} irrégulier{,s}', suggestion: ADMIN },
  { p: 'irrégulièrement sur le territoire', suggestion: ADMIN },
  { p: 'OQTF', suggestion: ADMIN },
  { p: 'obligation de quitter le territoire', suggestion: ADMIN },
  { p: 'demandeu{r,se,rs,ses} d asile', suggestion: ADMIN },
  { p: 'débouté{,e,s,es} de l asile', suggestion: ADMIN },
  { p: 'débouté{,e,s,es} du droit d asile', suggestion: ADMIN },
  { p: 'réfugi{é,ée,és,ées}', notAfter: ['s', 'se'], suggestion: ADMIN },
  // Skin colour: only unambiguous phrases ("noir" alone is "travail au noir", "sac noir"…)
  { p: 'peau noire', suggestion: COLOUR },
  { p: 'peau blanche', suggestion: COLOUR },
  { p: 'peau mate', suggestion: COLOUR },
  { p: 'homme{,s} noir{,s}', suggestion: COLOUR },
  { p: 'femme{,s} noire{,s}', suggestion: COLOUR },
  { p: 'jeune{,s} noir{,e,s,es}', suggestion: COLOUR },
  { p: 'un noir', suggestion: COLOUR },
  { p: 'une noire', suggestion: COLOUR },
  { p: 'les noirs', suggestion: COLOUR },
  { p: 'homme{,s} de couleur', suggestion: COLOUR },
  { p: 'femme{,s} de couleur', suggestion: COLOUR },
  { p: 'personne{,s} de couleur', suggestion: COLOUR },
  { p: 'couleur de peau', suggestion: COLOUR },
  { p: 'métis{,se,ses}', suggestion: COLOUR },
  { p: 'black{,s}', notProperNoun: true, suggestion: COLOUR },
  { p: 'basané{,e,s,es}', suggestion: COLOUR },
  { p: 'beur{,s,ette,ettes}', notProperNoun: true, suggestion: COLOUR },
  { p: 'rebeu{,s}', suggestion: COLOUR },
  { p: 'renoi{,s}', suggestion: COLOUR },
];
