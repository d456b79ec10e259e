import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, MotifDto } from '../types';

/** The whole catalogue, inactive motifs included (same cache entry as the journal's). */
export const getMotifs = () => api.get<ItemsDto<MotifDto>>('/motifs');

export const motifsQuery = () => queryOptions({ queryKey: ['motifs'], queryFn: getMotifs });

export const useMotifs = () => useQuery(motifsQuery());
