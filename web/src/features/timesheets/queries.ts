import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export const TIMESHEETS_PAGE_SIZE = 20;
export type Timesheet = Schemas['TimesheetResponse'];
export type TimesheetDetail = Schemas['TimesheetDetailResponse'];
export type TimesheetStatus = Timesheet['status'];

export function useTimesheets(status: TimesheetStatus, page: number) {
  return useQuery({
    queryKey: ['timesheets', status, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/timesheets', {
          params: { query: { status, page, pageSize: TIMESHEETS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTimesheet(id: string) {
  return useQuery({
    queryKey: ['timesheets', 'one', id],
    queryFn: async () => unwrap(await api.GET('/timesheets/{id}', { params: { path: { id } } })),
  });
}

/** What the timesheet is worth (pay and the users' share of driving), at the rates of each session's date. */
export function useTimesheetMoney(id: string) {
  return useQuery({
    queryKey: ['timesheets', 'money', id],
    queryFn: async () => unwrap(await api.GET('/compensation/timesheets/{id}', { params: { path: { id } } })),
  });
}

export function useApproveTimesheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/timesheets/{id}/approve', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all(['timesheets', 'payroll'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}
