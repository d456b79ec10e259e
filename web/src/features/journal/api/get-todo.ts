import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { TodoDto } from '../types';

/** "À faire", computed by the server from the journal: unreported appointments, orientations without outcome. */
export const getTodo = () => api.get<TodoDto>('/todo');

export const todoQuery = () => queryOptions({ queryKey: ['todo'], queryFn: getTodo });

export const useTodo = (enabled = true) => useQuery({ ...todoQuery(), enabled });
