import {
  SECTION_OPEN_REASONS,
  SECTION_SHORT_LABELS,
  sectionLabel,
  type SectionContentDto,
  type SectionStatusDto,
  type SensitiveSection,
} from '@jalon/core';
import { openText } from '../../crypto/index.js';
import { reasonAad } from './queries.js';

interface OpenedRow {
  section: SensitiveSection;
  opened_at: Date | string;
  reason_code: string;
  reason_text: string;
  opened_by_name: string;
}

/** One section as the file shows it: closed, or "ouverte le … par … — motif …" (never its content). */
export function presentStatus(
  fileId: string,
  section: SensitiveSection,
  row: OpenedRow | undefined,
  readable = true,
): SectionStatusDto {
  const base = { section, label: sectionLabel(section), shortLabel: SECTION_SHORT_LABELS[section], readable };
  if (!row)
    return {
      ...base,
      open: false,
      openedAt: null,
      openedBy: null,
      reasonCode: null,
      reasonLabel: null,
      reasonText: null,
    };
  return {
    ...base,
    open: true,
    openedAt: new Date(row.opened_at).toISOString(),
    openedBy: row.opened_by_name,
    reasonCode: row.reason_code,
    reasonLabel: SECTION_OPEN_REASONS[row.reason_code as keyof typeof SECTION_OPEN_REASONS] ?? row.reason_code,
    reasonText: readable ? openText(row.reason_text, reasonAad(fileId, section)) : null,
  };
}

export const presentContent = (
  section: SensitiveSection,
  row: { version: number; updated_at: Date | string | null } | undefined,
  data: Record<string, unknown> | null,
): SectionContentDto => ({
  section,
  open: Boolean(row),
  version: row?.version ?? 0,
  data,
  updatedAt: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
});
