import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { CloseRelativesController } from './close-relatives.controller';
import { CloseRelativesService } from './close-relatives.service';

describeConstraints({
  close_relatives_relation_check: 'relation must be 1–200 characters',
});

/** Close relatives of users among the contacts; the rule itself (close-relatives.rules.ts) is used by every path. */
@Module({
  controllers: [CloseRelativesController],
  providers: [CloseRelativesService],
})
export class CloseRelativesModule {}
