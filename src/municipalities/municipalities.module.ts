import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesService } from './municipalities.service';

describeConstraints({
  interests_pkey: 'This interest code already exists in the vocabulary',
  municipalities_name_key: 'A municipality with this name already exists',
});

@Module({
  controllers: [MunicipalitiesController],
  providers: [MunicipalitiesService],
  exports: [MunicipalitiesService],
})
export class MunicipalitiesModule {}
