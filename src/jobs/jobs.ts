/**
 * Every queue and job name with its payload type, declared once, so a producer and its processor cannot drift
 * apart. Payloads carry ids, never whole records.
 */
export const QueueName = {
  Matching: 'matching',
  Lapses: 'lapses',
  Notifications: 'notifications',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** Run the matching engine for one municipality; jobId = the run's id, so it is never queued twice. */
  MatchingRun: 'matching-run',
  /** The nightly tick (job scheduler 'nightly-matching'): creates the night's runs, one per municipality. */
  NightlyMatching: 'nightly-matching',
  /** Find politiattester and vedtak that lapse within 30 days or have lapsed; jobId = 'lapse-scan-<date>'. */
  LapseScan: 'lapse-scan',
  /** The morning tick (job scheduler 'daily-lapse-scan'): writes the day's lapse_scans row and queues its scan. */
  DailyLapseScan: 'daily-lapse-scan',
  /** Send one outbox row (e-mail); jobId = the row's id, so it is never queued twice. */
  SendNotification: 'send-notification',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.MatchingRun]: { runId: string; municipalityId: string };
  [JobName.NightlyMatching]: Record<string, never>;
  [JobName.LapseScan]: { scanDate: string };
  [JobName.DailyLapseScan]: Record<string, never>;
  [JobName.SendNotification]: { notificationId: string };
}

export type JobOf<N extends JobName> = JobPayloads[N];
