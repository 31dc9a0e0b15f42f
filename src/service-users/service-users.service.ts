import { decisionInForceSql } from '../decisions/decision-in-force';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { assignFields, pickFields, refuseNulls } from '../common/http/field-mapping';
import { Clock } from '../common/clock';
import { ApiError, badRequest, FieldIssue, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { AppConfig } from '../config/app-config.service';
import { queryPrepared } from '../database/prepared-statement';
import { Decision } from '../decisions/decision.entity';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { ServiceUserListQuery } from './dto/service-user.query';
import { CreateServiceUserRequest, UpdateServiceUserRequest } from './dto/service-user.request';
import { ServiceUserResponse } from './dto/service-user.response';
import { checkIdentity } from './identity';
import { ServiceUser } from './service-user.entity';
import {
  READ_SERVICE_USER,
  READ_SERVICE_USERS,
  ServiceUserReadRow,
  serviceUserListSql,
} from './service-user.queries';

/** Fields a client may set; DTOs are mapped to the entity field by field, never merged wholesale. */
const WRITABLE_FIELDS = [
  'nationalId',
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'phone',
  'languages',
  'postalCode',
  'latitude',
  'longitude',
  'interests',
  'availability',
  'wishes',
  'preferredContactGender',
  'preferredLanguage',
  'preferredContactAgeMin',
  'preferredContactAgeMax',
  'guardianName',
  'guardianPhone',
  'companionCard',
] as const satisfies readonly (keyof CreateServiceUserRequest & keyof ServiceUser)[];

const REQUIRED_FIELDS = new Set([
  'nationalId',
  'firstName',
  'lastName',
  'birthDate',
  'languages',
  'interests',
  'availability',
]);
const DEFAULTS = { languages: [], interests: [], availability: [] };

const versionMismatch = (currentVersion?: number) =>
  new ApiError(
    412,
    'version_mismatch',
    'The service user was changed by someone else; reload and try again',
    [],
    currentVersion === undefined ? undefined : { currentVersion },
  );

@Injectable()
export class ServiceUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, query: ServiceUserListQuery): Promise<Page<ServiceUserResponse>> {
    const sql = serviceUserListSql(principal.municipalityId, query, this.clock.today());
    const em = this.dataSource.manager;
    const [{ total }]: { total: string }[] = await em.query(sql.count.text, sql.count.values);
    const rows: { id: string }[] = await em.query(sql.page.text, sql.page.values);
    const users = await this.responsesFor(
      em,
      rows.map((r) => r.id),
      principal.municipalityId,
    );
    return pageOf(users, Number(total), query);
  }

  async get(principal: Principal, id: string): Promise<ServiceUserResponse> {
    const [user] = await this.responsesFor(this.dataSource.manager, [id], principal.municipalityId);
    if (!user) throw notFound('Service user');
    return user;
  }

  /** Finds a user by fødselsnummer; 404 when the municipality has none with that number. */
  async lookup(principal: Principal, nationalId: string): Promise<ServiceUserResponse> {
    const found = await this.dataSource
      .getRepository(ServiceUser)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.municipality_id = :municipalityId AND u.national_id = :nationalId', {
        municipalityId: principal.municipalityId,
        nationalId,
      })
      .getOne();
    if (!found) throw notFound('Service user');
    return this.get(principal, found.id);
  }

  /** The full fødselsnummer, for the explicit reveal; 404 outside the municipality. */
  async revealNationalId(principal: Principal, id: string): Promise<{ nationalId: string }> {
    const user = await this.loadWithNationalId(this.dataSource.manager, principal.municipalityId, id);
    if (!user) throw notFound('Service user');
    return { nationalId: user.nationalId };
  }

  async create(principal: Principal, body: CreateServiceUserRequest): Promise<ServiceUserResponse> {
    refuseNulls(body, REQUIRED_FIELDS);
    const birthDate = this.validateIdentity(body.nationalId, body.birthDate);
    refuseInvertedAgeBand(body.preferredContactAgeMin ?? null, body.preferredContactAgeMax ?? null);
    await this.municipalities.assertKnownInterests(principal.municipalityId, body.interests);
    const repository = this.dataSource.getRepository(ServiceUser);
    const user = repository.create({ ...DEFAULTS, municipalityId: principal.municipalityId });
    assignFields(user, body, WRITABLE_FIELDS);
    user.birthDate = birthDate;
    const { identifiers } = await repository.insert(user);
    return this.get(principal, String(identifiers[0].id));
  }

  async update(
    principal: Principal,
    id: string,
    body: UpdateServiceUserRequest,
    expectedVersion?: number,
  ): Promise<ServiceUserResponse> {
    refuseNulls(body, REQUIRED_FIELDS);
    await this.municipalities.assertKnownInterests(principal.municipalityId, body.interests);
    await this.dataSource.transaction(async (em) => {
      const user = await this.loadWithNationalId(em, principal.municipalityId, id);
      if (!user) throw notFound('Service user');
      if (expectedVersion !== undefined && user.version !== expectedVersion)
        throw versionMismatch(user.version);
      const birthDate =
        body.nationalId !== undefined || body.birthDate !== undefined
          ? this.validateIdentity(body.nationalId ?? user.nationalId, body.birthDate)
          : user.birthDate;
      assignFields(user, body, WRITABLE_FIELDS);
      user.birthDate = birthDate;
      refuseInvertedAgeBand(user.preferredContactAgeMin, user.preferredContactAgeMax);
      // The version check in the WHERE guards against a concurrent writer between our read and this update.
      const result = await em
        .createQueryBuilder()
        .update(ServiceUser)
        .set({ ...pickFields(user, WRITABLE_FIELDS), version: user.version + 1, updatedAt: new Date() })
        .where('id = :id AND version = :version', { id, version: user.version })
        .execute();
      if (result.affected !== 1) throw versionMismatch();
    });
    return this.get(principal, id);
  }

  /**
   * Locks the user's row for the rest of the caller's transaction (SELECT … FOR UPDATE), so decisions,
   * assignments and group places for one user are decided one at a time. 404 for another municipality's user.
   * The returned entity does not hold the fødselsnummer.
   */
  async lockServiceUser(
    em: EntityManager,
    municipalityId: string,
    serviceUserId: string,
  ): Promise<ServiceUser> {
    const user = await em
      .getRepository(ServiceUser)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :serviceUserId AND u.municipality_id = :municipalityId', {
        serviceUserId,
        municipalityId,
      })
      .getOne();
    if (!user) throw notFound('Service user');
    return user;
  }

  /** The decision valid on `onDate` (the latest to take effect when several are), or null. */
  async currentDecision(
    em: EntityManager,
    municipalityId: string,
    serviceUserId: string,
    onDate: string,
  ): Promise<Decision | null> {
    return em
      .getRepository(Decision)
      .createQueryBuilder('d')
      .where(
        `d.id = (${decisionInForceSql({ userRef: ':serviceUserId', onDate: ':onDate', columns: 'dif.id' })})`,
        { serviceUserId, onDate },
      )
      .andWhere('d.municipality_id = :municipalityId', { municipalityId })
      .getOne();
  }

  /** 404 unless the user exists in the municipality; for routes nested under a user. */
  async assertExists(
    municipalityId: string,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const exists = await em.getRepository(ServiceUser).existsBy({ id, municipalityId });
    if (!exists) throw notFound('Service user');
  }

  /**
   * Validates the fødselsnummer (mod-11, real date, D-/H-number, synthetic only where allowed) and returns the
   * birth date it encodes; a given birth date must agree with it. Throws 400 naming the field, never the number.
   */
  validateIdentity(nationalId: string, birthDate: string | undefined): string {
    const check = checkIdentity(nationalId, birthDate, {
      allowSynthetic: this.config.get('ALLOW_SYNTHETIC_NATIONAL_IDS'),
      today: this.clock.today(),
    });
    if (!check.ok) throw badRequest('validation_failed', 'The request is invalid', check.issues);
    return check.birthDate;
  }

  /** The user entity with its fødselsnummer selected, for an update; null outside the municipality. */
  private loadWithNationalId(
    em: EntityManager,
    municipalityId: string,
    id: string,
  ): Promise<ServiceUser | null> {
    return em
      .getRepository(ServiceUser)
      .createQueryBuilder('u')
      .addSelect('u.nationalId')
      .where('u.id = :id AND u.municipality_id = :municipalityId', { id, municipalityId })
      .getOne();
  }

  /**
   * Users as staff see them (the fødselsnummer only masked), in the order of `ids`; ids not found in the
   * municipality are left out. One prepared statement, whatever the number of users.
   */
  private async responsesFor(
    em: EntityManager,
    ids: string[],
    municipalityId: string,
  ): Promise<ServiceUserResponse[]> {
    if (ids.length === 0) return [];
    const today = this.clock.today();
    const rows =
      ids.length === 1
        ? await queryPrepared<ServiceUserReadRow>(em, READ_SERVICE_USER, [ids[0], today, municipalityId])
        : await queryPrepared<ServiceUserReadRow>(em, READ_SERVICE_USERS, [ids, today, municipalityId]);
    const byId = new Map(
      rows.map(({ currentDecision, hasContact, ...user }) => {
        const standing = { currentDecision, waiting: currentDecision !== null && !hasContact };
        return [user.id, ServiceUserResponse.from(user, standing, today)];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

function refuseInvertedAgeBand(min: number | null, max: number | null): void {
  if (min !== null && max !== null && min > max) {
    const issue: FieldIssue = {
      field: 'preferredContactAgeMax',
      reason: 'preferredContactAgeMax must be at least preferredContactAgeMin',
    };
    throw badRequest('validation_failed', 'The request is invalid', [issue]);
  }
}
