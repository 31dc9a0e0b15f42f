import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { CreateRateRequest, RateResponse } from './dto/rate.dto';
import { Rate } from './money';

interface RateRow {
  id: string;
  valid_from: string;
  hourly_rate_ore: number;
  km_rate_ore: number;
  created_by: string;
  created_at: Date;
}

/** The municipality's hourly and km rates, each from a date (one per day; a new day's rate never rewrites paid ones). */
@Injectable()
export class RatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(municipalityId: string): Promise<RateResponse[]> {
    const rows = await this.rows(municipalityId);
    return rows.map((row) => ({
      id: row.id,
      validFrom: row.valid_from,
      hourlyRateOre: row.hourly_rate_ore,
      kmRateOre: row.km_rate_ore,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }));
  }

  async create(principal: Principal, body: CreateRateRequest): Promise<RateResponse> {
    const [{ id }] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO compensation_rates (municipality_id, valid_from, hourly_rate_ore, km_rate_ore, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [principal.municipalityId, body.validFrom, body.hourlyRateOre, body.kmRateOre, principal.subject],
    );
    return (await this.list(principal.municipalityId)).find((rate) => rate.id === id)!;
  }

  async rates(municipalityId: string, em: EntityManager = this.dataSource.manager): Promise<Rate[]> {
    return (await this.rows(municipalityId, em)).map((row) => ({
      validFrom: row.valid_from,
      hourlyRateOre: row.hourly_rate_ore,
      kmRateOre: row.km_rate_ore,
    }));
  }

  private rows(municipalityId: string, em: EntityManager = this.dataSource.manager): Promise<RateRow[]> {
    return em.query<RateRow[]>(
      `SELECT id, valid_from::text AS valid_from, hourly_rate_ore, km_rate_ore, created_by, created_at
         FROM compensation_rates WHERE municipality_id = $1 ORDER BY valid_from`,
      [municipalityId],
    );
  }
}
