import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { periodsBack } from './periods';

export type ServiceUser = Schemas['ServiceUserResponse'];
export type Decision = Schemas['DecisionResponse'];
export type CaseEvent = Schemas['CaseEventResponse'];
export type Quota = Schemas['QuotaResponse'];
export const SERVICE_USERS_PAGE_SIZE = 25;
export const ACCESS_LOG_PAGE_SIZE = 20;

/** Every read below is access-logged by the API (who, what, when). */
export function useServiceUsers(page: number, q: string) {
  return useQuery({
    queryKey: ['service-users', page, q],
    queryFn: async () =>
      unwrap(
        await api.GET('/service-users', {
          params: {
            query: { page, pageSize: SERVICE_USERS_PAGE_SIZE, ...(q ? { q } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useServiceUser(id: string) {
  return useQuery({
    queryKey: ['service-users', 'one', id],
    queryFn: async () => unwrap(await api.GET('/service-users/{id}', { params: { path: { id } } })),
  });
}

export function useDecisions(serviceUserId: string) {
  return useQuery({
    queryKey: ['service-users', 'decisions', serviceUserId],
    queryFn: async () =>
      unwrap(
        await api.GET('/service-users/{serviceUserId}/decisions', {
          params: { path: { serviceUserId }, query: { pageSize: 100 } },
        }),
      ),
  });
}

/** How many quota periods (this one and those before it) the record shows per assignment. */
export const QUOTA_PERIODS = 3;

/**
 * Hours (and km) used against the vedtak, per period (this one and up to two before it, back to the assignment's
 * start), for each of the user's active assignments.
 */
export function useQuotas(serviceUserId: string) {
  return useQuery({
    queryKey: ['service-users', 'quotas', serviceUserId],
    queryFn: async () => {
      const assignments = unwrap(
        await api.GET('/assignments', {
          params: { query: { serviceUserId, active: true, pageSize: 100 } },
        }),
      );
      return Promise.all(
        assignments.items.map(async (assignment) => ({
          assignment,
          periods: await periodsBack(assignment.startsOn, QUOTA_PERIODS, async (date) => {
            const quotas = unwrap(
              await api.GET('/quotas', {
                params: { query: { assignmentId: assignment.id, ...(date ? { date } : {}) } },
              }),
            );
            const quota = quotas[0];
            return quota ? { ...quota, periodStart: quota.hours.periodStart } : undefined;
          }),
        })),
      );
    },
  });
}

export function useCaseHistory(id: string) {
  return useQuery({
    queryKey: ['service-users', 'case-history', id],
    queryFn: async () =>
      unwrap(await api.GET('/service-users/{id}/case-history', { params: { path: { id } } })),
  });
}

export function useAccessLog(id: string, page: number) {
  return useQuery({
    queryKey: ['service-users', 'access-log', id, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/service-users/{id}/access-log', {
          params: { path: { id }, query: { page, pageSize: ACCESS_LOG_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The full fødselsnummer, on the explicit action only; the API logs each reveal. Never cached. */
export function useRevealNationalId(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/service-users/{id}/national-id', { params: { path: { id } } })).nationalId,
    gcTime: 0,
    // The reveal is in the access log at once, for the person to see that it was recorded.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['service-users', 'access-log', id] }),
  });
}

export type CompanionCard = NonNullable<ServiceUser['companionCard']>;
export const COMPANION_CARD_STATES: readonly CompanionCard[] = ['has', 'applied', 'none'];

/** Records the user's ledsagerbevis, sent with the version it was read at (If-Match): 412 when changed since. */
export function useUpdateCompanionCard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: { companionCard: CompanionCard | null; version: number }) =>
      unwrap(
        await api.PATCH('/service-users/{id}', {
          params: { path: { id }, header: { 'If-Match': String(change.version) } },
          body: { companionCard: change.companionCard },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['service-users', 'one', id] }),
  });
}
