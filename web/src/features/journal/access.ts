import type { MeDto, UsagerDto } from '@jalon/core';

/**
 * Who gets the "Journal" tab: the social workers who follow the file (`can.readFull`), and the site's secretaries,
 * who see reception and appointment headers only. The server filters the entries and the notes either way.
 */
export const journalAccess = (me: MeDto, dto: UsagerDto): { secretary: boolean } | null => {
  if (me.user.role === 'travailleur_social' && dto.can.readFull) return { secretary: false };
  if (me.user.role === 'secretaire' && me.user.siteId !== null && me.user.siteId === dto.data.site.id)
    return { secretary: true };
  return null;
};
