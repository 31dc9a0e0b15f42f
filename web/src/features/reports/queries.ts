import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import type { MonthRange } from './months';

/** Waiting times per month: who started in the month, by how long they waited, and who still waits at its end. */
export function useWaitingTimesByMonth(months: MonthRange[]) {
  return useQueries({
    queries: months.map((m) => ({
      queryKey: ['reports', 'waiting-times', m.from, m.to],
      queryFn: async () =>
        unwrap(
          await api.GET('/reports/waiting-times', {
            params: { query: { from: m.from, to: m.to, format: 'json' } },
          }),
        ) as Schemas['WaitingTimesReport'],
    })),
  });
}

/** Hours granted vs used per month, summed over the users. */
export function useHoursByMonth(months: MonthRange[]) {
  return useQueries({
    queries: months.map((m) => ({
      queryKey: ['reports', 'hours', m.from, m.to],
      queryFn: async () => {
        const report = unwrap(
          await api.GET('/reports/hours', { params: { query: { from: m.from, to: m.to, format: 'json' } } }),
        ) as Schemas['HoursReport'];
        const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
        return {
          granted: sum(report.users.map((u) => u.grantedHours)),
          used: sum(report.users.map((u) => u.usedHours)),
        };
      },
    })),
  });
}

export function useEndedAssignments(from: string, to: string) {
  return useQuery({
    queryKey: ['reports', 'ended-assignments', from, to],
    queryFn: async () =>
      unwrap(
        await api.GET('/reports/ended-assignments', { params: { query: { from, to, format: 'json' } } }),
      ) as Schemas['EndedAssignmentsReport'],
  });
}

/** The KPR yearly export as a file (fødselsnumre: the download is access-logged by the API). */
export function kprUrl(year: number): string {
  return `/reports/kpr?${new URLSearchParams({ year: String(year), format: 'csv' }).toString()}`;
}
