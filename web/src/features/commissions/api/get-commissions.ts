import type { CommissionSessionDto } from '@jalon/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The sessions of the responsable's site, or of every site (administration), newest first. */
export const getCommissions = () => api.get<{ items: CommissionSessionDto[] }>('/commissions');
export const useCommissions = () => useQuery(queryOptions({ queryKey: ['commissions'], queryFn: getCommissions }));
