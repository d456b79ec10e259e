import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { EntryType } from '@jalon/core';
import { api, toQuery } from '../../../lib/api-client';
import type { TimelinePage } from '../types';

export interface TimelineFilters {
  type?: EntryType | '';
  motif?: string;
}

export const TIMELINE_PAGE_SIZE = 30;

/** One page of the file's timeline, newest first; `before` is the keyset cursor (`next` of the previous page). */
export const getTimeline = (fileId: string, filters: TimelineFilters, before?: string) =>
  api.get<TimelinePage>(
    `/usagers/${encodeURIComponent(fileId)}/journal${toQuery({ type: filters.type, motif: filters.motif, before, limit: TIMELINE_PAGE_SIZE })}`,
  );

/** Every cached page of a file's timeline, whatever the filters (to refresh after a change). */
export const timelineKey = (fileId: string) => ['journal', fileId] as const;

export const timelineQuery = (fileId: string, filters: TimelineFilters) =>
  infiniteQueryOptions({
    queryKey: [...timelineKey(fileId), filters.type ?? '', filters.motif ?? ''],
    queryFn: ({ pageParam }) => getTimeline(fileId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });

export const useTimeline = (fileId: string, filters: TimelineFilters) =>
  useInfiniteQuery(timelineQuery(fileId, filters));
