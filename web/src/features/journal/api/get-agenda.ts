import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, toQuery } from '../../../lib/api-client';
import type { AgendaItemDto, ItemsDto } from '../types';

/** Appointments between two dates (yyyy-mm-dd, inclusive): mine, or the site's for a secretary (one worker optionally). */
export const getAgenda = (from: string, to: string, workerId?: string) =>
  api.get<ItemsDto<AgendaItemDto>>(`/agenda${toQuery({ from, to, workerId })}`);

export const agendaQuery = (from: string, to: string, workerId?: string) =>
  queryOptions({ queryKey: ['agenda', from, to, workerId ?? ''], queryFn: () => getAgenda(from, to, workerId) });

/** Keeps the previous week on screen while the next one loads. */
export const useAgenda = (from: string, to: string, workerId?: string) =>
  useQuery({ ...agendaQuery(from, to, workerId), placeholderData: keepPreviousData });
