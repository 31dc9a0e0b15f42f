import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pendingMigrations } from './migrate';

/**
 * The API and the worker never migrate (their role may not): at start they check that every migration they know
 * has been applied, and stop with one line saying what to run when not.
 */
@Injectable()
export class SchemaCheck implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const pending = await pendingMigrations(this.dataSource);
    if (pending.length > 0) {
      throw new Error(
        `The database schema is not current: ${pending.length} migration(s) pending (${pending.join(', ')}); run \`npm run migration:run\` as the owner first`,
      );
    }
  }
}
