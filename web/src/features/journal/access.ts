import type { UsagerDto } from '@jalon/core';

/**
 * Who gets the "Journal" tab, as the server decided it (`can.journal`, core/src/policy/file-page.ts): the social
 * workers who follow the file, and the site's secretaries, who see reception and appointment headers only. The server
 * filters the entries and the notes either way.
 */
export const journalAccess = (dto: UsagerDto): { secretary: boolean } | null =>
  dto.can.journal ? { secretary: dto.can.journal === 'secretary' } : null;
