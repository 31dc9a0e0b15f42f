import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';

export type Recruitment = Schemas['RecruitmentResponse'];
export type RecruitmentProfile = Schemas['RecruitmentProfileResponse'];
export type WaitingArea = Schemas['WaitingAreaResponse'];

/** The newest completed run: its recruitment plan is the one to read (a run under way has none yet). */
export function useLatestCompletedRun() {
  return useQuery({
    queryKey: ['matching-runs', 'latest-completed'],
    queryFn: async () => {
      const page = unwrap(await api.GET('/matching-runs', { params: { query: { page: 1, pageSize: 20 } } }));
      return page.items.find((run) => run.status === 'completed') ?? null;
    },
  });
}

export function useRecruitment(runId: string | null) {
  return useQuery({
    queryKey: ['recruitment', runId],
    enabled: runId !== null,
    queryFn: async () =>
      unwrap(await api.GET('/matching-runs/{id}/recruitment', { params: { path: { id: runId as string } } })),
  });
}
