import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type JobState = 'pending' | 'running' | 'done' | 'dead';

/** One run of the job queue (GET /api/admin/jobs; no usager data). */
export interface JobDto {
  id: string;
  kind: string;
  state: JobState;
  runAt: string | null;
  attempts: number;
  maxAttempts: number;
  progress: { done: number; total: number | null } | null;
  lastError: string | null;
  createdAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The recent runs, refreshed every 10 s while the page is open (a long job reports its progress). */
export const useJobs = () =>
  useQuery({
    queryKey: ['admin', 'jobs'],
    queryFn: () => api.get<{ items: JobDto[] }>('/admin/jobs'),
    refetchInterval: 10_000,
  });
