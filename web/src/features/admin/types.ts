/** The answers of /api/admin/*, the motif catalogue and the partner directory are defined once, in core. */
export type { AdminUserDto, ItemsDto, MotifDto, PartnerDto, SiteDto, TeamDto } from '@jalon/core';
