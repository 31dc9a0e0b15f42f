import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const WAITING_PAGE_SIZE = 20;

/** The queries as options, so the route can start them while the screen's chunk and the session load. */
export const waitingListQuery = (page: number) =>
  queryOptions({
    queryKey: ['waiting-list', page],
    queryFn: async () =>
      unwrap(await api.GET('/waiting-list', { params: { query: { page, pageSize: WAITING_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

export const lapsesQuery = () =>
  queryOptions({ queryKey: ['lapses'], queryFn: async () => unwrap(await api.GET('/lapses')) });

export const quotaWarningsQuery = () =>
  queryOptions({
    queryKey: ['quota-warnings'],
    queryFn: async () => unwrap(await api.GET('/quota-warnings')),
  });

export function useWaitingList(page: number) {
  return useQuery(waitingListQuery(page));
}

export function useLapses() {
  return useQuery(lapsesQuery());
}

export function useQuotaWarnings() {
  return useQuery(quotaWarningsQuery());
}
