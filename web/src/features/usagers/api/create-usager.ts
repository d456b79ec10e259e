import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUsagerInput } from '@jalon/core';
import { api } from '../../../lib/api-client';
import type { CreatedUsagerDto } from '../types';

/** The body is sent as typed (the server applies the schema's defaults and normalisation). */
export type CreateUsagerBody = Partial<Record<keyof CreateUsagerInput, unknown>>;

export const createUsager = (body: CreateUsagerBody) => api.post<CreatedUsagerDto>('/usagers', body);

export const useCreateUsager = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUsager,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['usagers'] }),
  });
};
