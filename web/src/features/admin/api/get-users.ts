import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AdminUserDto, ItemsDto } from '../types';

export const getUsers = () => api.get<ItemsDto<AdminUserDto>>('/admin/users');

export const usersQuery = () => queryOptions({ queryKey: ['admin', 'users'], queryFn: getUsers });

export const useUsers = () => useQuery(usersQuery());
