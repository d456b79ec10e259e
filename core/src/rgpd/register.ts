import { FIELD_CATALOGUE, SECTIONS, fieldsOf, type CatalogueField, type SectionId } from './field-catalogue.js';
import {
  CONTROLLER,
  DATA_CATEGORIES,
  LEGAL_BASES,
  ON_ANONYMISATION,
  PURPOSES,
  READERS,
  RECIPIENTS,
  RETENTION_RULES,
  SECURITY_MEASURES,
  type DataCategory,
  type LegalBasis,
  type Purpose,
  type Readers,
} from './vocabulary.js';

/**
 * The RGPD art. 30 register entry and the AIPD data inventory, built from the field catalogue only, so they never
 * drift from the code. One neutral document model; the server renders it as Markdown (here) or PDF (pdfkit).
 */

export type RegisterBlock =
  | { kind: 'h1' | 'h2' | 'h3'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; widths: number[] };

export interface RegisterDocument {
  title: string;
  blocks: RegisterBlock[];
}

const SHORT_PURPOSE: Record<Purpose, string> = {
  accompagnement: 'Accompagnement',
  aides: 'Aides',
  partage: 'Partage',
  statistiques: 'Statistiques',
  securite: 'Sécurité',
};
const SHORT_BASIS: Record<LegalBasis, string> = {
  mission: 'Art. 6-1-e',
  obligation: 'Art. 6-1-c',
  art9_social: 'Art. 9-2-h',
  art9_public: 'Art. 9-2-g',
};
const SHORT_READERS: Record<Readers, string> = {
  general: 'Agents du site',
  full: 'Équipe du dossier',
  note: 'Auteur, référents (équipe si choisi)',
  sensitive: 'Référents, sur motif',
};
const SHORT_CATEGORY: Record<DataCategory, string> = {
  identification: 'Identification',
  situation_familiale: 'Situation familiale',
  logement: 'Logement',
  vie_professionnelle: 'Vie professionnelle',
  ressources: 'Ressources',
  sante: 'Santé (art. 9)',
  difficultes_sociales: 'Difficultés sociales',
  infractions: 'Infractions (art. 10)',
  nir: 'NIR',
};

const fieldRow = (f: CatalogueField): string[] => [
  f.label,
  SHORT_CATEGORY[f.category],
  f.mandatory ? 'Oui' : 'Non',
  f.purposes.map((p) => SHORT_PURPOSE[p]).join(', '),
  f.legalBasis.map((b) => SHORT_BASIS[b]).join(', '),
  ON_ANONYMISATION[f.onAnonymisation],
  SHORT_READERS[f.readers],
];

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function categorySummary(): string[][] {
  return (Object.keys(DATA_CATEGORIES) as DataCategory[]).map((c) => {
    const fields = FIELD_CATALOGUE.filter((f) => f.category === c);
    const { label, article } = DATA_CATEGORIES[c];
    return [
      article ? `${label} (${article})` : label,
      fields.length ? String(fields.length) : '0',
      fields.length ? uniq(fields.map((f) => SECTIONS[f.section].label)).join(', ') : 'Non collectée : aucun champ',
    ];
  });
}

/** `today` is a Paris calendar date (aaaa-mm-jj), passed in so the document is reproducible. */
export function buildRegister(today: string): RegisterDocument {
  const usedBases = uniq(FIELD_CATALOGUE.flatMap((f) => f.legalBasis));
  const sections = Object.keys(SECTIONS) as SectionId[];
  const blocks: RegisterBlock[] = [
    { kind: 'h1', text: 'Registre des activités de traitement et inventaire des données' },
    {
      kind: 'p',
      text: `Généré le ${today.split('-').reverse().join('/')} à partir du catalogue des champs de Jalon : ce document décrit exactement les données que l’application collecte.`,
    },
    { kind: 'h2', text: '1. Fiche de registre (RGPD art. 30)' },
    {
      kind: 'table',
      widths: [1, 3],
      head: ['Rubrique', 'Contenu'],
      rows: [
        ['Responsable du traitement', CONTROLLER.name],
        ['Traitement', CONTROLLER.processing],
        ['Délégué·e à la protection des données', 'DPO de la Ville de Paris (rôle « dpo » dans Jalon)'],
        ['Catégories de personnes', CONTROLLER.persons],
        ['Transferts', CONTROLLER.transfers],
        ['Cadre', CONTROLLER.framework],
      ],
    },
    { kind: 'h3', text: 'Finalités' },
    { kind: 'list', items: Object.values(PURPOSES) },
    { kind: 'h3', text: 'Bases légales' },
    { kind: 'list', items: usedBases.map((b) => LEGAL_BASES[b]) },
    { kind: 'h3', text: 'Catégories de données' },
    { kind: 'table', widths: [2, 1, 3], head: ['Catégorie', 'Champs', 'Sections'], rows: categorySummary() },
    { kind: 'h3', text: 'Destinataires' },
    {
      kind: 'table',
      widths: [1, 2],
      head: ['Destinataire', 'Données accessibles'],
      rows: RECIPIENTS.map((r) => [r.who, r.what]),
    },
    { kind: 'h3', text: 'Durées de conservation' },
    { kind: 'list', items: Object.values(RETENTION_RULES) },
    { kind: 'h3', text: 'Mesures de sécurité' },
    { kind: 'list', items: [...SECURITY_MEASURES] },
    { kind: 'h2', text: '2. Inventaire des données pour l’AIPD (par champ)' },
    { kind: 'p', text: `Accès : ${Object.values(READERS).join(' ; ')}.` },
  ];
  for (const s of sections) {
    const fields = fieldsOf(s);
    if (!fields.length) continue;
    const { label, optional } = SECTIONS[s];
    blocks.push({
      kind: 'h3',
      text: optional ? `${label} — section facultative, fermée par défaut, ouverte sur motif` : label,
    });
    blocks.push({
      kind: 'p',
      text: `Conservation : ${uniq(fields.map((f) => RETENTION_RULES[f.retention])).join(' ; ')}.`,
    });
    blocks.push({
      kind: 'table',
      widths: [3, 2, 1, 2, 1.4, 1.8, 2],
      head: ['Champ', 'Catégorie', 'Obligatoire', 'Finalités', 'Base légale', 'Après anonymisation', 'Accès'],
      rows: fields.map(fieldRow),
    });
  }
  blocks.push(
    { kind: 'h2', text: '3. Journaux de sécurité' },
    {
      kind: 'list',
      items: [
        'Journal d’audit : auteur, rôle, date, action, dossier, champs modifiés (valeurs personnelles masquées).',
        'Journal des consultations : agent, rôle, site, date, dossier, partie consultée.',
        `Finalité : ${PURPOSES.securite} ; jamais l’évaluation des agents.`,
        `Conservation : ${RETENTION_RULES.journaux}.`,
        'Accès : le DPO seul, avec un motif lui-même journalisé ; les référents voient les consultations de leurs dossiers.',
      ],
    },
  );
  return { title: 'Registre des traitements — Jalon', blocks };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function registerToMarkdown(doc: RegisterDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'p') out.push(b.text, '');
    else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${i}`), '');
    else if (b.kind !== 'table') out.push(`${'#'.repeat(Number(b.kind[1]))} ${b.text}`, '');
    else
      out.push(
        `| ${b.head.map(cell).join(' | ')} |`,
        `|${b.head.map(() => '---').join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
