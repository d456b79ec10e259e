import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import sax from 'sax';
import { SNIFF_BYTES, sniffDocument } from '@jalon/core';
import { AppError } from '../../../errors.js';

/**
 * Spreadsheets (docs/architecture.md, "Import pipeline"): the first sheet of an XLSX (Office Open XML) or ODS
 * (OpenDocument) workbook, as rows of text cells. Only the parts needed are inflated; the XML is read by a streaming
 * parser. Dates: ODS gives them as ISO values; XLSX as day numbers, converted by the adapter for date fields.
 */

export type SheetFormat = 'xlsx' | 'ods';

export const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const notASpreadsheet = () =>
  new AppError(
    415,
    'unsupported_file_type',
    'Ce fichier n’est ni un CSV ni un classeur XLSX ou ODS lisible : exportez la liste depuis l’ancien outil en CSV, XLSX ou ODS',
  );

/** The format by content: a zip holding a workbook part, or null for text. */
export function sniffSheet(bytes: Buffer): SheetFormat | null {
  const other = sniffDocument(bytes.subarray(0, SNIFF_BYTES));
  if (other && other !== 'office' && other !== 'opendocument')
    throw new AppError(
      415,
      'unsupported_file_type',
      `Ce fichier est ${other === 'application/pdf' ? 'un PDF' : 'une image'}, pas un export CSV, XLSX ou ODS : exportez la liste depuis l’ancien outil`,
    );
  if (other === 'office' && !isZip(bytes))
    throw new AppError(
      415,
      'unsupported_file_type',
      'Ce classeur est au format Excel 97-2003 (.xls) : enregistrez-le en XLSX ou en CSV, puis déposez-le à nouveau',
    );
  if (!isZip(bytes)) return null;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'mimetype' || f.name === 'xl/workbook.xml' });
  } catch {
    throw notASpreadsheet();
  }
  if (files['xl/workbook.xml']) return 'xlsx';
  if (files.mimetype && strFromU8(files.mimetype).trim() === 'application/vnd.oasis.opendocument.spreadsheet')
    return 'ods';
  throw notASpreadsheet();
}

export function readSheet(bytes: Buffer, format: SheetFormat): string[][] {
  try {
    return format === 'xlsx' ? readXlsx(bytes) : readOds(bytes);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notASpreadsheet();
  }
}

const colIndex = (ref: string): number => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

function readXlsx(bytes: Buffer): string[][] {
  const files = unzipSync(bytes, {
    filter: (f) => f.name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name),
  });
  const shared: string[] = [];
  if (files['xl/sharedStrings.xml']) {
    let cur: string | null = null;
    let inT = false;
    parseXml(files['xl/sharedStrings.xml'], {
      open: (name) => {
        if (name === 'si') cur = '';
        else if (name === 't') inT = true;
      },
      close: (name) => {
        if (name === 'si') shared.push(cur ?? '');
        else if (name === 't') inT = false;
      },
      text: (t) => {
        if (inT && cur !== null) cur += t;
      },
    });
  }
  const sheetName = Object.keys(files)
    .filter((n) => n.startsWith('xl/worksheets/'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]))[0];
  if (!sheetName) throw notASpreadsheet();
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = { col: 0, type: '', text: '' };
  let inValue = false;
  parseXml(files[sheetName]!, {
    open: (name, attrs) => {
      if (name === 'row') row = [];
      else if (name === 'c') cell = { col: attrs.r ? colIndex(attrs.r) : row.length, type: attrs.t ?? 'n', text: '' };
      else if (name === 'v' || name === 't') inValue = true;
    },
    close: (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c') {
        while (row.length < cell.col) row.push('');
        row[cell.col] = cell.type === 's' ? (shared[Number(cell.text)] ?? '') : cell.text;
      } else if (name === 'row' && row.some((v) => v.trim() !== '')) rows.push(row);
    },
    text: (t) => {
      if (inValue) cell.text += t;
    },
  });
  return rows;
}

/** Repeated empty cells and rows pad an ODS sheet to its full size: kept only when something follows. */
function readOds(bytes: Buffer): string[][] {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' });
  if (!files['content.xml']) throw notASpreadsheet();
  const rows: string[][] = [];
  let row: string[] = [];
  let rowRepeat = 1;
  let cell = { repeat: 1, text: '', value: '' as string | undefined };
  let tables = 0;
  let depthP = 0;
  parseXml(files['content.xml'], {
    open: (name, attrs) => {
      if (name === 'table:table') tables++;
      if (tables !== 1) return;
      if (name === 'table:table-row') {
        row = [];
        rowRepeat = Math.min(Number(attrs['table:number-rows-repeated'] ?? 1), 10_000);
      } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
        cell = {
          repeat: Math.min(Number(attrs['table:number-columns-repeated'] ?? 1), 1024),
          text: '',
          value: attrs['office:date-value']?.slice(0, 10) ?? attrs['office:value'],
        };
      } else if (name === 'text:p') {
        if (depthP++ === 0 && cell.text) cell.text += '\n';
      }
    },
    close: (name) => {
      if (tables !== 1) return;
      if (name === 'text:p') depthP--;
      else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
        const v = cell.value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(cell.value) ? cell.value : cell.text;
        for (let i = 0; i < cell.repeat; i++) row.push(v);
      } else if (name === 'table:table-row') {
        while (row.length && row[row.length - 1] === '') row.pop();
        if (row.length) for (let i = 0; i < rowRepeat; i++) rows.push([...row]);
      } else if (name === 'table:table') tables++;
    },
    text: (t) => {
      if (tables === 1 && depthP > 0) cell.text += t;
    },
  });
  return rows;
}

interface XmlHandlers {
  open: (name: string, attrs: Record<string, string>) => void;
  close: (name: string) => void;
  text: (t: string) => void;
}

function parseXml(data: Uint8Array, h: XmlHandlers): void {
  const parser = sax.parser(true, { trim: false, normalize: false });
  parser.onopentag = (tag) => h.open(tag.name, tag.attributes as Record<string, string>);
  parser.onclosetag = (name) => h.close(name);
  parser.ontext = (t) => h.text(t);
  parser.oncdata = (t) => h.text(t);
  parser.onerror = () => {
    throw notASpreadsheet();
  };
  parser.write(strFromU8(data)).close();
}
