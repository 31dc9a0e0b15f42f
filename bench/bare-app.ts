/**
 * The yardsticks of the API benchmark: a bare NestJS handler doing one indexed `pg` query, with no auth, no
 * validation pipe, no logging and no access log. The API's figures are read as a ratio to it, so they hold on a
 * noisy machine. BARE_PLATFORM picks the HTTP platform: `express` (NestJS's default, the yardstick issue 6 names)
 * or `fastify` (the API's own). Started by bench/api.bench.ts as a child process, compiled:
 *   PORT=3101 BARE_PLATFORM=express DATABASE_URL=postgres://… node dist/bench/bare-app.js
 */
import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Module,
  NotFoundException,
  OnApplicationShutdown,
  Param,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Pool } from 'pg';

const POOL = Symbol('pg-pool');

@Controller()
class BareController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Get('contacts/:id')
  async contact(@Param('id') id: string): Promise<{ id: string; firstName: string }> {
    const { rows } = await this.pool.query<{ id: string; first_name: string }>(
      'SELECT id, first_name FROM contacts WHERE id = $1',
      [id],
    );
    if (rows.length === 0) throw new NotFoundException();
    return { id: rows[0].id, firstName: rows[0].first_name };
  }
}

@Module({
  controllers: [BareController],
  // The same pool size as the API's (src/database/data-source-options.ts), so the comparison is fair.
  providers: [
    { provide: POOL, useFactory: () => new Pool({ connectionString: process.env.DATABASE_URL, max: 20 }) },
  ],
})
class BareModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

async function main(): Promise<void> {
  const platform = process.env.BARE_PLATFORM ?? 'express';
  if (platform !== 'express' && platform !== 'fastify') throw new Error('BARE_PLATFORM: express or fastify');
  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(BareModule, adapter, { logger: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3101), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
