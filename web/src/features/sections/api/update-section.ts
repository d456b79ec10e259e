import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SectionContentDto, SensitiveSection } from '@jalon/core';
import { api } from '../../../lib/api-client';

export interface UpdateSectionBody {
  version: number;
  data: Record<string, unknown>;
}

/** Replaces the section's content; `version` is the one read, so a concurrent change is refused, never lost. */
export const updateSection = (fileId: string, section: SensitiveSection, body: UpdateSectionBody) =>
  api.put<SectionContentDto>(`/usagers/${encodeURIComponent(fileId)}/sections/${section}`, body);

export const useUpdateSection = (fileId: string, section: SensitiveSection) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSectionBody) => updateSection(fileId, section, body),
    onSuccess: (dto) => queryClient.setQueryData(['usagers', 'file', fileId, 'sections', section], dto),
  });
};
