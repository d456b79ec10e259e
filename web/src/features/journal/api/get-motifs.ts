import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, MotifDto } from '../types';

/** The motif catalogue (active and inactive: old entries keep their label). */
export const getMotifs = () => api.get<ItemsDto<MotifDto>>('/motifs');

export const motifsQuery = () => queryOptions({ queryKey: ['motifs'], queryFn: getMotifs, staleTime: 5 * 60_000 });

export const useMotifs = () => useQuery(motifsQuery());
