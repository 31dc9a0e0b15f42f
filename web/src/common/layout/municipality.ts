import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../auth/session';

/** The signed-in person's municipality, named in the header. */
export function useMunicipalityName(): string | undefined {
  const session = useSession();
  const query = useQuery({
    queryKey: ['municipality'],
    // GET /municipality has no response schema in the OpenAPI document yet; its body has the name.
    queryFn: async () => unwrap(await api.GET('/municipality')) as unknown as { name?: string },
    // GET /municipality is for staff; a støttekontakt's header shows the service's name.
    enabled: Boolean(session.data?.authenticated) && session.data?.user?.role !== 'contact',
    staleTime: 10 * 60_000,
  });
  return query.data?.name;
}
