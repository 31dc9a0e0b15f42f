import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Principal } from '../common/auth/principal';
import { accessContextOf } from './access-context';
import { AccessLogService } from './access-log.service';

/** What a route's answer says about service users: the action, and the users a given answer is about. */
export interface ServiceUserDataRead {
  action: string;
  /**
   * Default: serviceUserIdsIn, which knows the shapes our responses name users by. The request is there for an
   * answer about the user its route names (PUT /service-users/{id}/…) that does not repeat the id.
   */
  subjectsOf?: (body: unknown, request: FastifyRequest) => (string | null | undefined)[];
  /** What a refusal is about, when not a service user's record (e.g. 'contact' for another contact's profile). */
  refusedSubjectType?: string;
}

/**
 * The service users an answer names, by the shapes our responses use: `serviceUserId`, `…ServiceUserIds` lists,
 * a `serviceUser` object's `id`, and a group's `members` (service users by `id`). Walked without recursion.
 */
export function serviceUserIdsIn(body: unknown): string[] {
  const found: string[] = [];
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'serviceUserId' && typeof value === 'string') found.push(value);
      else if (/serviceUserIds$/i.test(key) && Array.isArray(value))
        found.push(...value.filter((id): id is string => typeof id === 'string'));
      else if (key === 'serviceUser' && value && typeof (value as { id?: unknown }).id === 'string')
        found.push((value as { id: string }).id);
      else if (key === 'members' && Array.isArray(value))
        for (const member of value as { id?: unknown }[])
          if (typeof member?.id === 'string') found.push(member.id);
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return found;
}

interface RouteWithRead {
  serviceUserData?: ServiceUserDataRead;
}

/**
 * Declares that a route's answer carries service users' personal data. The access log is then written where the
 * answer leaves the service (a Fastify preSerialization hook, installed by installServiceUserDataLog): one
 * 'allowed' row per user the answer is about, in one batched insert, committed before the answer is sent. The
 * access matrix checks every route's answers for users' ids, so a route that carries them without this (or an
 * explicit AccessLogService.read) fails the suite.
 */
export const ServiceUserData = (read: ServiceUserDataRead): MethodDecorator =>
  RouteConfig({ serviceUserData: read } satisfies RouteWithRead);

const distinct = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => typeof id === 'string')),
];

export function installServiceUserDataLog(fastify: FastifyInstance, accessLog: AccessLogService): void {
  fastify.addHook('preSerialization', async (request: FastifyRequest, reply, payload: unknown) => {
    const read = (request.routeOptions.config as RouteWithRead | undefined)?.serviceUserData;
    const principal = (request as FastifyRequest & { principal?: Principal }).principal;
    if (!read || !principal) return payload;
    // A record the caller may not see answers 404, as one that does not exist: a 'denied' row, as for any refusal.
    const refused = reply.statusCode === 404;
    if (reply.statusCode >= 400 && !refused) return payload;
    const subjects = refused ? [null] : distinct((read.subjectsOf ?? serviceUserIdsIn)(payload, request));
    if (subjects.length === 0) return payload;
    const access = accessContextOf(request, principal);
    const written = accessLog.record({
      principal,
      subjectType: refused ? (read.refusedSubjectType ?? 'service_user') : 'service_user',
      subjectIds: subjects,
      action: read.action,
      route: access.route,
      requestId: access.requestId,
      clientRequestId: access.clientRequestId,
      outcome: refused ? 'denied' : 'allowed',
    });
    // A read that cannot be logged is not served; a refusal is answered whether or not its row could be written.
    if (refused) await written.catch(() => undefined);
    else await written;
    return payload;
  });
}
