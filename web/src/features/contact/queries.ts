import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type OwnAssignment = Schemas['OwnAssignmentResponse'];
export type AssignedUser = Schemas['MyUserResponse'];
export type Quota = Schemas['QuotaResponse'];
export type OwnMeeting = Schemas['OwnMeetingResponse'];
export type WeeklySlot = Schemas['WeeklySlotDto'];
export type LoggedSession = Schemas['LoggedSessionResponse'];

/** A contact has a handful of assignments (their capacity), so one page holds them all. */
export function useMyAssignments() {
  return useQuery({
    queryKey: ['contact', 'assignments'],
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/assignments', { params: { query: { active: true, pageSize: 50 } } }),
      );
      return page.items as OwnAssignment[];
    },
  });
}

export function useMyUsers() {
  return useQuery({
    queryKey: ['contact', 'users'],
    queryFn: async () => unwrap(await api.GET('/contacts/me/users')),
  });
}

export function useQuotas(assignmentId: string) {
  return useQuery({
    queryKey: ['contact', 'quotas', assignmentId],
    queryFn: async () => unwrap(await api.GET('/quotas', { params: { query: { assignmentId } } })),
  });
}

export function useInterestLabels() {
  return useQuery({
    queryKey: ['interests'],
    queryFn: async () => unwrap(await api.GET('/interests')),
    staleTime: 10 * 60_000,
    select: (interests) => new Map(interests.map((interest) => [interest.code, interest.label])),
  });
}

export function useMyMeetings() {
  return useQuery({
    queryKey: ['contact', 'meetings'],
    queryFn: async () => unwrap(await api.GET('/contacts/me/introductions')),
  });
}

export function useMyProfile() {
  return useQuery({
    queryKey: ['contact', 'profile'],
    queryFn: async () => unwrap(await api.GET('/contacts/me')),
  });
}

export function useSaveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: { availability: WeeklySlot[]; drivesOwnCar: boolean; version: number }) =>
      unwrap(
        await api.PATCH('/contacts/me', {
          body: { availability: change.availability, drivesOwnCar: change.drivesOwnCar },
          params: { header: { 'If-Match': String(change.version) } },
        }),
      ),
    onSuccess: (profile) => queryClient.setQueryData(['contact', 'profile'], profile),
  });
}

export function useOpenTimesheets() {
  return useQuery({
    queryKey: ['contact', 'timesheets', 'open'],
    queryFn: async () =>
      unwrap(await api.GET('/timesheets', { params: { query: { status: 'open', pageSize: 20 } } })),
  });
}

export function useTimesheet(id: string) {
  return useQuery({
    queryKey: ['contact', 'timesheets', id],
    queryFn: async () => unwrap(await api.GET('/timesheets/{id}', { params: { path: { id } } })),
  });
}

export function useSendToSigning(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (serviceUserId?: string) =>
      unwrap(
        await api.POST('/timesheets/{id}/signing-request', {
          params: { path: { id } },
          body: serviceUserId ? { serviceUserId } : {},
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contact', 'timesheets'] }),
  });
}

export type Absence = Schemas['AbsenceResponse'];

export function useMyAbsences() {
  return useQuery({
    queryKey: ['contact', 'absences'],
    queryFn: async () => unwrap(await api.GET('/contacts/me/absences')),
  });
}

export function useAddAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { startsOn: string; endsOn: string }) =>
      unwrap(await api.POST('/contacts/me/absences', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contact', 'absences'] }),
  });
}

export function useRemoveAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/contacts/me/absences/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contact', 'absences'] }),
  });
}

/** "Signer med engangskode": the code goes by e-mail to the user or guardian, never to this phone. */
export function useSendSigningCode(id: string) {
  return useMutation({
    mutationFn: async (serviceUserId?: string) =>
      unwrap(
        await api.POST('/timesheets/{id}/signing-code', {
          params: { path: { id } },
          body: serviceUserId ? { serviceUserId } : {},
        }),
      ),
  });
}

/** The code the signer reads out or types in; the timesheet leaves the open list once signed. */
export function useConfirmSigningCode(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) =>
      unwrap(
        await api.POST('/timesheets/{id}/signing-code/confirm', {
          params: { path: { id } },
          body: { code },
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['contact', 'timesheets', id] }),
  });
}

export type ExpenseCategory = Schemas['ExpenseCategoryResponse'];

/** The municipality's expense categories a session may use (a contact gets the active ones only). */
export function useExpenseCategories() {
  return useQuery({
    queryKey: ['expense-categories'],
    queryFn: async () => unwrap(await api.GET('/compensation/expense-categories')),
    staleTime: 10 * 60_000,
  });
}

export type PlannedSession = Schemas['PlannedSessionResponse'];

export function useMyPlannedSessions() {
  return useQuery({
    queryKey: ['contact', 'planned-sessions'],
    queryFn: async () => unwrap(await api.GET('/planned-sessions')),
  });
}

export function usePlanSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreatePlannedSessionRequest']) =>
      unwrap(await api.POST('/planned-sessions', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contact', 'planned-sessions'] }),
  });
}

export function useCancelPlannedSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/planned-sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['contact', 'planned-sessions'] }),
  });
}
