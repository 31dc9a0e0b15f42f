import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig } from '../config/app-config.service';
import { MatchingRunsService } from './matching-runs.service';

/**
 * Starts the nightly matching run (default 02:00 Europe/Oslo, MATCHING_CRON) and relays queued runs whose job
 * did not reach Redis. Every API instance fires the cron; the database lets exactly one run per night through.
 */
@Injectable()
export class NightlyMatchingScheduler implements OnModuleInit {
  private readonly logger = new Logger(NightlyMatchingScheduler.name);

  constructor(
    private readonly runs: MatchingRunsService,
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.get('SCHEDULER_ENABLED')) return;
    const nightly = CronJob.from({
      cronTime: this.config.get('MATCHING_CRON'),
      timeZone: 'Europe/Oslo',
      onTick: () => void this.startNightlyRuns(),
    });
    this.registry.addCronJob('nightly-matching', nightly);
    nightly.start();
    const relay = setInterval(() => void this.relay(), 15_000);
    relay.unref();
    this.registry.addInterval('matching-run-relay', relay);
  }

  async startNightlyRuns(): Promise<void> {
    try {
      const created = await this.runs.requestNightlyRuns();
      this.logger.log({ created }, 'nightly matching runs requested');
    } catch (error) {
      this.logger.error({ err: error }, 'nightly matching could not be requested');
    }
  }

  private async relay(): Promise<void> {
    try {
      const relayed = await this.runs.relayPendingRuns();
      if (relayed > 0) this.logger.warn({ relayed }, 'queued matching runs enqueued again');
    } catch (error) {
      this.logger.warn({ err: error }, 'matching run relay failed; will retry');
    }
  }
}
