import { Module } from '@nestjs/common';
import { ServiceUsersModule } from '../service-users/service-users.module';
import { CaseHistoryController } from './case-history.controller';

/** Reads the case history; contexts write it with recordCaseEvent inside their own transactions. */
@Module({
  imports: [ServiceUsersModule],
  controllers: [CaseHistoryController],
})
export class CaseHistoryModule {}
