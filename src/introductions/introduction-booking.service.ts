import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lockCaseworkerCalendar, overlappingBusyTime } from '../caseworker-calendar/calendar-lock';
import { Principal } from '../common/auth/principal';
import { Clock } from '../common/clock';
import { addDays, todayInOslo } from '../common/dates';
import { badRequest, conflict, notFound } from '../common/errors/api-error';
import { WeeklySlot } from '../common/scheduling/weekly-slot';
import { assessEligibility } from '../contacts/eligibility';
import { transactionWithRetry } from '../database/retry';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { NotificationKind } from '../notifications/messages';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Recipients } from '../notifications/recipients';
import { BookIntroductionRequest, SuggestedTimesQuery } from './dto/introduction.request';
import { IntroductionResponse, SuggestedTimesResponse } from './dto/introduction.response';
import { Introduction } from './introduction.entity';
import { BLOCKING_INTERVALS_SQL } from './introduction.queries';
import {
  introductionTransition,
  introductionView,
  lockIntroduction,
  moveIntroduction,
} from './introduction-store';
import { isWithinMeetingHours } from './meeting-hours';
import { suggestMeetingTimes } from './meeting-times';
import { AbsencesService } from '../contacts/absences.service';

const MAX_AHEAD_MS = 365 * 24 * 3_600_000;

/**
 * Books the introduction meeting (DOMAIN rule 8): suggests times that suit the user, the contact and the
 * saksbehandler, and books the one the coordinator picks. Overlaps with other meetings of any of the three are
 * refused by the database's exclusion constraints (23P01 → 409), also when two bookings arrive at once.
 */
@Injectable()
export class IntroductionBookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly recipients: Recipients,
    private readonly absences: AbsencesService,
  ) {}

  async suggest(
    principal: Principal,
    id: string,
    query: SuggestedTimesQuery,
  ): Promise<SuggestedTimesResponse> {
    const em = this.dataSource.manager;
    const caseworker = query.caseworker ?? principal.subject;
    const [row]: {
      status: Introduction['status'];
      contact_id: string;
      service_user_id: string;
      user_availability: WeeklySlot[];
      contact_availability: WeeklySlot[];
    }[] = await em.query(
      `SELECT i.status, i.contact_id, i.service_user_id, su.availability AS user_availability,
              c.availability AS contact_availability
         FROM introductions i JOIN service_users su ON su.id = i.service_user_id JOIN contacts c ON c.id = i.contact_id
        WHERE i.id = $1 AND i.municipality_id = $2`,
      [id, principal.municipalityId],
    );
    if (!row) throw notFound('Introduction');
    introductionTransition(row, 'book');
    const now = this.clock.now();
    const meetingHours = await this.municipalities.meetingHours(principal.municipalityId, em);
    const busy: { starts_at: Date; ends_at: Date }[] = await em.query(BLOCKING_INTERVALS_SQL, [
      row.contact_id,
      row.service_user_id,
      principal.municipalityId,
      caseworker,
      id,
      now,
    ]);
    // From tomorrow: the user, the contact and the saksbehandler need notice.
    const firstDate = addDays(todayInOslo(now), 1);
    const contactAbsences = await this.absences.during(
      em,
      row.contact_id,
      firstDate,
      addDays(firstDate, query.days),
    );
    const times = suggestMeetingTimes({
      firstDate,
      contactAbsences,
      days: query.days,
      durationMinutes: query.durationMinutes,
      stepMinutes: 30,
      count: query.count,
      notBefore: now,
      userAvailability: row.user_availability,
      contactAvailability: row.contact_availability,
      busy: busy.map((b) => ({ start: b.starts_at, end: b.ends_at })),
      meetingHours,
    });
    return {
      caseworker,
      times: times.map((t) => ({ startsAt: t.start.toISOString(), endsAt: t.end.toISOString() })),
    };
  }

  async book(principal: Principal, id: string, body: BookIntroductionRequest): Promise<IntroductionResponse> {
    const start = new Date(body.startsAt);
    const end = new Date(start.getTime() + (body.durationMinutes ?? 60) * 60_000);
    const now = this.clock.now();
    if (start <= now || start.getTime() - now.getTime() > MAX_AHEAD_MS) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'startsAt', reason: 'startsAt must be in the future, at most a year ahead' },
      ]);
    }
    const caseworker = body.caseworker ?? principal.subject;
    const notificationIds = await transactionWithRetry(this.dataSource, async (em) => {
      const introduction = await lockIntroduction(em, principal.municipalityId, id);
      const to = introductionTransition(introduction, 'book');
      const meetingHours = await this.municipalities.meetingHours(principal.municipalityId, em);
      if (!isWithinMeetingHours(start, end, meetingHours)) {
        throw conflict(
          'outside_meeting_hours',
          "The meeting is outside the municipality's meeting hours (Europe/Oslo)",
          { meetingHours },
        );
      }
      await lockCaseworkerCalendar(em, principal.municipalityId, caseworker);
      const busy = await overlappingBusyTime(em, principal.municipalityId, caseworker, start, end);
      if (busy) {
        throw conflict('caseworker_busy', 'The saksbehandler is busy at that time', {
          busyFrom: busy.starts_at.toISOString(),
          busyUntil: busy.ends_at.toISOString(),
        });
      }
      await this.assertContactEligible(
        em,
        principal.municipalityId,
        introduction.contactId,
        todayInOslo(start),
      );
      await this.absences.refuseAbsent(em, introduction.contactId, todayInOslo(start), todayInOslo(end));
      await moveIntroduction(
        em,
        introduction,
        to,
        {
          startsAt: start,
          endsAt: end,
          caseworker,
          location: body.location ?? null,
        },
        {
          municipalityId: principal.municipalityId,
          actor: principal.subject,
          note: `meeting ${start.toISOString()} with ${caseworker}${introduction.status === 'booked' ? ' (moved)' : ''}`,
        },
      );
      // The contact and the saksbehandler are told, in this transaction; one message per meeting time.
      return this.outbox.write(
        em,
        principal.municipalityId,
        introduction.status === 'booked'
          ? NotificationKind.IntroductionMoved
          : NotificationKind.IntroductionBooked,
        `${id}:${start.toISOString()}`,
        [
          ...(await this.recipients.contact(em, introduction.contactId)),
          ...(await this.recipients.staff(em, principal.municipalityId, caseworker)),
        ],
        { introductionId: id, startsAt: start.toISOString() },
      );
    });
    await this.outbox.dispatch(notificationIds);
    return introductionView(this.dataSource.manager, principal.municipalityId, id);
  }

  /** Cancels the booked meeting; the introduction awaits a new time. */
  async cancel(principal: Principal, id: string): Promise<IntroductionResponse> {
    await transactionWithRetry(this.dataSource, async (em) => {
      const introduction = await lockIntroduction(em, principal.municipalityId, id);
      const to = introductionTransition(introduction, 'cancel_booking');
      await moveIntroduction(
        em,
        introduction,
        to,
        {
          startsAt: null,
          endsAt: null,
          location: null,
        },
        { municipalityId: principal.municipalityId, actor: principal.subject },
      );
    });
    return introductionView(this.dataSource.manager, principal.municipalityId, id);
  }

  /** A støttekontakt is introduced only with a valid politiattest and taushetserklæring (DOMAIN rule 1). */
  private async assertContactEligible(
    em: EntityManager,
    municipalityId: string,
    contactId: string,
    onDate: string,
  ) {
    const [contact]: {
      birth_year: number;
      police_certificate_issued_on: string | null;
      police_certificate_presented_on: string | null;
      confidentiality_signed_on: string | null;
      active: boolean;
    }[] = await em.query(
      `SELECT birth_year, police_certificate_issued_on::text AS police_certificate_issued_on,
              police_certificate_presented_on::text AS police_certificate_presented_on,
              confidentiality_signed_on::text AS confidentiality_signed_on, active FROM contacts WHERE id = $1`,
      [contactId],
    );
    const policy = await this.municipalities.eligibilityPolicy(municipalityId, em);
    const eligibility = assessEligibility(
      {
        birthYear: contact.birth_year,
        policeCertificateIssuedOn: contact.police_certificate_issued_on,
        policeCertificatePresentedOn: contact.police_certificate_presented_on,
        confidentialitySignedOn: contact.confidentiality_signed_on,
      },
      policy,
      onDate,
    );
    if (!contact.active || !eligibility.eligible) {
      throw conflict('contact_not_eligible', 'The contact may not be introduced on that date', {
        active: contact.active,
        reasons: eligibility.reasons,
      });
    }
  }
}
