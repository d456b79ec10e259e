import type { QueryClient } from '@tanstack/react-query';
import { timelineKey } from './get-timeline';

/**
 * An entry changes the timeline, the agenda, "À faire" and the file itself (date of last contact, "Ma file active").
 */
export const invalidateAfterEntryChange = (queryClient: QueryClient, fileId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: timelineKey(fileId) }),
    queryClient.invalidateQueries({ queryKey: ['agenda'] }),
    queryClient.invalidateQueries({ queryKey: ['todo'] }),
    queryClient.invalidateQueries({ queryKey: ['usagers'] }),
  ]);
