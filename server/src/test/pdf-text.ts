import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** pdf.js reads the standard fonts' metrics from its own folder (else it warns for every page). */
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The text of a real PDF, page by page joined, with its page count: tests read what a person would read. */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<{ pages: number; text: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    text += `${(await (await pdf.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ')} `;
  }
  return { pages: pdf.numPages, text: text.replace(/\s+/g, ' ') };
}
