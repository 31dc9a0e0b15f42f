import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

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

/** Hours (and km) used against the vedtak in this period, for each of the user's active assignments. */
export function useQuotas(serviceUserId: string) {
  return useQuery({
    queryKey: ['service-users', 'quotas', serviceUserId],
    queryFn: async () => {
      const assignments = unwrap(
        await api.GET('/assignments', {
          params: { query: { serviceUserId, active: true, pageSize: 100 } },
        }),
      );
      const quotas = await Promise.all(
        assignments.items.map(async (assignment) => ({
          assignment,
          quotas: unwrap(await api.GET('/quotas', { params: { query: { assignmentId: assignment.id } } })),
        })),
      );
      return quotas;
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
