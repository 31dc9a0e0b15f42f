import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export const ASSIGNMENTS_PAGE_SIZE = 20;
export type Assignment = Schemas['AssignmentResponse'];
export type EndReason = Schemas['EndAssignmentRequest']['reason'];
/** Active: not ended, or ending today or later; ended: ended before today (the API's `active`). */
export type AssignmentFilter = 'active' | 'ended';

export const END_REASONS: EndReason[] = [
  'user_moved',
  'contact_quit',
  'decision_expired',
  'needs_changed',
  'not_a_good_match',
  'eligibility_lapsed',
  'other',
];

export function useAssignments(filter: AssignmentFilter, page: number) {
  return useQuery({
    queryKey: ['assignments', filter, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/assignments', {
          params: { query: { page, pageSize: ASSIGNMENTS_PAGE_SIZE, active: filter === 'active' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEndAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; body: Schemas['EndAssignmentRequest'] }) =>
      unwrap(
        await api.POST('/assignments/{id}/end', { params: { path: { id: input.id } }, body: input.body }),
      ),
    onSuccess: () =>
      Promise.all(
        ['assignments', 'waiting-list'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
}
