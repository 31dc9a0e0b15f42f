import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { assessDecisionAge } from '../service-users/school-age';
import { ServiceUsersService } from '../service-users/service-users.service';
import { Decision } from './decision.entity';
import { decisionTermIssues, defaultWaitingSince } from './decision-rules';
import { DecisionListQuery } from './dto/decision.query';
import { CreateDecisionRequest } from './dto/decision.request';
import { DecisionResponse } from './dto/decision.response';

/** Decisions (vedtak) are registered, read and listed; a changed decision is a new decision, never an edit. */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly serviceUsers: ServiceUsersService,
    private readonly clock: Clock,
  ) {}

  /** A user's decisions, newest period first. */
  async list(
    principal: Principal,
    serviceUserId: string,
    query: DecisionListQuery,
  ): Promise<Page<DecisionResponse>> {
    await this.serviceUsers.assertExists(principal.municipalityId, serviceUserId);
    const builder = this.dataSource
      .getRepository(Decision)
      .createQueryBuilder('d')
      .where('d.service_user_id = :serviceUserId AND d.municipality_id = :municipalityId', {
        serviceUserId,
        municipalityId: principal.municipalityId,
      });
    if (query.validOn) {
      builder.andWhere('d.valid_from <= :validOn::date AND d.valid_to >= :validOn::date', {
        validOn: query.validOn,
      });
    }
    const [decisions, total] = await builder
      .orderBy('d.valid_from', 'DESC')
      .addOrderBy('d.decided_on', 'DESC')
      .addOrderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    const today = this.clock.today();
    return pageOf(
      decisions.map((d) => DecisionResponse.full(d, today)),
      total,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<DecisionResponse> {
    const decision = await this.dataSource
      .getRepository(Decision)
      .findOneBy({ id, municipalityId: principal.municipalityId });
    if (!decision) throw notFound('Decision');
    return DecisionResponse.full(decision, this.clock.today());
  }

  /**
   * Registers a vedtak. The user's row is locked while the age rule is judged and the decision written, so a
   * concurrent assignment or group placement sees either no decision or this one.
   */
  async create(
    principal: Principal,
    serviceUserId: string,
    body: CreateDecisionRequest,
  ): Promise<DecisionResponse> {
    const today = this.clock.today();
    const issues = decisionTermIssues(
      {
        hoursGranted: body.hoursGranted,
        hoursPeriod: body.hoursPeriod,
        decidedOn: body.decidedOn,
        validFrom: body.validFrom,
        validTo: body.validTo,
        waitingSince: body.waitingSince ?? undefined,
      },
      today,
    );
    if (issues.length > 0) throw badRequest('validation_failed', 'The request is invalid', issues);
    const grantedByChildWelfare = body.grantedByChildWelfare ?? false;

    const id = await this.dataSource.transaction(async (em) => {
      const user = await this.serviceUsers.lockServiceUser(em, principal.municipalityId, serviceUserId);
      // Not granted to children under school age unless by barnevernstjenesten (DOMAIN rule 6; seeds 000, 004).
      const age = assessDecisionAge(user.birthDate, body.validFrom, grantedByChildWelfare);
      if (!age.allowed) {
        throw badRequest('age_rule', age.reason, [{ field: 'validFrom', reason: age.reason }]);
      }
      const repository = em.getRepository(Decision);
      const decision = repository.create({
        municipalityId: principal.municipalityId,
        serviceUserId: user.id,
        serviceForm: body.serviceForm,
        hoursGranted: body.hoursGranted,
        hoursPeriod: body.hoursPeriod,
        drivingKmGranted: body.drivingKmGranted ?? 0,
        drivingPeriod: body.drivingPeriod ?? 'month',
        decidedOn: body.decidedOn,
        validFrom: body.validFrom,
        validTo: body.validTo,
        grantedByChildWelfare,
        waitingSince: body.waitingSince ?? defaultWaitingSince(body.decidedOn, body.validFrom),
        decisionText: body.decisionText ?? null,
        createdBy: principal.subject,
      });
      const { identifiers } = await repository.insert(decision);
      return String(identifiers[0].id);
    });
    return this.get(principal, id);
  }
}
