import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, toQuery } from '../../../lib/api-client';

/** A security event: who (role, site) did what on which file id; never any usager content. */
export interface AuditEventDto {
  id: number;
  at: string;
  action: string;
  actorRole: string | null;
  siteName: string | null;
  caseFileId: string | null;
  targetType: string | null;
  targetId: string | null;
}

export interface AuditSearch {
  purpose: string;
  action?: string;
}

const PAGE_SIZE = 100;

/** Every call is itself logged with its purpose, so nothing here refetches on its own. */
export const getAuditEvents = (search: AuditSearch, before?: number) =>
  api.get<{ items: AuditEventDto[] }>(`/dpo/audit-events${toQuery({ purpose: search.purpose, action: search.action, before })}`);

export const auditEventsQuery = (search: AuditSearch | null) =>
  infiniteQueryOptions({
    queryKey: ['dpo', 'audit-events', search],
    queryFn: ({ pageParam }) => getAuditEvents(search ?? { purpose: '' }, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length >= PAGE_SIZE ? last.items[last.items.length - 1]?.id : undefined),
    enabled: search !== null,
    staleTime: Infinity,
    refetchOnMount: false,
  });

export const useAuditEvents = (search: AuditSearch | null) => useInfiniteQuery(auditEventsQuery(search));
