import { Module } from '@nestjs/common';
import { WaitingListController } from './waiting-list.controller';
import { WaitingListService } from './waiting-list.service';

/** The waiting list: who waits for a støttekontakt, how long, and how far their case has come. */
@Module({
  controllers: [WaitingListController],
  providers: [WaitingListService],
})
export class WaitingListModule {}
