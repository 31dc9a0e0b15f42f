import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { planRecruitment, RecruitmentPlan } from '../recruitment/recruitment-plan';
import { NotificationKind } from '../notifications/messages';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Recipients } from '../notifications/recipients';
import { runMatching } from './engine/engine';
import { distanceKm } from './engine/geo';
import { DEFAULT_WEIGHTS, withDefaults } from './engine/types';
import { capacityProposedTo, GroupFormationStep } from './group-formation.step';
import { MatchingInstanceLoader } from './matching-instance.loader';
import { MatchingRun } from './matching-run.entity';
import { MatchingSummary } from './matching-summary';

const DAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Runs one matching run in the worker. Idempotent: a run already completed is not run again, and its proposals
 * are written in one transaction together with the run's completion, so a retried or killed run never leaves
 * half its proposals or doubles them.
 */
@Injectable()
export class MatchingRunExecutor {
  private readonly logger = new Logger(MatchingRunExecutor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: MatchingInstanceLoader,
    private readonly clock: Clock,
    private readonly groupFormation: GroupFormationStep,
    private readonly municipalities: MunicipalitiesService,
    private readonly outbox: NotificationOutbox,
    private readonly recipients: Recipients,
  ) {}

  async execute(
    runId: string,
    reportProgress: (percent: number) => Promise<void>,
  ): Promise<MatchingSummary | null> {
    // For UPDATE … RETURNING, TypeORM's query() answers [rows, affectedCount].
    const [claimed]: [MatchingRun[], number] = await this.dataSource.query(
      `UPDATE matching_runs SET status = 'running', attempts = attempts + 1, started_at = now(), progress = 0
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING id, municipality_id AS "municipalityId", run_date::text AS "runDate", created_at AS "createdAt",
                  trigger`,
      [runId],
    );
    const run = claimed[0] as MatchingRun | undefined;
    if (!run) {
      this.logger.log({ runId }, 'run already finished; nothing to do');
      return null;
    }

    const today = this.clock.today();
    const loadStarted = performance.now();
    // The contacts are read once for both steps. The group step's rows do not depend on the individual matching:
    // the database reads them meanwhile.
    const contactRows = this.loader.fetchContacts(run.municipalityId, today);
    const groupRows = this.groupFormation.fetch(run.municipalityId, today, contactRows);
    groupRows.catch(() => undefined); // awaited below; never an unhandled rejection while the engine runs
    const loaded = await this.loader.load(run.municipalityId, today, undefined, contactRows);
    const loadMs = performance.now() - loadStarted;
    await reportProgress(10);
    let lastReported = 10;
    // The municipality's own radius, meeting length and weights; anything it has not set keeps the default.
    const { matchingSettings } = await this.municipalities.get(run.municipalityId);
    const settings = { ...matchingSettings, weights: { ...DEFAULT_WEIGHTS, ...matchingSettings.weights } };
    const result = runMatching(loaded.instance, settings, {
      labels: { interests: loaded.interestLabels, days: DAY_LABELS },
      onProgress: (phase, done, total) => {
        // The engine is synchronous; progress is sampled and written after it returns when it cannot be awaited.
        const base = phase === 'candidates' ? 10 : phase === 'solve' ? 50 : 85;
        lastReported = Math.max(lastReported, base + Math.floor((total > 0 ? done / total : 1) * 30));
      },
    });
    await reportProgress(Math.min(90, lastReported));

    const { users, contacts } = loaded.instance;
    const proposals = result.pairs.map((pair) => ({
      serviceUserId: users.ids[pair.userIndex],
      contactId: contacts.ids[pair.contactIndex],
      decisionId: loaded.decisionIds[pair.userIndex],
      score: pair.score,
      distanceKm:
        Math.round(
          distanceKm(
            users.lat[pair.userIndex],
            users.lon[pair.userIndex],
            contacts.lat[pair.contactIndex],
            contacts.lon[pair.contactIndex],
          ) * 10,
        ) / 10,
      components: pair.components,
      reason: pair.reason,
    }));
    const unmatchedByReason: MatchingSummary['unmatchedByReason'] = {};
    for (const u of result.unmatched) unmatchedByReason[u.reason] = (unmatchedByReason[u.reason] ?? 0) + 1;
    if (loaded.usersWithoutLocation.length > 0)
      unmatchedByReason.no_home_location = loaded.usersWithoutLocation.length;
    const unmatchedWaits = [
      ...result.unmatched.map((u) => loaded.waitingDays[u.userIndex]),
      ...loaded.usersWithoutLocation.map((u) => u.waitingDays),
    ];
    const summary: MatchingSummary = {
      usersWaiting: users.count + loaded.usersWithoutLocation.length,
      contactsAvailable: contacts.count,
      proposed: proposals.length,
      unmatched: unmatchedWaits.length,
      unmatchedByReason,
      meanDistanceKm:
        proposals.length > 0
          ? Math.round((proposals.reduce((sum, p) => sum + p.distanceKm, 0) / proposals.length) * 10) / 10
          : null,
      longestWaitUnmatchedDays: unmatchedWaits.length > 0 ? Math.max(...unmatchedWaits) : null,
      totalScore: result.stats.totalScore,
      candidatePairs: result.stats.candidatePairs,
      timingsMs: Object.fromEntries(
        Object.entries(result.stats.timingsMs).map(([k, v]) => [k, Math.round(v)]),
      ),
    };

    // Recruitment (issue 17): whom to recruit for the users this run leaves waiting, from this run's own instance.
    // A plan that fails costs only the plan (the API then answers recruitment_not_computed), never the proposals.
    let recruitment: RecruitmentPlan | null = null;
    const recruitmentStarted = performance.now();
    try {
      recruitment = planRecruitment({
        instance: loaded.instance,
        result,
        settings: withDefaults(settings),
        postalCodes: loaded.postalCodes,
        drivingGranted: loaded.drivingGranted,
        interestLabels: loaded.interestLabels,
        languageLabels: loaded.languageLabels,
        waitingDaysWithoutLocation: loaded.usersWithoutLocation.map((u) => u.waitingDays),
      });
    } catch (error) {
      this.logger.error({ runId, err: error }, 'the recruitment plan failed; the run completes without one');
    }
    summary.timingsMs.recruitment = Math.round(performance.now() - recruitmentStarted);

    // ── Activity groups (issue 4, item 7) ─────────────────────────────────────────────────────────────────────────
    // After the individual matching, whose proposed contacts keep the capacity they were proposed with, users whose
    // vedtak is for a group are formed into proposed groups; written in the transaction below with the proposals.
    const groupsStarted = performance.now();
    const groupPlan = this.groupFormation.plan(
      await groupRows,
      today,
      capacityProposedTo(loaded.instance, result.pairs),
    );
    summary.timingsMs.groups = Math.round(performance.now() - groupsStarted);
    summary.timingsMs.load = Math.round(loadMs);
    summary.groupsProposed = groupPlan.groupsProposed;
    summary.groupSeatsFilled = groupPlan.groupSeatsFilled;
    summary.groupUnplacedByReason = groupPlan.groupUnplacedByReason;
    summary.longestWaitGroupUnplacedDays = groupPlan.longestWaitGroupUnplacedDays;
    // ── end activity groups ─────────────────────────────────────────────────────────────────────────────────────

    const writeStarted = performance.now();
    const notificationIds = await this.dataSource.transaction(async (em): Promise<string[]> => {
      // Runs of one municipality commit one at a time, so "newer supersedes older" holds whatever order they finish.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('matching:' || $1::text))`, [run.municipalityId]);
      const [current] = await em.query(`SELECT status FROM matching_runs WHERE id = $1 FOR UPDATE`, [runId]);
      if (current?.status !== 'running') return [];
      const [newer] = await em.query(
        `SELECT 1 FROM matching_runs
          WHERE municipality_id = $1 AND status = 'completed' AND created_at > $2 LIMIT 1`,
        [run.municipalityId, run.createdAt],
      );
      if (!newer) {
        // Open proposals of earlier runs give way; ones a coordinator already acted on are never touched.
        await em.query(
          `UPDATE proposals SET status = 'superseded', status_changed_at = now(), status_changed_by = 'matching-run'
            WHERE municipality_id = $1 AND status = 'open' AND run_id <> $2`,
          [run.municipalityId, runId],
        );
      }
      await em.query(`DELETE FROM proposals WHERE run_id = $1`, [runId]);
      const chunk = 1000;
      for (let offset = 0; offset < proposals.length; offset += chunk) {
        const rows = proposals.slice(offset, offset + chunk);
        await em.query(
          `INSERT INTO proposals (municipality_id, run_id, service_user_id, contact_id, decision_id, score, components, reason, status)
           SELECT $1, $2, p.service_user_id, p.contact_id, p.decision_id, p.score, p.components, p.reason, $4::proposal_status
             FROM jsonb_to_recordset($3::jsonb)
                  AS p(service_user_id uuid, contact_id uuid, decision_id uuid, score integer, components jsonb, reason text)`,
          [
            run.municipalityId,
            runId,
            JSON.stringify(
              rows.map((p) => ({
                service_user_id: p.serviceUserId,
                contact_id: p.contactId,
                decision_id: p.decisionId,
                score: p.score,
                components: { ...p.components, distanceKm: p.distanceKm },
                reason: p.reason,
              })),
            ),
            newer ? 'superseded' : 'open',
          ],
        );
      }
      // Activity groups (issue 4, item 7): this run's group proposals; older open ones give way like individual ones.
      await this.groupFormation.write(em, run.municipalityId, runId, groupPlan, Boolean(newer));
      summary.timingsMs.write = Math.round(performance.now() - writeStarted);
      await em.query(
        `UPDATE matching_runs SET status = 'completed', progress = 100, summary = $2, recruitment = $3,
                finished_at = now(), failure_reason = NULL WHERE id = $1`,
        [runId, JSON.stringify(summary), recruitment && JSON.stringify(recruitment)],
      );
      // The night's run tells the coordinators there is work waiting (a run started by hand is watched live).
      if (run.trigger !== 'nightly' || proposals.length === 0 || newer) return [];
      return this.outbox.write(
        em,
        run.municipalityId,
        NotificationKind.MatchingRunFinished,
        runId,
        await this.recipients.coordinators(em, run.municipalityId),
        { runId, proposed: proposals.length },
      );
    });
    await this.outbox.dispatch(notificationIds);
    await reportProgress(100);
    return summary;
  }

  /** Called when the queue gives up on a run: the run says why instead of staying 'running' for ever. */
  async markFailed(runId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE matching_runs SET status = 'failed', failure_reason = $2, finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, reason.slice(0, 1000)],
    );
  }

  async recordProgress(runId: string, percent: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE matching_runs SET progress = $2 WHERE id = $1 AND status = 'running'`,
      [runId, percent],
    );
  }
}
