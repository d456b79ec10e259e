import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchResultDto } from '@jalon/core';
import { api, toQuery } from '../../../lib/api-client';

/** Minimum length before asking the server (the schema refuses shorter queries). */
export const SEARCH_MIN_LENGTH = 2;

export const searchUsagers = (q: string, page: number) =>
  api.get<SearchResultDto>(`/usagers/search${toQuery({ q, page })}`);

export const searchUsagersQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: ['usagers', 'search', q, page],
    queryFn: () => searchUsagers(q, page),
    enabled: q.trim().length >= SEARCH_MIN_LENGTH,
    staleTime: 10_000,
  });

/** Keeps the previous results on screen while the next keystroke's answer arrives. */
export const useSearchUsagers = (q: string, page: number) =>
  useQuery({ ...searchUsagersQuery(q, page), placeholderData: keepPreviousData });
