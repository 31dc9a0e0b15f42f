import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { assignFields, pickFields, refuseNulls } from '../common/http/field-mapping';
import { Clock } from '../common/clock';
import { ApiError, conflict, notFound } from '../common/errors/api-error';
import { Page, pageOf } from '../common/http/pagination';
import { queryPrepared } from '../database/prepared-statement';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { checkCapacity, CapacityLoad } from './capacity';
import { Contact } from './contact.entity';
import { capacityTakenSql, ContactReadRow, READ_CONTACT } from './contact.queries';
import { ContactListQuery } from './dto/contact.query';
import { CreateContactRequest, UpdateContactRequest, UpdateOwnProfileRequest } from './dto/contact.request';
import { ContactResponse } from './dto/contact.response';
import {
  assessEligibility,
  EligibilityPolicy,
  eligibleContactSql,
  eligibleContactSqlParameters,
} from './eligibility';

/** Fields a client may set; DTOs are mapped to the entity field by field, never merged wholesale. */
const WRITABLE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthYear',
  'gender',
  'languages',
  'postalCode',
  'latitude',
  'longitude',
  'interests',
  'availability',
  'maxUsers',
  'maxWeeklyHours',
  'drivesOwnCar',
  'policeCertificateIssuedOn',
  'policeCertificatePresentedOn',
  'confidentialitySignedOn',
  'active',
] as const satisfies readonly (keyof CreateContactRequest & keyof Contact)[];

const REQUIRED_FIELDS = new Set([
  'firstName',
  'lastName',
  'birthYear',
  'languages',
  'interests',
  'availability',
  'maxUsers',
  'maxWeeklyHours',
  'drivesOwnCar',
  'active',
]);
const DEFAULTS = {
  maxUsers: 1,
  maxWeeklyHours: 6,
  drivesOwnCar: false,
  active: true,
  languages: [],
  interests: [],
};

@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ContactListQuery): Promise<Page<ContactResponse>> {
    const policy = await this.municipalities.eligibilityPolicy(principal.municipalityId);
    const builder = this.dataSource
      .getRepository(Contact)
      .createQueryBuilder('c')
      .where('c.municipality_id = :municipalityId', { municipalityId: principal.municipalityId });
    if (query.q) {
      builder.andWhere(
        `(c.first_name ILIKE :q OR c.last_name ILIKE :q OR c.first_name || ' ' || c.last_name ILIKE :q)`,
        {
          q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`,
        },
      );
    }
    if (query.interest) builder.andWhere(':interest = ANY(c.interests)', { interest: query.interest });
    if (query.language) builder.andWhere(':language = ANY(c.languages)', { language: query.language });
    if (query.postalCode) builder.andWhere('c.postal_code = :postalCode', { postalCode: query.postalCode });
    if (query.active !== undefined) builder.andWhere('c.active = :active', { active: query.active });
    if (query.eligible !== undefined) this.whereEligible(builder, policy, query.eligible);
    const [contacts, total] = await builder
      .orderBy('c.last_name', 'ASC')
      .addOrderBy('c.first_name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(await this.toResponses(contacts, policy), total, query);
  }

  /** Staff see any contact of their municipality; a contact sees only themself. Others get 404. */
  async get(principal: Principal, id: string): Promise<ContactResponse> {
    if (principal.role === 'contact' && principal.contactId !== id) throw notFound('Contact');
    const today = this.clock.today();
    const [row] = await queryPrepared<ContactReadRow>(this.dataSource.manager, READ_CONTACT, [
      id,
      today,
      principal.municipalityId,
    ]);
    if (!row) throw notFound('Contact');
    const policy = await this.municipalities.eligibilityPolicy(principal.municipalityId);
    const { load, ...contact } = row;
    return ContactResponse.from(contact, assessEligibility(contact, policy, today), load);
  }

  async create(principal: Principal, body: CreateContactRequest): Promise<ContactResponse> {
    refuseNulls(body, REQUIRED_FIELDS);
    await this.municipalities.assertKnownInterests(principal.municipalityId, body.interests);
    const contact = this.dataSource
      .getRepository(Contact)
      .create({ ...DEFAULTS, municipalityId: principal.municipalityId });
    assignFields(contact, body, WRITABLE_FIELDS);
    const saved = await this.dataSource.getRepository(Contact).save(contact);
    return this.get(principal, saved.id);
  }

  async update(
    principal: Principal,
    id: string,
    body: UpdateContactRequest | UpdateOwnProfileRequest,
    expectedVersion?: number,
  ): Promise<ContactResponse> {
    refuseNulls(body, REQUIRED_FIELDS);
    await this.municipalities.assertKnownInterests(principal.municipalityId, body.interests);
    await this.dataSource.transaction(async (em) => {
      const contact = await this.find(principal.municipalityId, id, em);
      if (expectedVersion !== undefined && contact.version !== expectedVersion) {
        throw new ApiError(
          412,
          'version_mismatch',
          'The contact was changed by someone else; reload and try again',
          [],
          {
            currentVersion: contact.version,
          },
        );
      }
      assignFields(contact, body, WRITABLE_FIELDS);
      // The version check in the WHERE guards against a concurrent writer between our read and this update.
      const result = await em
        .createQueryBuilder()
        .update(Contact)
        .set({ ...pickFields(contact, WRITABLE_FIELDS), version: contact.version + 1, updatedAt: new Date() })
        .where('id = :id AND version = :version', { id, version: contact.version })
        .execute();
      if (result.affected !== 1) {
        throw new ApiError(
          412,
          'version_mismatch',
          'The contact was changed by someone else; reload and try again',
        );
      }
    });
    return this.get(principal, id);
  }

  /**
   * Locks the contact's row for the rest of the transaction and checks that it may take one more assignment of
   * `weeklyHours` starting `onDate`: active, eligible on that date, and within capacity. Concurrent callers queue
   * on the lock, so capacity holds under parallel requests. With `contractSignedOn` (an assignment, not an
   * introduction) the politiattest must also be no older than the municipality's maximum age on that day.
   * The load counts introductions on their way; `exceptServiceUserId` leaves out that user's own (see loads).
   */
  async reserveCapacity(
    em: EntityManager,
    municipalityId: string,
    contactId: string,
    weeklyHours: number,
    onDate: string,
    contractSignedOn?: string,
    exceptServiceUserId: string | null = null,
  ): Promise<Contact> {
    const contact = await em
      .getRepository(Contact)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :contactId AND c.municipality_id = :municipalityId', { contactId, municipalityId })
      .getOne();
    if (!contact) throw notFound('Contact');
    if (!contact.active) throw conflict('contact_inactive', 'The contact is not active on the roster');
    const policy = await this.municipalities.eligibilityPolicy(municipalityId, em);
    const checkDate = onDate > this.clock.today() ? onDate : this.clock.today();
    const eligibility = assessEligibility(contact, policy, checkDate, { contractSignedOn });
    if (!eligibility.eligible) {
      throw conflict(
        'contact_not_eligible',
        'The contact may not be assigned: ' + eligibility.reasons.map((r) => r.message).join('; '),
        {
          reasons: eligibility.reasons,
        },
      );
    }
    const load = (await this.loads([contact.id], em, exceptServiceUserId)).get(contact.id) ?? {
      users: 0,
      weeklyHours: 0,
    };
    const verdict = checkCapacity(contact, load, weeklyHours);
    if (!verdict.fits)
      throw conflict(verdict.code, verdict.message, {
        load,
        maxUsers: contact.maxUsers,
        maxWeeklyHours: contact.maxWeeklyHours,
      });
    return contact;
  }

  /**
   * Each contact's load (contact.queries.ts capacityTakenSql): open assignments and introductions on their way.
   * `exceptServiceUserId`: leave out that user's own, for the check before the user's introduction becomes
   * their assignment (the room it held is the room the assignment takes).
   */
  async loads(
    contactIds: string[],
    em: EntityManager = this.dataSource.manager,
    exceptServiceUserId: string | null = null,
  ): Promise<Map<string, CapacityLoad>> {
    if (contactIds.length === 0) return new Map();
    const rows: { contact_id: string; users: string; weekly_hours: string }[] = await em.query(
      `SELECT t.contact_id, count(*) AS users, coalesce(sum(t.weekly_hours), 0) AS weekly_hours
         FROM (${capacityTakenSql('contact_id = ANY($1::uuid[]) AND ($3::uuid IS NULL OR service_user_id IS DISTINCT FROM $3::uuid)', '$2')}) t
        GROUP BY t.contact_id`,
      [contactIds, this.clock.today(), exceptServiceUserId],
    );
    return new Map(
      rows.map((r) => [r.contact_id, { users: Number(r.users), weeklyHours: Number(r.weekly_hours) }]),
    );
  }

  private async find(
    municipalityId: string,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Contact> {
    const contact = await em.getRepository(Contact).findOneBy({ id, municipalityId });
    if (!contact) throw notFound('Contact');
    return contact;
  }

  private async toResponses(contacts: Contact[], policy: EligibilityPolicy): Promise<ContactResponse[]> {
    const loads = await this.loads(contacts.map((c) => c.id));
    const today = this.clock.today();
    return contacts.map((contact) =>
      ContactResponse.from(
        contact,
        assessEligibility(contact, policy, today),
        loads.get(contact.id) ?? { users: 0, weeklyHours: 0 },
      ),
    );
  }

  /** The list's eligibility filter: the SQL twin of `assessEligibility` (eligibility.ts), in the database. */
  private whereEligible(
    builder: SelectQueryBuilder<Contact>,
    policy: EligibilityPolicy,
    eligible: boolean,
  ): void {
    const condition = eligibleContactSql('c');
    builder.andWhere(
      eligible ? condition : `NOT ${condition}`,
      eligibleContactSqlParameters(policy, this.clock.today()),
    );
  }
}
