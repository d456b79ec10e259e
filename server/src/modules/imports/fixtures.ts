import { strToU8, zipSync } from 'fflate';

/**
 * Generated legacy-like exports for the tests, the e2e and the bench (synthetic persons only, docs/security.md):
 * COORDIN-like rows with journal history and household members, written as CSV (UTF-8 or Windows-1252, any
 * delimiter, BOM or not), XLSX or ODS.
 */

const SURNAMES = [
  'Lefèvre',
  'Garnier',
  'Rousseau',
  'Benali',
  'Nguyen',
  'Faure',
  'Mercier',
  'Boucher',
  'Diallo',
  'Chevalier',
];
const FIRST = ['Amélie', 'Jérôme', 'Inès', 'François', 'Zoé', 'Loïc', 'Hélène', 'Noël', 'Maëlle', 'Cédric'];

export const COORDIN_HEADER = [
  'NUM_DOSSIER',
  'NOM_NAISSANCE',
  'PRENOM',
  'DATE_NAISSANCE',
  'SEXE',
  'SITUATION_FAMILIALE',
  'CP',
  'NUM_DOSSIER_FOYER',
  'LIEN',
  'DATE_ENTRETIEN',
  'TYPE_ENTRETIEN',
  'OBSERVATIONS',
];

/**
 * `n` persons (ids `prefix`1…n, born from `year` + 1 on), each with a journal row, every fifth with a second one and a
 * child. Give each call its own `year`: the same names and birth dates are likely duplicates of the earlier files.
 */
export function coordinRows(n: number, prefix = 'C', year = 1950): string[][] {
  const rows: string[][] = [];
  for (let i = 1; i <= n; i++) {
    const id = `${prefix}${i}`;
    const surname = `${SURNAMES[i % SURNAMES.length]}-${prefix}${i}`;
    const first = FIRST[(i * 7) % FIRST.length]!;
    const birth = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${year + (i % 40)}`;
    rows.push([
      id,
      surname,
      first,
      birth,
      i % 2 ? '2' : '1',
      i % 3 ? 'M' : 'C',
      '75011',
      '',
      '',
      '03/02/2021',
      'ENT',
      `Premier entretien, dossier ${i}`,
    ]);
    if (i % 5 === 0) {
      rows.push([
        id,
        surname,
        first,
        birth,
        '',
        '',
        '',
        '',
        '',
        '10/05/2022',
        'VAD',
        'Visite : point sur les démarches',
      ]);
      rows.push([`${id}E`, surname, 'Léa', '14/07/2015', '2', '', '', id, 'ENF', '', '', '']);
    }
  }
  return rows;
}

const WIN1252_EXTRA: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c, '…': 0x85 };

/** Text as Windows-1252 bytes (the characters of the fixtures only). */
export function encode1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const b = WIN1252_EXTRA[ch] ?? (c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : undefined);
    if (b === undefined) throw new Error(`Not in Windows-1252: ${ch}`);
    out[i++] = b;
  }
  return out.subarray(0, i);
}

export function toCsv(
  header: string[],
  rows: string[][],
  opts: { delimiter?: string; encoding?: 'utf-8' | 'windows-1252'; bom?: boolean } = {},
): Buffer {
  const d = opts.delimiter ?? ';';
  const q = (v: string) => (v.includes(d) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [header, ...rows].map((r) => r.map(q).join(d)).join('\r\n') + '\r\n';
  if (opts.encoding === 'windows-1252') return encode1252(text);
  return Buffer.concat([opts.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number) =>
  (i >= 26 ? String.fromCharCode(64 + Math.floor(i / 26)) : '') + String.fromCharCode(65 + (i % 26));

/** A minimal XLSX workbook: one sheet, strings shared, dates of the date columns as Excel day numbers. */
export function toXlsx(header: string[], rows: string[][], dateColumns: number[] = []): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (v: string) => {
    if (!index.has(v)) index.set(v, strings.push(v) - 1);
    return index.get(v)!;
  };
  const serial = (v: string) => {
    const [d, m, y] = v.split('/').map(Number);
    return (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000;
  };
  const rowXml = [header, ...rows]
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          const ref = `${colName(ci)}${ri + 1}`;
          if (v === '') return '';
          if (ri > 0 && dateColumns.includes(ci)) return `<c r="${ref}" s="1"><v>${serial(v)}</v></c>`;
          return `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      'xl/workbook.xml': strToU8(
        `<?xml version="1.0"?><workbook xmlns="${ns}"><sheets><sheet name="Export" sheetId="1"/></sheets></workbook>`,
      ),
      'xl/sharedStrings.xml': strToU8(
        `<?xml version="1.0"?><sst xmlns="${ns}">${strings.map((s) => `<si><t xml:space="preserve">${xml(s)}</t></si>`).join('')}</sst>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${rowXml}</sheetData></worksheet>`,
      ),
    }),
  );
}

/** A minimal ODS workbook: one table, dates of the date columns as `office:date-value`, trailing repeated cells. */
export function toOds(header: string[], rows: string[][], dateColumns: number[] = []): Buffer {
  const iso = (v: string) => v.split('/').reverse().join('-');
  const rowXml = [header, ...rows]
    .map(
      (r, ri) =>
        `<table:table-row>${r
          .map((v, ci) =>
            ri > 0 && dateColumns.includes(ci) && v
              ? `<table:table-cell office:value-type="date" office:date-value="${iso(v)}"><text:p>${xml(v)}</text:p></table:table-cell>`
              : v
                ? `<table:table-cell office:value-type="string"><text:p>${xml(v)}</text:p></table:table-cell>`
                : '<table:table-cell/>',
          )
          .join('')}<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`,
    )
    .join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Export">${rowXml}<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  return Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
      'META-INF/manifest.xml': strToU8(
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
      ),
    }),
  );
}
