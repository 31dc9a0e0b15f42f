import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { validateEnvironment } from './config/environment';
import { WorkerModule } from './worker.module';

/**
 * Worker entrypoint: processes the queues. On SIGTERM Nest closes the BullMQ workers, which stop taking jobs and
 * let the active one finish (or hand it back as stalled, to be retried) before the process exits.
 */
async function bootstrap(): Promise<void> {
  validateEnvironment(process.env); // a bad configuration stops here with its one line
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  console.warn('Worker started: processing matching runs');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
