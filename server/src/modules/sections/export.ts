import {
  CECRL_LEVELS,
  CONCERN_OUTCOMES,
  HEALTH_COVERAGES,
  RESIDENCE_PERMITS,
  SECTION_OPEN_REASONS,
  SENSITIVE_SECTIONS,
  fieldsOf,
  sectionLabel,
  type AccessExportSectionDto,
  type SensitiveSection,
} from '@jalon/core';
import type { Queryable } from '../../db/schema.js';
import { openText } from '../../crypto/index.js';
import { findSectionsForExport, payloadAad, reasonAad } from './queries.js';

type Data = Record<string, unknown>;
const day = (d: unknown) => (typeof d === 'string' && d ? d.split('-').reverse().join('/') : null);
const yesNo = (b: unknown) => (b === true ? 'oui' : b === false ? 'non' : null);
const period = (o: Data) =>
  [o.startDate ? `du ${day(o.startDate)}` : null, o.endDate ? `au ${day(o.endDate)}` : null].filter(Boolean).join(' ');
const from = (m: Record<string, string>) => (v: unknown) => (typeof v === 'string' ? (m[v] ?? v) : null);
const obj = (f: (o: Data) => string | null) => (v: unknown) => (v && typeof v === 'object' ? f(v as Data) : null);

/** How each field of a section reads in French for the person (codes as labels, dates as dd/mm/yyyy). */
const READERS: Record<string, (v: unknown) => string | null> = {
  entryDate: day,
  residencePermit: obj((o) => [from(RESIDENCE_PERMITS)(o.type), period(o)].filter(Boolean).join(', ')),
  frenchLevel: from(CECRL_LEVELS),
  readsWrites: obj((o) => `lit : ${yesNo(o.reads) ?? 'non renseigné'}, écrit : ${yesNo(o.writes) ?? 'non renseigné'}`),
  interpreterLanguage: obj((o) => (o.needed ? `oui${o.language ? ` (${String(o.language)})` : ''}` : 'non')),
  healthCoverage: from(HEALTH_COVERAGES),
  gp: obj((o) => (o.declared ? `déclaré${o.name ? ` : ${String(o.name)}` : ''}` : 'non déclaré')),
  disability: obj((o) =>
    o.recognised ? ['reconnaissance MDPH', period(o)].filter(Boolean).join(', ') : 'pas de reconnaissance MDPH',
  ),
  concernSentAt: day,
  concernOutcome: from(CONCERN_OUTCOMES),
  attachmentCommune: (v) => (typeof v === 'string' && v.trim() ? v : null),
};

/** The readable lines of a section's content, in the catalogue's order and with its labels. */
export const readableLines = (section: SensitiveSection, data: Data | null): { label: string; value: string }[] =>
  fieldsOf(section).map((f) => ({
    label: f.label,
    value: (data ? READERS[f.name]?.(data[f.name]) : null) ?? 'non renseigné',
  }));

/**
 * Every opened sensitive section of a file, decrypted, for the access export (RGPD art. 15): the person is owed what
 * is recorded, including a section the site's profile no longer offers. No worker's name, as for the consultations.
 * `only`: just these sections (a share's extract reads no other); `readable`: the caller's rule on each section (who
 * opened it), checked before anything is decrypted.
 */
export async function openSectionsForExport(
  db: Queryable,
  fileId: string,
  only?: readonly SensitiveSection[],
  readable: (s: { openedById: string | null }) => boolean = () => true,
): Promise<AccessExportSectionDto[]> {
  if (only && !only.length) return [];
  const rows = await findSectionsForExport(db, fileId, only);
  const order = (s: string) => SENSITIVE_SECTIONS.indexOf(s as SensitiveSection);
  return rows
    .filter((r) => readable({ openedById: r.opened_by }))
    .sort((a, b) => order(a.section) - order(b.section))
    .map((r) => {
      const section = r.section as SensitiveSection;
      const data = r.payload === null ? null : (JSON.parse(openText(r.payload, payloadAad(fileId, section))) as Data);
      return {
        section,
        label: sectionLabel(section),
        openedAt: new Date(r.opened_at).toISOString(),
        reasonLabel: SECTION_OPEN_REASONS[r.reason_code as keyof typeof SECTION_OPEN_REASONS] ?? r.reason_code,
        reasonText: openText(r.reason_text, reasonAad(fileId, section)),
        updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
        data,
        lines: readableLines(section, data),
      };
    });
}
