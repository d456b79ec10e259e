import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

export const changePassword = (input: ChangePasswordInput) => api.post<void>('/auth/password', input);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
