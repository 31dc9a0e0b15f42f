import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const WAITING_PAGE_SIZE = 20;

export function useWaitingList(page: number) {
  return useQuery({
    queryKey: ['waiting-list', page],
    queryFn: async () =>
      unwrap(await api.GET('/waiting-list', { params: { query: { page, pageSize: WAITING_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

export function useLapses() {
  return useQuery({ queryKey: ['lapses'], queryFn: async () => unwrap(await api.GET('/lapses')) });
}

export function useQuotaWarnings() {
  return useQuery({
    queryKey: ['quota-warnings'],
    queryFn: async () => unwrap(await api.GET('/quota-warnings')),
  });
}
