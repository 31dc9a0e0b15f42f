import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.service';
import { dataSourceOptions } from './data-source-options';
import { SchemaCheck } from './schema-check';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.get('DATABASE_URL')),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [SchemaCheck],
})
export class DatabaseModule {}
