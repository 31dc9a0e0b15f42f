import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { DEFAULT_PAY_PERIOD_START_DAY, PayPeriod, payPeriodContaining } from './pay-period';

export interface PaySettings {
  payPeriodStartDay: number;
}

/** The municipality's pay period setting (default the 21st → the 20th), read where periods are computed. */
@Injectable()
export class PaySettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(municipalityId: string, em: EntityManager = this.dataSource.manager): Promise<PaySettings> {
    const [row] = await em.query<{ pay_period_start_day: number }[]>(
      `SELECT pay_period_start_day FROM pay_settings WHERE municipality_id = $1`,
      [municipalityId],
    );
    return { payPeriodStartDay: row?.pay_period_start_day ?? DEFAULT_PAY_PERIOD_START_DAY };
  }

  /** Takes effect for timesheets opened from now on; an existing timesheet keeps the period it was opened for. */
  async update(principal: Principal, settings: PaySettings): Promise<PaySettings> {
    await this.dataSource.query(
      `INSERT INTO pay_settings (municipality_id, pay_period_start_day, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id) DO UPDATE
         SET pay_period_start_day = EXCLUDED.pay_period_start_day, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [principal.municipalityId, settings.payPeriodStartDay, principal.subject],
    );
    return this.get(principal.municipalityId);
  }

  async periodContaining(
    municipalityId: string,
    date: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<PayPeriod> {
    return payPeriodContaining(date, (await this.get(municipalityId, em)).payPeriodStartDay);
  }
}
