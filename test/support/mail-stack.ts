import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startSmtpServer } from './smtp';

/** The API and the real worker, sending to an SMTP server of the test's own (the outbox's whole path). */
export interface MailStack {
  app: INestApplication;
  worker: INestApplicationContext;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  close(): Promise<void>;
}

/**
 * Starts the SMTP server, then the API and the worker with links pointing at `publicBaseUrl`. The configuration is
 * read when its module is first loaded, so the app's modules are loaded only after the environment is set: import
 * `./test-app` and the service modules after this resolves (dynamically), never at the top of the file.
 */
export async function startMailStack(publicBaseUrl: string): Promise<MailStack> {
  const smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_BASE_URL = publicBaseUrl;
  const { createTestApp } = await import('./test-app');
  const { WorkerModule } = await import('../../src/worker.module');
  const app = await createTestApp();
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  return {
    app,
    worker,
    smtp,
    async close() {
      await worker.close();
      await app.close();
      await smtp.close();
      delete process.env.SMTP_URL;
      delete process.env.PUBLIC_BASE_URL;
    },
  };
}
