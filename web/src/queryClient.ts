import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/** The app's one query cache: the routes start a screen's queries in it before the screen renders. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network error or a 5xx may.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      staleTime: 15_000,
    },
  },
});
