import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** An account the DPO may name in a search: identity and role, no activity. */
export interface AccountDto {
  id: string;
  displayName: string;
  email: string;
  role: string;
  active: boolean;
  siteName: string | null;
}

export const accountsQuery = () =>
  queryOptions({ queryKey: ['dpo', 'accounts'], queryFn: () => api.get<{ items: AccountDto[] }>('/dpo/accounts') });

export const useAccounts = () => useQuery(accountsQuery());
