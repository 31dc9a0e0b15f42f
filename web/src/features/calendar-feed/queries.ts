import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type CalendarFeed = Schemas['CalendarFeedResponse'];

const KEY = ['calendar-feed', 'me'];

export function useCalendarFeed() {
  return useQuery({ queryKey: KEY, queryFn: async () => unwrap(await api.GET('/calendar-feeds/me')) });
}

/** Makes or renews the feed; the answer carries the one sight of its address. */
export function useRenewCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/calendar-feeds/me')),
    onSuccess: (feed) => queryClient.setQueryData(KEY, feed),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/calendar-feeds/me')),
    onSuccess: () =>
      queryClient.setQueryData<CalendarFeed>(KEY, { active: false, createdAt: null, url: null }),
  });
}
