import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLogController } from './access-log.controller';
import { AccessLogInterceptor } from './access-log.interceptor';
import { AccessLogService } from './access-log.service';

/** The access log: any context marks its reads with @AccessLogged; the interceptor writes the rows. */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogService, { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor }],
  exports: [AccessLogService],
})
export class AccessLogModule {}
