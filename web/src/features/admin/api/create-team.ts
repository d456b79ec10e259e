import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { TeamDto } from '../types';

export const createTeam = (body: { siteId: string; name: string }) => api.post<TeamDto>('/admin/teams', body);

export const useCreateTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'teams'] }),
  });
};
