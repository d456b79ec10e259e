import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, PartnerDto } from '../types';

/** The partner directory (CAF, France Travail, CMP, PMI, associations…), for orientations. */
export const getPartners = () => api.get<ItemsDto<PartnerDto>>('/partners');

export const partnersQuery = () =>
  queryOptions({ queryKey: ['partners'], queryFn: getPartners, staleTime: 5 * 60_000 });

export const usePartners = (enabled = true) => useQuery({ ...partnersQuery(), enabled });
