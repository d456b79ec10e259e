import type { CommissionDetailDto } from '@jalon/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One session with its agenda and the applications waiting for it. */
export const getCommission = (id: string) => api.get<CommissionDetailDto>(`/commissions/${encodeURIComponent(id)}`);
export const useCommission = (id: string) =>
  useQuery(queryOptions({ queryKey: ['commissions', id], queryFn: () => getCommission(id) }));

/** The documents of a session, opened by the browser (PDF inline, CSV downloaded). */
export const commissionFileUrl = (id: string, file: 'pv.pdf' | 'letters.pdf' | 'payments.csv') =>
  `/api/commissions/${encodeURIComponent(id)}/${file}`;
