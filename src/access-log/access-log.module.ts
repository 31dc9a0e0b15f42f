import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogInterceptor } from './access-log.interceptor';
import { AccessLogService } from './access-log.service';

/** The access log: any context marks its reads with @AccessLogged, which binds the interceptor that writes the rows. */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogService, AccessLogInterceptor],
  exports: [AccessLogService, AccessLogInterceptor],
})
export class AccessLogModule {}
