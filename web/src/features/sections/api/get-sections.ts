import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SectionsDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** The sections the site's profile offers on this file, each closed or with its opening mention (never content). */
export const getSections = (fileId: string) => api.get<SectionsDto>(`/usagers/${encodeURIComponent(fileId)}/sections`);

export const sectionsQuery = (fileId: string) =>
  queryOptions({ queryKey: ['usagers', 'file', fileId, 'sections'], queryFn: () => getSections(fileId) });

export const useSections = (fileId: string) => useQuery(sectionsQuery(fileId));
