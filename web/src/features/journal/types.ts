/** The journal answers are defined once, in core (server presenters and web share them). */
export type {
  AgendaItemDto,
  CreatedEntryDto,
  EntryDto,
  ItemsDto,
  MotifDto,
  PartnerDto,
  TimelinePage,
  TodoDto,
  TodoItemDto,
  WorkerDto,
} from '@jalon/core';

/** A household member offered in the entry form (web only). */
export interface PersonOption {
  id: string;
  name: string;
}
