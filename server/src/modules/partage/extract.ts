import {
  ENTRY_TYPE_LABELS,
  LEGAL_GROUNDS,
  canReadSensitiveSection,
  canReadShares,
  isSensitiveShareSection,
  labelOf,
  shareableSectionLabel,
  type EntryType,
  type LegalGround,
  type ShareableSection,
} from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { motifLabels } from '../journal/index.js';
import { openSectionsForExport } from '../sections/index.js';
import { displayName, loadUsagerFile, type UsagerFile, type UsagerRow } from '../usagers/index.js';
import { renderExtractPdf, type ExtractDocument, type ExtractSection } from './extract-pdf.js';
import { findSectionOpeners, findShare, journalForExtract } from './queries.js';

const fr = (d: Date | string | null): string =>
  d ? new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' }).format(new Date(d)) : '—';
const day = (d: string | null): string => (d ? d.split('-').reverse().join('/') : '—');
const v = (s: string | null | undefined): string => (s && s.trim() ? s : '—');

type Referents = UsagerFile['referents'];
type Members = NonNullable<UsagerFile['members']>;
type Journal = Awaited<ReturnType<typeof journalForExtract>>;
type Sensitive = Awaited<ReturnType<typeof openSectionsForExport>>;

/** One section of the file, built only when it is part of the share: a section not shared is never read into the PDF. */
function sectionOf(
  s: ShareableSection,
  row: UsagerRow,
  load: {
    referents: Referents;
    members: Members;
    journal: Journal;
    motifs: Map<string, string>;
    sensitive: Sensitive;
    hidden: ReadonlySet<string>;
  },
): ExtractSection {
  const label = shareableSectionLabel(s);
  if (load.hidden.has(s)) return { label, rows: [['Section', 'réservée aux référents et à qui l’a ouverte']] };
  if (isSensitiveShareSection(s)) {
    const opened = load.sensitive.find((x) => x.section === s);
    return {
      label,
      rows: opened
        ? opened.lines.map((l) => [l.label, l.value])
        : [['Section', 'fermée depuis le partage : rien à joindre']],
    };
  }
  switch (s) {
    case 'identity':
      return {
        label,
        rows: [
          ['Nom de naissance', row.birth_name],
          ['Nom d’usage', v(row.used_name)],
          ['Prénoms', row.first_names],
          ['Sexe', v(labelOf('sexe', row.sex))],
          ['Date de naissance', day(row.birth_date)],
          ['Lieu de naissance', v(row.birth_place)],
        ],
      };
    case 'contact':
      return {
        label,
        rows: [
          ['Téléphone', v(row.phone)],
          ['Adresse électronique', v(row.email)],
          ['Adresse', v(row.address_line)],
          ['Code postal', v(row.postal_code)],
          ['Commune', v(row.city)],
          ['Domiciliation administrative', row.domiciliation ? `oui, ${v(row.domiciliation_organism)}` : 'non'],
        ],
      };
    case 'identifiers':
      return {
        label,
        rows: [
          ['N° allocataire CAF', v(row.caf_number)],
          ['Identifiant France Travail', v(row.france_travail_id)],
        ],
      };
    case 'situation':
      return {
        label,
        rows: [
          ['Nationalité', v(labelOf('nationalite', row.nationality))],
          ['Situation conjugale', v(labelOf('situationConjugale', row.marital_status))],
          ['Statut professionnel', v(labelOf('statutProfessionnel', row.employment_status))],
          ['Activité (CAF)', v(labelOf('activiteCaf', row.caf_activity))],
          ['Niveau de scolarité', v(labelOf('niveauScolarite', row.education_level))],
        ],
      };
    case 'household':
      return {
        label,
        rows: [
          ['Statut d’occupation', v(labelOf('logementStocd', row.housing_status))],
          ['Nature du logement', v(labelOf('logementNatlog', row.housing_nature))],
          ['Contexte familial', v(labelOf('contexteFamilial', row.family_type))],
        ],
      };
    case 'members':
      return {
        label,
        table: {
          head: ['Nom, prénoms', 'Naissance', 'Lien', 'Arrivée', 'Départ'],
          rows: load.members.map((m) => [
            displayName(m),
            day(m.birth_date),
            v(labelOf('lienPersonneReference', m.relationship)),
            day(m.start_date),
            day(m.end_date),
          ]),
        },
      };
    case 'followUp': {
      const ref = load.referents.find((r) => r.kind === 'referent');
      return {
        label,
        rows: [
          ['Site', row.site_name],
          ['Équipe', v(row.team_name)],
          ['Référent·e', v(ref?.display_name)],
          [
            'Co-référent·e·s',
            v(
              load.referents
                .filter((r) => r.kind === 'co_referent')
                .map((r) => r.display_name)
                .join(', '),
            ),
          ],
          ['Statut', row.status === 'clos' ? 'Clos' : 'Actif'],
          ['Ouverture', fr(row.opened_at)],
          ['Dernier contact', fr(row.last_contact_at)],
          ['Motif de clôture', v(row.closing_reason)],
        ],
      };
    }
    case 'journal':
      return {
        label,
        note: 'Dates, types et motifs des entrées ; les notes ne sont jamais jointes à un extrait.',
        table: {
          head: ['Date', 'Type', 'Motifs'],
          rows: load.journal.map((e) => [
            fr(e.occurred_at),
            ENTRY_TYPE_LABELS[e.type as EntryType] ?? e.type,
            e.motifs.map((m) => load.motifs.get(m) ?? m).join(', ') || '—',
          ]),
        },
      };
  }
}

/**
 * The PDF extract of a share: the share's own record, then only the sections shared. Like any read of the file, it is
 * logged (access log, part `full`); the share itself was audited when recorded.
 */
export async function shareExtractPdf(
  ctx: Ctx,
  fileId: string,
  shareId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const target = await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadShares);
  const share = await findShare(ctx.db, fileId, shareId);
  const sections = (share?.sections ?? []) as ShareableSection[];
  const needs = new Set(sections);
  // The file with the parts the share carries, nothing more (docs/architecture.md, "The file, assembled once").
  const file = await loadUsagerFile(ctx.db, fileId, {
    referents: needs.has('followUp'),
    members: needs.has('members'),
  });
  if (!share || !file) throw notFound('Partage');
  const { row, referents } = file;
  const members = file.members ?? [];
  // A sensitive section is read into the extract only for who reads it on the file (référents, its opener, a
  // motivated access): docs/security.md, "Access: read vs write, relations".
  const openers = await findSectionOpeners(ctx.db, fileId, sections.filter(isSensitiveShareSection));
  const hidden = new Set(
    [...openers].filter(([, by]) => !canReadSensitiveSection(ctx.actor, target, { openedById: by })).map(([s]) => s),
  );
  const sensitiveShared = sections.filter(isSensitiveShareSection).filter((s) => !hidden.has(s));
  const [journal, motifs, sensitive] = await Promise.all([
    needs.has('journal') ? journalForExtract(ctx.db, fileId) : Promise.resolve([]),
    needs.has('journal') ? motifLabels(ctx.db) : Promise.resolve(new Map<string, string>()),
    openSectionsForExport(ctx.db, fileId, sensitiveShared),
  ]);
  const doc: ExtractDocument = {
    title: `Extrait du dossier n° ${row.file_number}`,
    meta: [
      ['Destinataire', [share.recipient_name, share.recipient_organisation].filter(Boolean).join(', ')],
      ['Fondement', LEGAL_GROUNDS[share.legal_ground as LegalGround] ?? share.legal_ground],
      ['Date du partage', day(share.shared_on)],
      ['Personne informée', share.person_informed ? 'oui' : `non : ${v(share.not_informed_reason)}`],
      ['Sections partagées', sections.map(shareableSectionLabel).join(', ')],
      ['Enregistré par', share.created_by_name],
    ],
    sections: sections.map((s) => sectionOf(s, row, { referents, members, journal, motifs, sensitive, hidden })),
    footer:
      'Informations couvertes par le secret professionnel, partagées dans la limite de ce qui est strictement nécessaire (CASF L121-6-2, L226-2-2 ; CSP L1110-4). Ne pas transmettre à un tiers.',
  };
  await logAccess(ctx.db, ctx, fileId, 'full');
  // A sensitive section read into the extract leaves its own trace, as when it is read on the file.
  for (const s of sensitive) await logAccess(ctx.db, ctx, fileId, `section_${s.section}`);
  return { pdf: await renderExtractPdf(doc, ctx.now), fileName: `extrait-${row.file_number}-${share.shared_on}.pdf` };
}
