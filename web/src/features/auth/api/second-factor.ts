import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ConfirmSecondFactorInput,
  DisableSecondFactorInput,
  RecoveryCodesDto,
  SecondFactorEnrolmentDto,
} from '@jalon/core';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export const startEnrolment = () => api.post<SecondFactorEnrolmentDto>('/auth/totp/enrolment');
export const confirmEnrolment = (input: ConfirmSecondFactorInput) =>
  api.post<RecoveryCodesDto>('/auth/totp/confirm', input);
export const disableSecondFactor = (input: DisableSecondFactorInput) => api.post<void>('/auth/totp/disable', input);

export const useStartEnrolment = () => useMutation({ mutationFn: startEnrolment });

/** Confirming or disabling changes what the session may reach: the session is read again. */
const useRefreshingMe = <I, O>(fn: (input: I) => Promise<O>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }) });
};
export const useConfirmEnrolment = () => useRefreshingMe(confirmEnrolment);
export const useDisableSecondFactor = () => useRefreshingMe(disableSecondFactor);
