import { Injectable } from '@nestjs/common';
import { todayInOslo } from './dates';

/** The one source of "now" and "today" (Europe/Oslo), so rules about dates can be tested at any date. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return todayInOslo(this.now());
  }
}
