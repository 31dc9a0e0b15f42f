import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config.service';
import { NotificationOutbox } from './notification-outbox';

/** Enqueues outbox rows whose job did not reach Redis, as the matching relay does for runs. */
@Injectable()
export class NotificationRelayScheduler implements OnModuleInit {
  private readonly logger = new Logger(NotificationRelayScheduler.name);

  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.get('SCHEDULER_ENABLED')) return;
    const relay = setInterval(() => void this.relay(), 15_000);
    relay.unref();
    this.registry.addInterval('notification-relay', relay);
  }

  private async relay(): Promise<void> {
    try {
      const relayed = await this.outbox.relayPending();
      if (relayed > 0) this.logger.warn({ relayed }, 'pending notifications enqueued again');
    } catch (error) {
      this.logger.warn({ err: error }, 'notification relay failed; will retry');
    }
  }
}
