import type { AccessExportDto, CodedValue } from '@jalon/core';
import { openPdf } from '../../lib/pdf.js';

/** DSFR colours: bleu France for headings, grey for table headers. */
const BLUE = '#000091';
const GREY = '#EEEEEE';
const TEXT = '#161616';

const paris = (iso: string, withTime = true) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(iso));
const day = (d: string | null) => (d ? d.split('-').reverse().join('/') : '—');
const label = (v: CodedValue | null) => (v ? (v.label ?? v.code) : '—');
const or = (v: string | null | undefined) => (v && v.trim() ? v : '—');

/**
 * The access export as a readable French A4 PDF (pdfkit, standard Helvetica: French accents are in WinAnsi):
 * headings in bleu France, one section per part of the file, the consultations and shares as tables.
 */
export function accessExportToPdf(x: AccessExportDto): Promise<Buffer> {
  const f = x.file;
  const { pdf, finished: done } = openPdf({
    size: 'A4',
    margin: 48,
    lang: 'fr-FR',
    info: {
      Title: `Vos données — dossier ${f.fileNumber}`,
      Author: 'Jalon',
      Subject: 'Droit d’accès (RGPD art. 15)',
      CreationDate: new Date(x.generatedAt),
    },
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const h = (text: string, size = 13) => {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 90) pdf.addPage();
    pdf
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor(BLUE)
      .text(text, left, pdf.y, { width })
      .moveDown(0.25);
  };
  const p = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
    pdf
      .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(opts.size ?? 10)
      .fillColor(TEXT)
      .text(text, left, pdf.y, { width });
  const fields = (rows: [string, string][]) => {
    for (const [k, v] of rows) {
      pdf
        .font('Helvetica-Bold')
        .fontSize(10)
        .fillColor(TEXT)
        .text(`${k} : `, left, pdf.y, { width, continued: true })
        .font('Helvetica')
        .text(v);
    }
  };
  const table = (head: string[], rows: string[][], widths: number[]) => {
    const total = widths.reduce((s, w) => s + w, 0);
    pdf.font('Helvetica').fontSize(8.5).fillColor(TEXT);
    pdf.table({
      position: { x: left, y: pdf.y },
      maxWidth: width,
      columnStyles: widths.map((w) => (w / total) * width),
      defaultStyle: { border: 0.5, borderColor: '#929292', padding: 3 },
      data: [
        head.map((t) => ({ text: t, backgroundColor: GREY, font: { family: 'Helvetica-Bold', size: 8.5 } })),
        ...rows,
      ],
    });
    pdf.x = left;
  };

  pdf.font('Helvetica-Bold').fontSize(20).fillColor(BLUE).text('Vos données personnelles', left, pdf.y, { width });
  p(`Dossier n° ${f.fileNumber} — document établi le ${paris(x.generatedAt)}`, { size: 11 });
  pdf.moveDown(0.4);
  p(x.scopeLabel, { bold: true, size: 10 });
  if (x.request)
    p(
      `Demande reçue le ${day(x.request.receivedOn)} (${x.request.requesterLabel.toLowerCase()}), réponse due avant le ${day(x.request.dueOn)}.`,
      { size: 9.5 },
    );
  p(
    (x.request
      ? 'Ce document répond à votre demande d’accès (règlement général sur la protection des données, article 15). Il contient ' +
        'toutes les informations que le service social enregistre à votre sujet, les notes des travailleurs sociaux comprises, '
      : 'Ce document reprend les informations de votre dossier que votre référent consulte, avec les notes qui lui sont accessibles. ' +
        'Pour recevoir l’ensemble de votre dossier, vous pouvez demander au service d’enregistrer une demande d’accès : le délégué ' +
        'à la protection des données y répond dans un délai d’un mois. Il indique aussi ') +
      'la liste des consultations de votre dossier (fonction, site et date) et les partages d’informations réalisés. ' +
      `Responsable du traitement : ${x.controller}. Vous pouvez demander la rectification d’une information inexacte ` +
      'auprès de votre travailleur social ou du délégué à la protection des données.',
    { size: 9.5 },
  );

  h('Identité');
  fields([
    ['Nom de naissance', f.person.birthName],
    ['Nom d’usage', or(f.person.usedName)],
    ['Prénoms', f.person.firstNames],
    ['Sexe', label(f.person.sex)],
    ['Date de naissance', day(f.person.birthDate)],
    ['Lieu de naissance', or(f.person.birthPlace)],
  ]);
  h('Coordonnées');
  const address = f.contact.domiciliation
    ? `Domiciliation administrative${f.contact.domiciliationOrganism ? ` : ${f.contact.domiciliationOrganism}` : ''}`
    : [f.contact.addressLine, [f.contact.postalCode, f.contact.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', ');
  fields([
    ['Téléphone', or(f.contact.phone)],
    ['Courriel', or(f.contact.email)],
    ['Adresse', or(address)],
  ]);
  h('Suivi');
  fields([
    ['Site', f.site.name],
    ['Équipe', or(f.team?.name)],
    ['Référent·e', or(f.referent?.displayName)],
    ['Co-référent·es', or(f.coReferents.map((c) => c.displayName).join(', '))],
    ['Dossier ouvert le', paris(f.openedAt, false)],
    ['État', f.status === 'actif' ? 'actif' : `clos${f.full.closingReason ? ` (${f.full.closingReason})` : ''}`],
  ]);
  h('Identifiants et situation');
  fields([
    ['N° allocataire CAF', or(f.full.identifiers.cafNumber)],
    ['Identifiant France Travail', or(f.full.identifiers.franceTravailId)],
    ['Nationalité', label(f.full.situation.nationality)],
    ['Situation conjugale', label(f.full.situation.maritalStatus)],
    ['Statut professionnel', label(f.full.situation.employmentStatus)],
    ['Activité (CAF)', label(f.full.situation.cafActivity)],
    ['Niveau de scolarité', label(f.full.situation.educationLevel)],
  ]);
  h('Logement et foyer');
  fields([
    ['Statut d’occupation', label(f.full.household.housingStatus)],
    ['Nature du logement', label(f.full.household.housingNature)],
    ['Contexte familial', label(f.full.household.familyType)],
  ]);
  pdf.moveDown(0.3);
  table(
    ['Membre du foyer', 'Lien', 'Naissance', 'Arrivée', 'Départ'],
    f.full.household.members.map((m) => [
      `${(m.usedName ?? m.birthName).toUpperCase()} ${m.firstNames}`,
      label(m.relationship),
      day(m.birthDate),
      day(m.startDate),
      day(m.endDate),
    ]),
    [3, 3, 1.4, 1.4, 1.4],
  );

  h('Sections complémentaires');
  if (!x.sections.length)
    p(
      'Aucune section complémentaire (séjour, langue, santé, enfance, rattachement) n’a été ouverte sur votre dossier.',
    );
  for (const sec of x.sections) {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 80) pdf.addPage();
    p(sec.label, { bold: true, size: 10.5 });
    p(`Ouverte le ${paris(sec.openedAt)} — motif : ${sec.reasonLabel} (${sec.reasonText})`, { size: 9 });
    fields(sec.lines.map((l) => [l.label, l.value]));
    pdf.moveDown(0.4);
  }

  h(`Journal du suivi (${x.journal.length} entrée${x.journal.length > 1 ? 's' : ''})`);
  if (!x.journal.length) p('Aucune entrée.');
  for (const e of x.journal) {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 60) pdf.addPage();
    const meta = [
      e.place,
      e.durationMinutes ? `${e.durationMinutes} min` : null,
      e.appointmentStatus,
      e.motifs.length ? `motifs : ${e.motifs.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
    p(`${paris(e.occurredAt)} — ${label(e.type)}`, { bold: true });
    if (meta) p(meta, { size: 9 });
    if (e.orientationReason)
      p(`Orientation : ${e.orientationReason}${e.orientationOutcome ? ` (suite : ${e.orientationOutcome})` : ''}`, {
        size: 9.5,
      });
    if (e.note) p(e.note, { size: 9.5 });
    pdf.moveDown(0.4);
  }

  h('Consultations de votre dossier');
  p(
    'Chaque ouverture de votre dossier est enregistrée. Le nom des agents n’est pas communiqué ici ; le délégué à la protection des données peut le vérifier.',
    { size: 9 },
  );
  pdf.moveDown(0.3);
  if (x.consultations.length)
    table(
      ['Date', 'Fonction', 'Site', 'Partie consultée'],
      x.consultations.map((c) => [paris(c.at), label(c.role), or(c.siteName), c.partLabel]),
      [1.6, 2.4, 2, 2],
    );
  else p('Aucune consultation enregistrée.');

  h('Partages d’informations');
  if (x.shares === null || x.shares.length === 0) p('Aucun partage d’informations n’a été enregistré.');
  else
    table(
      ['Date', 'Destinataire', 'Fondement', 'Informations partagées', 'Vous étiez informé·e'],
      x.shares.map((s) => [
        day(s.sharedOn),
        s.recipient,
        s.legalGround,
        s.sections.join(', '),
        s.personInformed ? 'oui' : 'non',
      ]),
      [1.2, 2.4, 2.4, 2.4, 1.2],
    );
  for (const part of x.parts) {
    h(part.title);
    for (const rows of part.items) {
      fields(rows.map((r) => [r.label, r.value]));
      pdf.moveDown(0.3);
    }
  }
  pdf.end();
  return done;
}
