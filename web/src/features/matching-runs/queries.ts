import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type MatchingRun = Schemas['MatchingRunResponse'];

/** What the API's run summary holds (its schema says only "object"). */
/** A finished run's summary, as the API types it. */
export type RunSummary = Schemas['MatchingSummaryResponse'];

export function runSummary(run: MatchingRun): RunSummary | null {
  return run.summary ?? null;
}

export function isFinished(run: MatchingRun): boolean {
  return run.status === 'completed' || run.status === 'failed';
}

export const latestRunQuery = () =>
  queryOptions({
    queryKey: ['matching-runs', 'latest'],
    queryFn: async () => {
      const page = unwrap(await api.GET('/matching-runs', { params: { query: { page: 1, pageSize: 1 } } }));
      return page.items[0] ?? null;
    },
  });

export function useLatestRun() {
  return useQuery({
    ...latestRunQuery(),
    // While a run is under way, follow it.
    refetchInterval: (query) => (query.state.data && !isFinished(query.state.data) ? 1000 : false),
  });
}

/** One run, polled every second until it has finished. */
export function useRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['matching-runs', id],
    enabled: id !== null,
    queryFn: async () => {
      const run = unwrap(await api.GET('/matching-runs/{id}', { params: { path: { id: id as string } } }));
      if (isFinished(run)) {
        void queryClient.invalidateQueries({ queryKey: ['matching-runs', 'latest'] });
        void queryClient.invalidateQueries({ queryKey: ['proposals'] });
        void queryClient.invalidateQueries({ queryKey: ['waiting-list'] });
      }
      return run;
    },
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 1000),
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/matching-runs')),
    onSuccess: (run) => {
      queryClient.setQueryData(['matching-runs', run.id], run);
      queryClient.setQueryData(['matching-runs', 'latest'], run);
    },
  });
}
