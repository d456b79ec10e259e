import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, PartnerDto } from '../types';

/** The partner directory, inactive partners included (same cache entry as the journal's). */
export const getPartners = () => api.get<ItemsDto<PartnerDto>>('/partners');

export const partnersQuery = () => queryOptions({ queryKey: ['partners'], queryFn: getPartners });

export const usePartners = () => useQuery(partnersQuery());
