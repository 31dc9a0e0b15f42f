import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { acceptEach } from './bulk';

export type Proposal = Schemas['ProposalResponse'];
export type DeclineReason = Schemas['DeclineRequest']['reason'];
export const PROPOSALS_PAGE_SIZE = 20;

/** The open proposals (the latest run's), newest run first and best first within it. */
export const openProposalsQuery = (page: number) =>
  queryOptions({
    queryKey: ['proposals', 'open', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/proposals', {
          params: { query: { status: 'open', page, pageSize: PROPOSALS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useOpenProposals(page: number) {
  return useQuery(openProposalsQuery(page));
}

function useInvalidateCase() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['proposals', 'waiting-list', 'introductions'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useAcceptProposal() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/proposals/{id}/accept', { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

export function useDeclineProposal() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: async (input: { id: string; body: Schemas['DeclineRequest'] }) =>
      unwrap(
        await api.POST('/proposals/{id}/decline', { params: { path: { id: input.id } }, body: input.body }),
      ),
    onSuccess: () => invalidate(),
  });
}

export type Introduction = Schemas['IntroductionResponse'];

/** Accept several proposals, one after another; each outcome is reported, a failure does not stop the rest. */
export function useBulkAccept() {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: (proposals: Proposal[]) =>
      acceptEach(proposals, async (proposal) =>
        unwrap(await api.POST('/proposals/{id}/accept', { params: { path: { id: proposal.id } } })),
      ),
    onSettled: () => invalidate(),
  });
}

/**
 * A user's proposals, of every run: the matching gives each user one contact per run (GET /proposals with
 * serviceUserId and runId answers one), so the alternatives are the contacts earlier runs proposed.
 */
export function useUserProposals(serviceUserId: string) {
  return useQuery({
    queryKey: ['proposals', 'user', serviceUserId],
    queryFn: async () =>
      unwrap(
        await api.GET('/proposals', {
          params: { query: { serviceUserId, page: 1, pageSize: ALTERNATIVES_PAGE_SIZE } },
        }),
      ),
  });
}

export const ALTERNATIVES_PAGE_SIZE = 50;

export type ProposalAlternatives = Schemas['ProposalAlternativesResponse'];

/**
 * The contacts the run's hard rules allow for a proposal's user, ranked by the run's own score as the roster
 * stands now (computed by the API when asked), with how many other users the same run proposed each to.
 */
export function useProposalAlternatives(proposalId: string) {
  return useQuery({
    queryKey: ['proposals', proposalId, 'alternatives'],
    queryFn: async () =>
      unwrap(await api.GET('/proposals/{id}/alternatives', { params: { path: { id: proposalId } } })),
  });
}
