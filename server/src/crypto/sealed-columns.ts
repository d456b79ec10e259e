/**
 * Every encrypted column, so that the start-up step seals plaintext left by older versions and `keys:rotate`
 * re-encrypts everything. `cursor` orders the batches (a unique column); `aad` rebuilds the AAD used when sealing.
 * Add a line here when you encrypt a new column (sensitive sections, TOTP secrets).
 */
export interface SealedColumn {
  table: string;
  column: string;
  cursor: string;
  aadColumns: string[];
  aad: (row: Record<string, unknown>) => string;
}

export const SEALED_COLUMNS: SealedColumn[] = [
  {
    table: 'journal_entry',
    column: 'note',
    cursor: 'id',
    aadColumns: ['id'],
    aad: (r) => `journal_entry.note:${String(r.id)}`,
  },
  {
    table: 'journal_entry_version',
    column: 'note',
    cursor: 'id',
    aadColumns: ['entry_id', 'version'],
    aad: (r) => `journal_entry_version.note:${String(r.entry_id)}:${String(r.version)}`,
  },
  // Sensitive sections (modules/sections): the section's JSON and the free text of the opening reason.
  {
    table: 'case_file_section',
    column: 'payload',
    cursor: 'id',
    aadColumns: ['case_file_id', 'section'],
    aad: (r) => `case_file_section.payload:${String(r.case_file_id)}:${String(r.section)}`,
  },
  {
    table: 'case_file_section',
    column: 'reason_text',
    cursor: 'id',
    aadColumns: ['case_file_id', 'section'],
    aad: (r) => `case_file_section.reason_text:${String(r.case_file_id)}:${String(r.section)}`,
  },
  // TOTP secrets (auth/second-factor.ts): the confirmed one and the one being enrolled.
  {
    table: 'user_second_factor',
    column: 'secret',
    cursor: 'user_id',
    aadColumns: ['user_id'],
    aad: (r) => `user_second_factor.secret:${String(r.user_id)}`,
  },
  {
    table: 'user_second_factor',
    column: 'pending_secret',
    cursor: 'user_id',
    aadColumns: ['user_id'],
    aad: (r) => `user_second_factor.pending_secret:${String(r.user_id)}`,
  },
  // Documents (modules/documents): the per-document data key; rotation re-seals it, the chunks stay as they are.
  {
    table: 'document',
    column: 'data_key',
    cursor: 'id',
    aadColumns: ['id'],
    aad: (r) => `document.data_key:${String(r.id)}`,
  },
];
