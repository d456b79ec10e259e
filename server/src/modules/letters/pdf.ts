import { openPdf } from '../../lib/pdf.js';

const BLUE = '#000091';
const TEXT = '#161616';

/** The site's header printed on each first page of a letter (docs/api.md, "Courriers"). */
export interface SiteHeader {
  name: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
}

export interface RenderedLetter {
  title: string;
  header: SiteHeader;
  text: string;
}

/**
 * Letters as one A4 PDF (a convocation, or the day's convocations of a site): the site's header, the text, and
 * "Page n / N" counted within each letter, so a batch prints as separate letters.
 */
export function lettersToPdf(letters: readonly RenderedLetter[], docTitle: string): Promise<Buffer> {
  const { pdf, finished } = openPdf({
    margin: 56,
    bufferPages: true,
    info: { Title: docTitle, Author: 'Jalon' },
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const ranges: { start: number; count: number }[] = [];
  letters.forEach((l, i) => {
    if (i > 0) pdf.addPage();
    const start = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1;
    pdf.font('Helvetica-Bold').fontSize(13).fillColor(BLUE).text(l.header.name, left, pdf.page.margins.top, { width });
    const lines = [
      l.header.address,
      l.header.phone ? `Téléphone : ${l.header.phone}` : null,
      l.header.hours ? `Horaires : ${l.header.hours}` : null,
    ].filter((x): x is string => Boolean(x));
    pdf.font('Helvetica').fontSize(9).fillColor(TEXT);
    for (const line of lines) pdf.text(line, { width });
    pdf
      .moveDown(0.5)
      .moveTo(left, pdf.y)
      .lineTo(left + width, pdf.y)
      .strokeColor(BLUE)
      .lineWidth(1)
      .stroke();
    pdf.moveDown(1.5).font('Helvetica-Bold').fontSize(12).text(l.title, left, pdf.y, { width, align: 'center' });
    pdf.moveDown(1.5).font('Helvetica').fontSize(11).fillColor(TEXT).text(l.text, left, pdf.y, { width, lineGap: 2 });
    const end = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count;
    ranges.push({ start, count: end - start });
  });
  for (const r of ranges)
    for (let p = 0; p < r.count; p++) {
      pdf.switchToPage(r.start + p);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf
        .font('Helvetica')
        .fontSize(8)
        .fillColor(TEXT)
        .text(`Page ${p + 1} / ${r.count}`, left, pdf.page.height - 36, { width, align: 'right', lineBreak: false });
      pdf.page.margins.bottom = bottom;
    }
  pdf.end();
  return finished;
}
