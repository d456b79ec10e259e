import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpenSectionInput, SectionStatusDto, SensitiveSection } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** Opening a section with its reason (list + text); the server audits it. */
export const openSection = (fileId: string, section: SensitiveSection, body: OpenSectionInput) =>
  api.post<SectionStatusDto>(`/usagers/${encodeURIComponent(fileId)}/sections/${section}/open`, body);

export const useOpenSection = (fileId: string, section: SensitiveSection) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSectionInput) => openSection(fileId, section, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['usagers', 'file', fileId, 'sections'] }),
  });
};
