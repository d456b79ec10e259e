import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

export type { AccountDto };

export const accountsQuery = () =>
  queryOptions({ queryKey: ['dpo', 'accounts'], queryFn: () => api.get<{ items: AccountDto[] }>('/dpo/accounts') });

export const useAccounts = () => useQuery(accountsQuery());
