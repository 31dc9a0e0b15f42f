import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EligibilityPolicy } from '../contacts/eligibility';
import { badRequest, notFound } from '../common/errors/api-error';
import { WeeklySlot } from '../common/scheduling/weekly-slot';
import { DEFAULT_INTERESTS } from './default-interests';
import { Interest, MunicipalMatchingSettings, Municipality } from './municipality.entity';

const POLICY_TTL_MS = 30_000;

@Injectable()
export class MunicipalitiesService {
  private readonly policies = new Map<string, { policy: EligibilityPolicy; expiresAt: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(municipalityId: string): Promise<Municipality> {
    const municipality = await this.dataSource.getRepository(Municipality).findOneBy({ id: municipalityId });
    if (!municipality) throw notFound('Municipality');
    return municipality;
  }

  /** Creates a municipality with the default interest vocabulary, in one transaction. */
  async create(input: { name: string; code?: string | null; id?: string }): Promise<Municipality> {
    return this.dataSource.transaction(async (em) => {
      const municipality = em.getRepository(Municipality).create({
        ...(input.id ? { id: input.id } : {}),
        name: input.name,
        code: input.code ?? null,
      });
      const saved = await em.getRepository(Municipality).save(municipality);
      await em
        .getRepository(Interest)
        .insert(DEFAULT_INTERESTS.map((i) => ({ ...i, municipalityId: saved.id })));
      return em.getRepository(Municipality).findOneByOrFail({ id: saved.id });
    });
  }

  async updateSettings(
    municipalityId: string,
    settings: Partial<
      Pick<Municipality, 'policeCertificateMaxAgeMonths' | 'policeCertificateValidityMonths' | 'meetingHours'>
    > & {
      matching?: MunicipalMatchingSettings;
    },
  ): Promise<Municipality> {
    await this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(Municipality);
      const current = await repository.findOne({
        where: { id: municipalityId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Municipality');
      const patch: Partial<Municipality> = {};
      if (settings.policeCertificateMaxAgeMonths !== undefined) {
        patch.policeCertificateMaxAgeMonths = settings.policeCertificateMaxAgeMonths;
      }
      if (settings.policeCertificateValidityMonths !== undefined) {
        patch.policeCertificateValidityMonths = settings.policeCertificateValidityMonths;
      }
      if (settings.meetingHours !== undefined) {
        // Field by field: never the DTO instances themselves.
        patch.meetingHours = settings.meetingHours.map(({ day, start, end }) => ({ day, start, end }));
      }
      if (settings.matching !== undefined) {
        // Field by field: a setting left out keeps its current value.
        const { travelRadiusKm, minMeetingMinutes, weights } = settings.matching;
        patch.matchingSettings = {
          ...current.matchingSettings,
          ...(travelRadiusKm !== undefined ? { travelRadiusKm } : {}),
          ...(minMeetingMinutes !== undefined ? { minMeetingMinutes } : {}),
          ...(weights !== undefined
            ? { weights: { ...current.matchingSettings.weights, ...definedOnly(weights) } }
            : {}),
        };
      }
      if (Object.keys(patch).length > 0) await repository.update({ id: municipalityId }, patch);
    });
    this.policies.delete(municipalityId);
    return this.get(municipalityId);
  }

  /**
   * The municipal politiattest rules, read on nearly every request: cached per process for a short while. A change
   * through updateSettings clears this process's copy at once; other instances follow within POLICY_TTL_MS.
   */
  async eligibilityPolicy(
    municipalityId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<EligibilityPolicy> {
    const cached = this.policies.get(municipalityId);
    if (cached && cached.expiresAt > Date.now()) return cached.policy;
    const municipality = await em.getRepository(Municipality).findOneBy({ id: municipalityId });
    if (!municipality) throw notFound('Municipality');
    const policy = {
      policeCertificateMaxAgeMonths: municipality.policeCertificateMaxAgeMonths,
      policeCertificateValidityMonths: municipality.policeCertificateValidityMonths,
      minimumAge: 18,
    };
    this.policies.set(municipalityId, { policy, expiresAt: Date.now() + POLICY_TTL_MS });
    return policy;
  }

  /** When introduction meetings may be held in the municipality (meeting-hours.ts). */
  async meetingHours(
    municipalityId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<WeeklySlot[]> {
    const municipality = await em
      .getRepository(Municipality)
      .findOne({ where: { id: municipalityId }, select: { id: true, meetingHours: true } });
    if (!municipality) throw notFound('Municipality');
    return municipality.meetingHours;
  }

  listInterests(municipalityId: string): Promise<Interest[]> {
    return this.dataSource
      .getRepository(Interest)
      .find({ where: { municipalityId }, order: { code: 'ASC' } });
  }

  async addInterest(municipalityId: string, code: string, label: string): Promise<Interest> {
    await this.dataSource.getRepository(Interest).insert({ municipalityId, code, label });
    return { municipalityId, code, label };
  }

  /** Refuses (400, field `interests`) any code that is not in the municipality's vocabulary. */
  async assertKnownInterests(municipalityId: string, codes: readonly string[] | undefined): Promise<void> {
    const unknown = await this.unknownInterests(municipalityId, codes ?? []);
    if (unknown.length > 0) {
      throw badRequest(
        'validation_failed',
        'The request is invalid',
        unknown.map((code) => ({
          field: 'interests',
          reason: `'${code}' is not in the municipality's interest vocabulary`,
        })),
      );
    }
  }

  /** Codes not in the municipality's vocabulary, so callers can refuse them with the field named. */
  async unknownInterests(
    municipalityId: string,
    codes: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ) {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await em.query(
      `SELECT code FROM interests WHERE municipality_id = $1 AND code = ANY($2::text[])`,
      [municipalityId, codes],
    );
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((code) => !known.has(code));
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
