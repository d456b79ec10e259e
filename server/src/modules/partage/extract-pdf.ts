import { openPdf } from '../../lib/pdf.js';

export interface ExtractSection {
  label: string;
  note?: string;
  rows?: [string, string][];
  table?: { head: string[]; rows: string[][] };
}
export interface ExtractDocument {
  title: string;
  meta: [string, string][];
  sections: ExtractSection[];
  footer: string;
}

/** DSFR colours: bleu France for titles, grey for table headers. */
const BLUE = '#000091';
const GREY = '#EEEEEE';
const TEXT = '#161616';

/** Renders a share extract as an A4 PDF (pdfkit, standard Helvetica: French accents are in WinAnsi). */
export function renderExtractPdf(doc: ExtractDocument, now: Date): Promise<Buffer> {
  const { pdf, finished: done } = openPdf({
    size: 'A4',
    margin: 48,
    lang: 'fr-FR',
    info: {
      Title: doc.title,
      Author: 'Jalon',
      Subject: 'Extrait de dossier (partage d’informations)',
      CreationDate: now,
    },
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const pairs = (rows: [string, string][]) => {
    for (const [k, val] of rows) {
      pdf.font('Helvetica-Bold').fontSize(9.5).fillColor(TEXT).text(`${k} : `, left, pdf.y, { width, continued: true });
      pdf.font('Helvetica').text(val);
    }
  };
  pdf.font('Helvetica-Bold').fontSize(17).fillColor(BLUE).text(doc.title, left, pdf.y, { width });
  pdf.moveDown(0.5);
  pairs(doc.meta);
  for (const s of doc.sections) {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 100) pdf.addPage();
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(BLUE).text(s.label, left, pdf.y, { width });
    pdf.moveDown(0.3);
    if (s.note)
      pdf.font('Helvetica-Oblique').fontSize(8.5).fillColor(TEXT).text(s.note, left, pdf.y, { width }).moveDown(0.2);
    if (s.rows) pairs(s.rows);
    if (s.table) {
      if (s.table.rows.length === 0) {
        pdf.font('Helvetica').fontSize(9.5).fillColor(TEXT).text('Aucune ligne.', left, pdf.y, { width });
      } else {
        pdf.font('Helvetica').fontSize(8.5).fillColor(TEXT);
        pdf.table({
          position: { x: left, y: pdf.y },
          maxWidth: width,
          defaultStyle: { border: 0.5, borderColor: '#929292', padding: 3 },
          data: [
            s.table.head.map((h) => ({
              text: h,
              backgroundColor: GREY,
              font: { family: 'Helvetica-Bold', size: 8.5 },
            })),
            ...s.table.rows,
          ],
        });
        pdf.x = left;
      }
    }
  }
  pdf.moveDown(1.2).font('Helvetica-Oblique').fontSize(8).fillColor(TEXT).text(doc.footer, left, pdf.y, { width });
  pdf.end();
  return done;
}
