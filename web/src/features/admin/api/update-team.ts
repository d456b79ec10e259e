import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { TeamDto } from '../types';

/** Renames a team (a team never moves to another site). */
export const updateTeam = (id: string, body: { name: string }) =>
  api.patch<TeamDto>(`/admin/teams/${encodeURIComponent(id)}`, body);

export const useUpdateTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => updateTeam(id, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'teams'] }),
  });
};
