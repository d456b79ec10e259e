import type { LetterTemplateDto } from '@jalon/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface LetterTemplatesDto {
  items: LetterTemplateDto[];
  placeholders: { name: string; label: string }[];
}

/** Every version of the letter templates, newest first, and the placeholder catalogue (admin). */
export const getLetterTemplates = () => api.get<LetterTemplatesDto>('/admin/letter-templates');
export const useLetterTemplates = () =>
  useQuery(queryOptions({ queryKey: ['letter-templates'], queryFn: getLetterTemplates }));
