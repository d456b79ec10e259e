import {
  canDownloadSiteReport,
  csvNotes,
  PRIMARY_THRESHOLD,
  publishedValueText,
  SENSITIVE_THRESHOLD,
  type PublishedTable,
  type StatisticsFilter,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { findSite } from './queries.js';
import { monthLabel, indicatorTable } from './service.js';
import { teamTable, waitingTime } from './views.js';
import { openPdf } from '../../lib/pdf.js';

/**
 * The yearly "rapport d'activité" of a site, as a real PDF (pdfkit). Every figure comes from indicatorTable /
 * teamTable / waitingTime, the same published objects as the page and the CSV: a count hidden on screen is hidden here.
 */
const BLUE = '#000091';
const GREY = '#666666';
const POPULATION = [
  'trancheAge',
  'sexe',
  'contexteFamilial',
  'logementStocd',
  'statutProfessionnel',
  'niveauScolarite',
  'domiciliation',
];
/** The aid applications (FSL and Paris optional aids): dépôts, decisions, outcomes and amounts, delays. */
const AIDS = ['aidesDemandes', 'aidesDecisions', 'aidesIssues', 'aidesDelais'];
const ACTIVITY = [
  'ouvertures',
  'clotures',
  'entreesParType',
  'entreesParMotif',
  'visitesDomicile',
  'orientationsParPartenaire',
  'rendezVousParStatut',
];

export async function siteReportPdf(
  ctx: Ctx,
  siteId: string,
  year: number,
  currentMonth: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const site = await findSite(ctx.db, siteId);
  if (!site || !canDownloadSiteReport(ctx.actor, siteId)) throw notFound('Site');
  if (`${year}-01` > currentMonth) throw notFound('Rapport');
  // The calendar year, a published period: the same figures as the statistics page (months to come count nothing).
  const filter: StatisticsFilter = {
    fromMonth: `${year}-01`,
    toMonth: `${year}-12`,
    from: `${year}-01-01`,
    toExclusive: `${year + 1}-01-01`,
    siteIds: [siteId],
    arrondissements: [],
    key: '',
  };
  const table = (indicator: string) =>
    indicatorTable(ctx, { indicator, groupBy: null, category: null, compare: false, filter });

  const { pdf: doc, finished: done } = openPdf({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Rapport d’activité ${year} — ${site.name}`,
      Author: 'Jalon',
      Subject: 'Statistiques protégées par le secret statistique',
    },
  });

  doc.fillColor(BLUE).fontSize(20).text(`Rapport d’activité ${year}`, { align: 'left' });
  doc.fontSize(14).text(site.name);
  doc
    .moveDown(0.5)
    .fillColor(GREY)
    .fontSize(9)
    .text(
      `Période : ${monthLabel(filter.fromMonth)} à ${monthLabel(filter.toMonth)}. Population : usagers suivis au dernier jour de la période. Activité : cumul de la période.`,
    )
    .text(
      `Aucun effectif n’est ventilé par professionnel. Les effectifs inférieurs à ${PRIMARY_THRESHOLD} (${SENSITIVE_THRESHOLD} pour les variables sensibles) sont masqués, ainsi que ceux qui permettraient de les recalculer.`,
    );

  heading(doc, 'Population suivie');
  for (const id of POPULATION) {
    const t = await table(id);
    section(doc, t.indicator.label, t.table, t.labels.cols);
  }
  heading(doc, 'Activité');
  for (const id of ACTIVITY) {
    const t = await table(id);
    section(doc, t.indicator.label, t.table, t.labels.cols);
  }
  heading(doc, 'Aides financières (FSL et aides facultatives de Paris)');
  for (const id of AIDS) {
    const t = await table(id);
    section(doc, t.indicator.label, t.table, t.labels.cols);
  }
  const wait = await waitingTime(ctx, filter);
  heading(doc, 'Délai entre l’ouverture du dossier et le premier entretien');
  doc
    .fillColor('black')
    .fontSize(10)
    .text(
      wait.medianDays === null
        ? `Nombre de premiers entretiens non diffusé (secret statistique) : délai non diffusé.`
        : `Médiane : ${wait.medianDays} jours. 90 % des personnes reçues en ${wait.p90Days} jours au plus (${publishedValueText(wait.persons, wait.threshold)} premiers entretiens).`,
    );
  // The team table is a breakdown of the caller's whole scope: the site's responsable has it; for the admin, whose
  // scope is every site, a site's teams are not a published breakdown (docs/adr/009-statistics-disclosure-control.md).
  if (ctx.actor.role === 'responsable') {
    const teams = await teamTable(ctx, { ...filter, siteIds: [] });
    section(doc, 'Dossiers actifs par équipe (équipes d’au moins 5 professionnels)', teams.table, teams.labels.cols);
  }

  heading(doc, 'Lecture des tableaux');
  doc.fillColor(GREY).fontSize(9);
  for (const n of csvNotes(PRIMARY_THRESHOLD)) doc.text(n);
  doc.end();
  return { pdf: await done, filename: `rapport-activite-${site.code}-${year}.pdf` };
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > 700) doc.addPage();
  doc.moveDown(1).fillColor(BLUE).fontSize(14).text(text);
  doc
    .moveTo(50, doc.y + 2)
    .lineTo(545, doc.y + 2)
    .strokeColor(BLUE)
    .lineWidth(1)
    .stroke();
  doc.moveDown(0.5);
}

/** A one-way published table as two columns; suppressed values worded as on screen. */
function section(doc: PDFKit.PDFDocument, title: string, p: PublishedTable, cols: Record<string, string>) {
  if (doc.y > 680) doc.addPage();
  doc.moveDown(0.4).fillColor('black').fontSize(11).font('Helvetica-Bold').text(title).font('Helvetica').fontSize(9);
  if (p.status === 'withheld') {
    doc.fillColor(GREY).text(`Tableau non diffusé. ${p.reason}`);
    return;
  }
  const rows: [string, string][] = p.cols.map((c, j) => [
    cols[c] ?? c,
    publishedValueText(p.cells[0]![j]!, p.threshold),
  ]);
  rows.push(['Total', publishedValueText(p.grandTotal, p.threshold)]);
  for (const [label, value] of rows) {
    if (doc.y > 780) doc.addPage();
    const y = doc.y;
    doc.fillColor(label === 'Total' ? BLUE : 'black').text(label, 60, y, { width: 380 });
    doc.text(value, 440, y, { width: 100, align: 'right' });
    doc.x = 50;
  }
}
