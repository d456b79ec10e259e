import {
  LEGACY_FIELD_LABELS,
  REQUIRED_LEGACY_FIELDS,
  SNIFF_BYTES,
  type ImportProfile,
  type LegacyField,
} from '@jalon/core';
import { AppError } from '../../../errors.js';
import { CsvReader, MAX_ROW_CHARS, decodeChunks } from './csv.js';
import { isZip, readSheet, sniffSheet } from './sheets.js';
import { detectDelimiter } from './text.js';
import { norm } from './values.js';

/**
 * The legacy adapter's streamed reading (docs/architecture.md, "Import pipeline"): the format from the first bytes; a
 * text export decoded and cut into rows as it arrives, handed to the pipeline by batches keyed by field; a workbook
 * (XLSX, ODS: a zip, read from its directory at the end) is held whole, compressed, 200 MB at most.
 */

const BATCH = 1000;

export async function* readLegacy(input: {
  chunks: AsyncIterable<Buffer>;
  profile: ImportProfile;
}): AsyncGenerator<{ format: string; rows: Record<string, string>[] }> {
  const it = input.chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
    size += r.value.length;
  }
  const first = Buffer.concat(head);
  const all = (async function* () {
    if (first.length) yield first;
    if (!ended) for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  })();
  if (isZip(first)) {
    const parts: Buffer[] = [];
    for await (const c of all) parts.push(c);
    const bytes = Buffer.concat(parts);
    const format = sniffSheet(bytes)!;
    yield* mapRows(
      (async function* () {
        yield readSheet(bytes, format);
      })(),
      format,
      input.profile,
    );
    return;
  }
  // Not a zip: refuses a PDF, an image or an Excel 97-2003 file by its first bytes.
  sniffSheet(first);
  yield* mapRows(csvRows(all), 'csv', input.profile);
}

async function* csvRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<string[][]> {
  let reader: CsvReader | null = null;
  let start = '';
  for await (const text of decodeChunks(chunks)) {
    if (reader) {
      yield reader.push(text);
      continue;
    }
    // The delimiter is the header line's: wait for its end.
    start += text;
    if (!/[\r\n]/.test(start) && start.length < MAX_ROW_CHARS) continue;
    reader = new CsvReader(detectDelimiter(start));
    yield reader.push(start);
  }
  if (!reader) {
    reader = new CsvReader(detectDelimiter(start));
    yield reader.push(start);
  }
  yield reader.end();
}

/** The profile's columns in the header; a missing mapped column refuses the file. */
function headerIndex(cells: string[], profile: ImportProfile): Map<LegacyField, number> {
  const header = cells.map((h) => norm(h));
  const index = new Map<LegacyField, number>();
  const missing: string[] = [];
  for (const [field, column] of Object.entries(profile.columns) as [LegacyField, string][]) {
    const i = header.indexOf(norm(column));
    if (i >= 0) index.set(field, i);
    else if (REQUIRED_LEGACY_FIELDS.includes(field)) missing.push(`« ${column} » (${LEGACY_FIELD_LABELS[field]})`);
  }
  if (missing.length)
    throw new AppError(
      422,
      'missing_columns',
      `L’en-tête du fichier n’a pas les colonnes du profil ${profile.name} : ${missing.join(', ')}. Vérifiez la source choisie ou le profil.`,
    );
  return index;
}

async function* mapRows(tables: AsyncIterable<string[][]>, format: string, profile: ImportProfile) {
  let index: Map<LegacyField, number> | null = null;
  let batch: Record<string, string>[] = [];
  let rows = 0;
  for await (const table of tables)
    for (const cells of table) {
      if (!index) {
        index = headerIndex(cells, profile);
        continue;
      }
      const data: Record<string, string> = {};
      for (const [field, i] of index) data[field] = (cells[i] ?? '').trim();
      batch.push(data);
      rows++;
      if (batch.length >= BATCH) {
        yield { format, rows: batch };
        batch = [];
      }
    }
  if (!index) headerIndex([], profile);
  if (!rows) throw new AppError(422, 'empty_import', 'Le fichier ne contient aucune ligne après l’en-tête');
  if (batch.length) yield { format, rows: batch };
}
