import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEventDto } from '@jalon/core';
import { api, toQuery } from '../../../lib/api-client';

export type { AuditEventDto };

/** Which log: the actions (audit) or the reads of files (consultations). */
export type LogKind = 'actions' | 'consultations';

export interface AuditSearch {
  purpose: string;
  log: LogKind;
  action?: string;
  part?: string;
  userId?: string;
  fileNumber?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 100;

/** Every call is itself logged with its purpose and filters, so nothing here refetches on its own. */
export const getAuditEvents = (search: AuditSearch, before?: number) => {
  const { log, action, part, ...filters } = search;
  const path = log === 'consultations' ? '/dpo/access-events' : '/dpo/audit-events';
  return api.get<{ items: AuditEventDto[] }>(
    `${path}${toQuery({
      ...filters,
      action: log === 'actions' ? action : undefined,
      part: log === 'consultations' ? part : undefined,
      before,
    })}`,
  );
};

export const auditEventsQuery = (search: AuditSearch | null) =>
  infiniteQueryOptions({
    queryKey: ['dpo', 'audit-events', search],
    queryFn: ({ pageParam }) => getAuditEvents(search ?? { purpose: '', log: 'actions' }, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length >= PAGE_SIZE ? last.items[last.items.length - 1]?.id : undefined),
    enabled: search !== null,
    staleTime: Infinity,
    refetchOnMount: false,
  });

export const useAuditEvents = (search: AuditSearch | null) => useInfiniteQuery(auditEventsQuery(search));
