import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AidApplicationCreateInput,
  AidApplicationDto,
  AidApplicationSummaryDto,
  AidTransitionInput,
  BudgetDto,
  BudgetPutInput,
  EligibilityDto,
  EligibilityFactsInput,
} from '@jalon/core';
import { api } from '../../../lib/api-client';

/** The budget and the aid applications (docs/api.md, "Budget et aides"): each read is access-logged, fetched once. */
const budgetKey = (fileId: string) => ['usagers', 'file', fileId, 'budget'];
const listKey = (fileId: string) => ['usagers', 'file', fileId, 'aid-applications'];
const appKey = (id: string) => ['aid-applications', id];
const enc = encodeURIComponent;

export const useBudget = (fileId: string) =>
  useQuery({
    queryKey: budgetKey(fileId),
    queryFn: () => api.get<BudgetDto>(`/usagers/${enc(fileId)}/budget`),
    staleTime: Infinity,
    retry: false,
  });

export const useSaveBudget = (fileId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BudgetPutInput) => api.put<BudgetDto>(`/usagers/${enc(fileId)}/budget`, body),
    onSuccess: (dto) => qc.setQueryData(budgetKey(fileId), dto),
  });
};

export const useAidApplications = (fileId: string) =>
  useQuery({
    queryKey: listKey(fileId),
    queryFn: () => api.get<AidApplicationSummaryDto[]>(`/usagers/${enc(fileId)}/aid-applications`),
    staleTime: Infinity,
    retry: false,
  });

export const useCreateAidApplication = (fileId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AidApplicationCreateInput) =>
      api.post<AidApplicationDto>(`/usagers/${enc(fileId)}/aid-applications`, body),
    onSuccess: (dto) => {
      qc.setQueryData(appKey(dto.id), dto);
      void qc.invalidateQueries({ queryKey: listKey(fileId) });
    },
  });
};

export const useAidApplication = (id: string) =>
  useQuery({
    queryKey: appKey(id),
    queryFn: () => api.get<AidApplicationDto>(`/aid-applications/${enc(id)}`),
    staleTime: Infinity,
    retry: false,
  });

export const useEligibility = (id: string, status: string) =>
  useQuery({
    queryKey: [...appKey(id), 'eligibility', status],
    queryFn: () => api.get<EligibilityDto>(`/aid-applications/${enc(id)}/eligibility`),
    staleTime: Infinity,
    retry: false,
  });

/** A move of the workflow; the server answers 422 with a French reason when it is not allowed. */
export const useTransition = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AidTransitionInput) =>
      api.post<AidApplicationDto>(`/aid-applications/${enc(id)}/transitions`, body),
    onSuccess: (dto) => {
      qc.setQueryData(appKey(id), dto);
      void qc.invalidateQueries({ queryKey: listKey(dto.caseFileId) });
    },
  });
};

export const useRepayment = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { paidOn: string; amountCents: number }) =>
      api.post<AidApplicationDto>(`/aid-applications/${enc(id)}/repayments`, body),
    onSuccess: (dto) => qc.setQueryData(appKey(id), dto),
  });
};

/** "1 234,56" or "1234.5" → 123456 cents, without floats; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u202f\u00a0€]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** 123456 → "1234,56" (what an input shows). */
export const centsToInput = (cents: number): string =>
  `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/** Corrects the pre-check's facts; the eligibility is read again. */
export const usePutFacts = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EligibilityFactsInput) => api.put<AidApplicationDto>(`/aid-applications/${enc(id)}/facts`, body),
    onSuccess: (dto) => {
      qc.setQueryData(appKey(id), dto);
      void qc.invalidateQueries({ queryKey: [...appKey(id), 'eligibility'] });
    },
  });
};

export interface LateRepayment {
  applicationId: string;
  fileNumber: string;
  aidLabel: string;
  lateCount: number;
  lateCents: number;
  outstandingCents: number;
  oldestLateDueDate: string;
}

/** The loans with late instalments on the user's files (home page). */
export const useLateRepayments = () =>
  useQuery({
    queryKey: ['aids', 'late-repayments'],
    queryFn: () => api.get<LateRepayment[]>('/aids/late-repayments'),
    retry: false,
  });
