import type { RegisterDocument } from '@jalon/core';
import { openPdf } from '../../lib/pdf.js';

/** DSFR colours: bleu France for titles, grey for table headers. */
const BLUE = '#000091';
const GREY = '#EEEEEE';
const TEXT = '#161616';

/** Renders the register document as an A4 landscape PDF (pdfkit, standard Helvetica: French accents are in WinAnsi). */
export function registerToPdf(doc: RegisterDocument, today: string): Promise<Buffer> {
  const { pdf, finished: done } = openPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    info: {
      Title: doc.title,
      Author: 'Jalon',
      Subject: 'Registre des traitements (RGPD art. 30) et inventaire AIPD',
      CreationDate: new Date(`${today}T12:00:00Z`),
    },
    lang: 'fr-FR',
  });
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const left = pdf.page.margins.left;
  for (const b of doc.blocks) {
    if (b.kind === 'p') {
      pdf.font('Helvetica').fontSize(9.5).fillColor(TEXT).text(b.text, left, pdf.y, { width });
      pdf.moveDown(0.4);
    } else if (b.kind === 'list') {
      pdf
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor(TEXT)
        .list(b.items, left, pdf.y, { width, bulletRadius: 1.5, textIndent: 10 });
      pdf.moveDown(0.4);
    } else if (b.kind === 'table') {
      const total = b.widths.reduce((s, w) => s + w, 0);
      pdf.font('Helvetica').fontSize(8).fillColor(TEXT);
      pdf.table({
        position: { x: left, y: pdf.y },
        maxWidth: width,
        columnStyles: b.widths.map((w) => (w / total) * width),
        defaultStyle: { border: 0.5, borderColor: '#929292', padding: 3 },
        data: [
          b.head.map((h) => ({ text: h, backgroundColor: GREY, font: { family: 'Helvetica-Bold', size: 8 } })),
          ...b.rows,
        ],
      });
      pdf.x = left;
      pdf.moveDown(0.6);
    } else {
      const size = { h1: 18, h2: 14, h3: 11.5 }[b.kind];
      if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 110) pdf.addPage();
      pdf
        .moveDown(b.kind === 'h1' ? 0 : 0.6)
        .font('Helvetica-Bold')
        .fontSize(size)
        .fillColor(BLUE)
        .text(b.text, left, pdf.y, { width });
      pdf.moveDown(0.3);
    }
  }
  pdf.end();
  return done;
}
