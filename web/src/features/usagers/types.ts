/** The answers of the usager and site endpoints are defined once, in core (server presenters and web share them). */
export type { CreatedUsagerDto, ItemsDto, SiteTeamDto, SiteWorkerDto, UsagerListItem } from '@jalon/core';
