import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationListDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** My in-app notifications (motivated accesses to the files I follow). */
export const notificationsQuery = () =>
  queryOptions({ queryKey: ['notifications'], queryFn: () => api.get<NotificationListDto>('/notifications') });

export const useNotifications = (enabled = true) => useQuery({ ...notificationsQuery(), enabled });
