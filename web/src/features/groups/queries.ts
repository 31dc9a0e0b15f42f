import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';

export type Group = Schemas['GroupResponse'];
export type GroupStatus = Group['status'];
export type GroupProposal = Schemas['GroupProposalResponse'];
export const GROUPS_PAGE_SIZE = 20;
export const GROUP_PROPOSALS_PAGE_SIZE = 10;

export function useGroups(page: number, status: GroupStatus | '') {
  return useQuery({
    queryKey: ['groups', page, status],
    queryFn: async () =>
      unwrap(
        await api.GET('/groups', {
          params: { query: { page, pageSize: GROUPS_PAGE_SIZE, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

const groupQuery = (id: string) => ({
  queryKey: ['groups', 'one', id],
  queryFn: async () => unwrap(await api.GET('/groups/{id}', { params: { path: { id } } })),
});

export function useGroup(id: string) {
  return useQuery(groupQuery(id));
}

/** Loads the group as it stands now (after a 412), into the cache the page reads. */
export function useReloadGroup(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...groupQuery(id), staleTime: 0 });
}

/** Users whose vedtak in force grants an activity group and who have no place yet, longest waiting first. */
export function useGroupCandidates(q: string) {
  return useQuery({
    queryKey: ['service-users', 'group-candidates', q],
    queryFn: async () =>
      unwrap(
        await api.GET('/service-users', {
          params: {
            query: {
              serviceForm: 'group',
              waiting: true,
              sort: 'waitingSince',
              pageSize: 20,
              ...(q ? { q } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Contacts who may take an assignment today. */
export function useContactCandidates(q: string) {
  return useQuery({
    queryKey: ['contacts', 'group-candidates', q],
    queryFn: async () =>
      unwrap(
        await api.GET('/contacts', {
          params: { query: { eligible: true, active: true, pageSize: 20, ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOpenGroupProposals(page: number) {
  return useQuery({
    queryKey: ['group-proposals', 'open', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/group-proposals', {
          params: { query: { status: 'open', page, pageSize: GROUP_PROPOSALS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['groups', 'group-proposals', 'service-users', 'contacts', 'assignments'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

/** Which field of the form a failed step belongs to, so its message is shown beside it. */
export type GroupField = 'name' | 'members' | 'contacts' | 'startsOn' | 'weeklyHours';

export class GroupStepError extends Error {
  constructor(
    readonly field: GroupField,
    readonly cause: unknown,
    /** The member or contact the step was about, when it was about one. */
    readonly who?: string,
    /** The group, when it was created before the step failed (what was saved is not repeated on a retry). */
    readonly groupId: string | null = null,
  ) {
    super(field);
  }
}

export interface NewGroup {
  name: string;
  members: { id: string; name: string }[];
  contacts: { id: string; name: string }[];
  startsOn: string;
  weeklyHours: number;
}

/** What is already saved of a group being formed, so that a retry after an error does not repeat a step. */
interface Formed {
  groupId: string | null;
  members: Set<string>;
  contacts: Set<string>;
}

const FIELD_OF_PROPERTY: Record<string, GroupField> = {
  name: 'name',
  serviceUserId: 'members',
  contactId: 'contacts',
  startsOn: 'startsOn',
  weeklyHours: 'weeklyHours',
};

/**
 * Forms a group the way the API builds one: the group, then each member in a seat, then each contact (an
 * assignment each). A step that fails throws a GroupStepError naming the field; `formed` keeps what was saved.
 */
export function useFormGroup() {
  const invalidate = useInvalidateGroups();
  const progress = useRef<Formed>({ groupId: null, members: new Set(), contacts: new Set() });
  return useMutation({
    mutationFn: async (group: NewGroup): Promise<string> => {
      const formed = progress.current;
      const step = async <T>(
        field: GroupField,
        call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
        who?: string,
      ) => {
        try {
          return unwrap(await call());
        } catch (error) {
          const detail = error instanceof ApiError ? error.details[0] : undefined;
          const property = detail?.field.split(/[.[]/)[0];
          throw new GroupStepError(
            (property && FIELD_OF_PROPERTY[property]) || field,
            error,
            who,
            formed.groupId,
          );
        }
      };
      if (!formed.groupId) {
        const created = await step('name', () => api.POST('/groups', { body: { name: group.name } }));
        formed.groupId = created.id;
      }
      const id = formed.groupId;
      for (const member of group.members) {
        if (formed.members.has(member.id)) continue;
        await step(
          'members',
          () =>
            api.POST('/groups/{id}/members', {
              params: { path: { id } },
              body: { serviceUserId: member.id },
            }),
          member.name,
        );
        formed.members.add(member.id);
      }
      for (const contact of group.contacts) {
        if (formed.contacts.has(contact.id)) continue;
        await step(
          'contacts',
          () =>
            api.POST('/groups/{id}/contacts', {
              params: { path: { id } },
              body: { contactId: contact.id, startsOn: group.startsOn, weeklyHours: group.weeklyHours },
            }),
          contact.name,
        );
        formed.contacts.add(contact.id);
      }
      return id;
    },
    onSettled: () => invalidate(),
  });
}

export function useActivateGroup(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/groups/{id}/activate', { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

export function useCloseGroup(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/groups/{id}/close', { params: { path: { id } }, body: {} })),
    onSuccess: () => invalidate(),
  });
}

/** A member joins the lowest free seat; the API refuses a 7th, a non-group vedtak, a close relative. */
export function useAddGroupMember(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async (serviceUserId: string) =>
      unwrap(await api.POST('/groups/{id}/members', { params: { path: { id } }, body: { serviceUserId } })),
    onSettled: () => invalidate(),
  });
}

/** Takes a member out; the answer's statusChange says when an active group went back to forming. */
export function useRemoveGroupMember(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async (serviceUserId: string) =>
      unwrap(
        await api.DELETE('/groups/{id}/members/{serviceUserId}', {
          params: { path: { id, serviceUserId } },
        }),
      ),
    onSettled: () => invalidate(),
  });
}

export type GroupContactInput = Schemas['AddGroupContactRequest'];

/** A contact takes a free contact seat (an assignment of the group). */
export function useAddGroupContact(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async (body: GroupContactInput) =>
      unwrap(await api.POST('/groups/{id}/contacts', { params: { path: { id } }, body })),
    onSettled: () => invalidate(),
  });
}

export type GroupDetails = Pick<Schemas['UpdateGroupRequest'], 'name' | 'interests' | 'postalCode'>;

/** Name, interests and area, sent with the version they were read at (If-Match): a 412 when changed since. */
export function useUpdateGroup(id: string) {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async (change: { details: GroupDetails; version: number }) =>
      unwrap(
        await api.PATCH('/groups/{id}', {
          params: { path: { id }, header: { 'If-Match': String(change.version) } },
          body: change.details,
        }),
      ),
    onSettled: () => invalidate(),
  });
}

export function useAcceptGroupProposal() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/group-proposals/{id}/accept', { params: { path: { id } }, body: {} })),
    onSuccess: () => invalidate(),
  });
}

export function useDeclineGroupProposal() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: async (input: { id: string; reason: string }) =>
      unwrap(
        await api.POST('/group-proposals/{id}/decline', {
          params: { path: { id: input.id } },
          body: { reason: input.reason },
        }),
      ),
    onSuccess: () => invalidate(),
  });
}
