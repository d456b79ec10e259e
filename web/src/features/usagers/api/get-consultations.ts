import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConsultationDto } from '@jalon/core';
import { api } from '../../../lib/api-client';
import type { ItemsDto } from '../types';

/** Who opened the file (référents only: the server answers 404 to anyone else). */
export const getConsultations = (id: string) =>
  api.get<ItemsDto<ConsultationDto>>(`/usagers/${encodeURIComponent(id)}/consultations`);

export const consultationsQuery = (id: string) =>
  queryOptions({ queryKey: ['usagers', 'file', id, 'consultations'], queryFn: () => getConsultations(id) });

export const useConsultations = (id: string, enabled: boolean) => useQuery({ ...consultationsQuery(id), enabled });
