import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';

export type Contact = Schemas['ContactResponse'];
export const CONTACTS_PAGE_SIZE = 25;

export interface ContactFilters {
  q: string;
  postalCode: string;
  interest: string;
  /** '' all, 'yes' only those who may be proposed today, 'no' only those who may not */
  eligible: '' | 'yes' | 'no';
}

export const NO_FILTERS: ContactFilters = { q: '', postalCode: '', interest: '', eligible: '' };

/** The roster: active contacts, filtered by name, area (postal code), interest and eligibility. */
export function useContacts(page: number, filters: ContactFilters) {
  return useQuery({
    queryKey: ['contacts', page, filters],
    queryFn: async () =>
      unwrap(
        await api.GET('/contacts', {
          params: {
            query: {
              page,
              pageSize: CONTACTS_PAGE_SIZE,
              active: true,
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.postalCode ? { postalCode: filters.postalCode } : {}),
              ...(filters.interest ? { interest: filters.interest } : {}),
              ...(filters.eligible ? { eligible: filters.eligible === 'yes' } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: ['contacts', 'one', id],
    queryFn: async () => unwrap(await api.GET('/contacts/{id}', { params: { path: { id } } })),
  });
}

/** The contact's absences (ferie) that have not ended. */
export function useContactAbsences(id: string) {
  return useQuery({
    queryKey: ['contacts', 'one', id, 'absences'],
    queryFn: async () => unwrap(await api.GET('/contacts/{id}/absences', { params: { path: { id } } })),
  });
}

/** The municipality's vocabulary of interests (code and label in its own words). */
export function useInterests() {
  return useQuery({
    queryKey: ['interests'],
    queryFn: async () => unwrap(await api.GET('/interests')),
    staleTime: 10 * 60_000,
  });
}

/** An interest's label by its code (the code itself until the vocabulary has loaded). */
export function useInterestLabels(): (code: string) => string {
  const interests = useInterests();
  return useCallback(
    (code: string) => interests.data?.find((interest) => interest.code === code)?.label ?? code,
    [interests.data],
  );
}
