import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SectionContentDto, SensitiveSection } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** One section's content: each read is written to the file's access log, so it is fetched only on demand. */
export const getSection = (fileId: string, section: SensitiveSection) =>
  api.get<SectionContentDto>(`/usagers/${encodeURIComponent(fileId)}/sections/${section}`);

export const sectionQuery = (fileId: string, section: SensitiveSection) =>
  queryOptions({
    queryKey: ['usagers', 'file', fileId, 'sections', section],
    queryFn: () => getSection(fileId, section),
    staleTime: Infinity,
  });

export const useSectionContent = (fileId: string, section: SensitiveSection, enabled: boolean) =>
  useQuery({ ...sectionQuery(fileId, section), enabled });
