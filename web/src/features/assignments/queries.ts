import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const ASSIGNMENTS_PAGE_SIZE = 20;

export function useAssignments(page: number) {
  return useQuery({
    queryKey: ['assignments', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/assignments', {
          params: { query: { page, pageSize: ASSIGNMENTS_PAGE_SIZE, active: true } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
