import type { ImportProfile, LegacyMappedField } from './fields.js';

export type ImportStatus = 'analysing' | 'ready' | 'committing' | 'committed' | 'failed';
export type RowDecision = 'create' | 'merge' | 'skip' | 'history' | 'member';
export type RowState = 'staged' | 'valid' | 'rejected' | 'committed' | 'skipped';

export interface ImportCountsDto {
  total: number;
  rejected: number;
  create: number;
  merge: number;
  skip: number;
  history: number;
  member: number;
  committed: number;
  skipped: number;
}

export interface ImportPreviewRowDto {
  id: string;
  seq: number;
  state: RowState;
  decision: RowDecision | null;
  reason: string | null;
  /** The row as it will be stored (field → value after code mapping). */
  values: Record<string, string | null>;
  matchFileNumber: string | null;
}

export interface ImportDto {
  id: string;
  source: string;
  format: string;
  fileName: string;
  siteId: string;
  status: ImportStatus;
  error: string | null;
  createdAt: string;
  committedAt: string | null;
  progress: { done: number; total: number | null } | null;
  counts: ImportCountsDto;
  profile: ImportProfile;
  /** Legacy values without a Jalon code yet: to map before commit. */
  unmapped: { field: LegacyMappedField; value: string; count: number }[];
  preview: ImportPreviewRowDto[];
  /** First rejected rows with their French reason. */
  errors: { seq: number; reason: string }[];
  /** Merge proposals: rows matching an existing file of the site, merged only when the importer confirms them. */
  merges: ImportPreviewRowDto[];
  can: { commit: boolean; map: boolean };
}

export interface ImportSummaryDto {
  id: string;
  source: string;
  fileName: string;
  status: ImportStatus;
  createdAt: string;
  counts: ImportCountsDto;
}
