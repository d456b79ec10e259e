import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ParamName, ParamVersion, SetParamInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** A dated parameter with every version, past ones included (GET /api/admin/parameters). */
export interface ParameterDto {
  name: ParamName;
  label: string;
  min: number;
  max: number;
  versions: ParamVersion[];
}

const key = ['admin', 'parameters'];

export const useParameters = () =>
  useQuery({ queryKey: key, queryFn: () => api.get<ParameterDto[]>('/admin/parameters') });

/** Schedules a value from a future day (the server refuses the past: 422 `param_past`). */
export const useSetParameter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetParamInput) => api.post<{ id: string }>('/admin/parameters', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};
