import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Introduction = Schemas['IntroductionResponse'];
export type IntroductionStatus = Introduction['status'];
export const INTRODUCTIONS_PAGE_SIZE = 20;

export function useIntroductions(status: IntroductionStatus | undefined, page: number) {
  return useQuery({
    queryKey: ['introductions', 'list', status ?? 'all', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/introductions', {
          params: { query: { page, pageSize: INTRODUCTIONS_PAGE_SIZE, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useIntroduction(id: string) {
  return useQuery({
    queryKey: ['introductions', id],
    queryFn: async () => unwrap(await api.GET('/introductions/{id}', { params: { path: { id } } })),
  });
}

export function useSuggestedTimes(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['introductions', id, 'suggested-times'],
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/introductions/{id}/suggested-times', {
          params: { path: { id }, query: { count: 6 } },
        }),
      ),
  });
}

function useSetIntroduction() {
  const queryClient = useQueryClient();
  return (introduction: Introduction) => {
    queryClient.setQueryData(['introductions', introduction.id], introduction);
    void queryClient.invalidateQueries({ queryKey: ['introductions', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['introductions', introduction.id, 'suggested-times'] });
    void queryClient.invalidateQueries({ queryKey: ['waiting-list'] });
  };
}

export function useBook(id: string) {
  const set = useSetIntroduction();
  return useMutation({
    mutationFn: async (body: Schemas['BookIntroductionRequest']) =>
      unwrap(await api.POST('/introductions/{id}/booking', { params: { path: { id } }, body })),
    onSuccess: set,
  });
}

export function useCancelBooking(id: string) {
  const set = useSetIntroduction();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE('/introductions/{id}/booking', { params: { path: { id } } })),
    onSuccess: set,
  });
}

export function useRecordOutcome(id: string) {
  const set = useSetIntroduction();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['OutcomeRequest']) =>
      unwrap(await api.POST('/introductions/{id}/outcome', { params: { path: { id } }, body })),
    onSuccess: (introduction) => {
      set(introduction);
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}
