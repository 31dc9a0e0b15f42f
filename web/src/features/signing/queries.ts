import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

/** The public signing page's only calls: the link's own view and its one answer (no sign-in, no staff route). */
export function useSigningView(token: string) {
  return useQuery({
    queryKey: ['signing', token],
    queryFn: async () => unwrap(await api.GET('/signing/{token}', { params: { path: { token } } })),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSigningDecision(token: string) {
  return useMutation({
    mutationFn: async (body: Schemas['SigningDecisionRequest']) =>
      unwrap(await api.POST('/signing/{token}', { params: { path: { token } }, body })),
  });
}
