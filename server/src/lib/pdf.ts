import PDFDocument from 'pdfkit';

/**
 * A pdfkit document in French and its bytes once `end()` is called: every PDF of Jalon (yearly report, register,
 * access export, share extract) starts here, with standard Helvetica (French accents are in WinAnsi).
 */
export function openPdf(options: PDFKit.PDFDocumentOptions): { pdf: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const pdf = new PDFDocument({ size: 'A4', lang: 'fr-FR', ...options } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, finished };
}
