import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { ProposalListQuery, ProposalNames, ProposalPersonRef } from './dto/matching.dto';
import { Proposal } from './proposal.entity';

@Injectable()
export class ProposalsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** By run, by user or by contact; best first within a run. */
  async list(principal: Principal, query: ProposalListQuery): Promise<Page<Proposal>> {
    const builder = this.dataSource
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.municipality_id = :municipalityId', { municipalityId: principal.municipalityId });
    if (query.runId) builder.andWhere('p.run_id = :runId', { runId: query.runId });
    if (query.serviceUserId) builder.andWhere('p.service_user_id = :userId', { userId: query.serviceUserId });
    if (query.contactId) builder.andWhere('p.contact_id = :contactId', { contactId: query.contactId });
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    const [items, total] = await builder
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.score', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(principal: Principal, id: string): Promise<Proposal> {
    const proposal = await this.dataSource
      .getRepository(Proposal)
      .findOneBy({ id, municipalityId: principal.municipalityId });
    if (!proposal) throw notFound('Proposal');
    return proposal;
  }

  /** The names of the proposals' users and contacts, in two queries (not one per row). */
  async names(principal: Principal, proposals: Proposal[]): Promise<ProposalNames> {
    const [serviceUsers, contacts] = await Promise.all([
      this.namesById(
        principal,
        'service_users',
        proposals.map((p) => p.serviceUserId),
      ),
      this.contactNames(
        principal,
        proposals.map((p) => p.contactId),
      ),
    ]);
    return { serviceUsers, contacts };
  }

  contactNames(principal: Principal, ids: string[]): Promise<Map<string, ProposalPersonRef>> {
    return this.namesById(principal, 'contacts', ids);
  }

  private async namesById(
    principal: Principal,
    table: 'service_users' | 'contacts',
    ids: string[],
  ): Promise<Map<string, ProposalPersonRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<string, ProposalPersonRef>();
    const rows: { id: string; firstName: string; lastName: string }[] = await this.dataSource.query(
      `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM ${table}
        WHERE municipality_id = $1 AND id = ANY($2::uuid[])`,
      [principal.municipalityId, unique],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}
