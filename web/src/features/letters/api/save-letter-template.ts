import type { LetterTemplateInput } from '@jalon/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Saves a new version of a template (in force from now). */
export const saveLetterTemplate = (body: LetterTemplateInput) =>
  api.post<{ id: string; version: number }>('/admin/letter-templates', body);

export const useSaveLetterTemplate = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveLetterTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['letter-templates'] }),
  });
};
