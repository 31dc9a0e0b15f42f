/** The reports as CSV, one table each. */
import { toCsv } from '../common/csv';
import { EndedAssignmentsReport, HoursReport, KprReport, WaitingTimesReport } from './dto/report.dto';

export function hoursCsv(report: HoursReport): string {
  return toCsv(
    ['kind', 'id', 'last_name', 'first_name', 'granted_or_assigned_hours', 'used_hours'],
    [
      ...report.users.map((u) => [
        'user',
        u.serviceUserId,
        u.lastName,
        u.firstName,
        u.grantedHours,
        u.usedHours,
      ]),
      ...report.contacts.map((c) => [
        'contact',
        c.contactId,
        c.lastName,
        c.firstName,
        c.assignedHours,
        c.usedHours,
      ]),
    ],
  );
}

export function waitingTimesCsv(report: WaitingTimesReport): string {
  return toCsv(
    ['group', 'within_15_days', '16_to_30_days', '31_days_or_more'],
    (['started', 'stillWaiting'] as const).map((group) => [
      group === 'started' ? 'started' : 'still_waiting',
      report[group].within15Days,
      report[group].from16To30Days,
      report[group].from31Days,
    ]),
  );
}

export function endedAssignmentsCsv(report: EndedAssignmentsReport): string {
  const bands = ['within3Months', 'within6Months', 'within12Months', 'after12Months'] as const;
  return toCsv(
    ['ended', 'reason', 'count'],
    bands.flatMap((band) => [
      [band, 'all', report[band].count],
      ...Object.entries(report[band].reasons).map(([reason, count]) => [band, reason, count]),
    ]),
  );
}

export function kprCsv(report: KprReport): string {
  return toCsv(
    ['fodselsnummer', 'tjenestekode', 'aar', 'timer'],
    report.lines.map((l) => [l.nationalId, l.serviceCode, l.year, l.hours]),
  );
}
