import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import type { LoggedSession } from './queries';

type SessionBody = Schemas['CreateSessionRequest'];

/** A session logged without network, kept on the phone with the key the server knows it by. */
export interface PendingSession {
  key: string;
  body: SessionBody;
}

/** What became of a queued session once sent: stored, or refused (with the API's error). */
export type Flushed = { key: string; body: SessionBody } & ({ session: LoggedSession } | { error: ApiError });

const storageKey = (contactId: string) => `stottekontakt.pendingSessions.${contactId}`;

export function readQueue(contactId: string): PendingSession[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(contactId)) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as PendingSession[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(contactId: string, queue: PendingSession[]): void {
  if (queue.length === 0) localStorage.removeItem(storageKey(contactId));
  else localStorage.setItem(storageKey(contactId), JSON.stringify(queue));
}

/** One send of a session under its key; a network failure throws something other than an ApiError. */
async function post(pending: PendingSession): Promise<LoggedSession> {
  return unwrap(
    await api.POST('/sessions', {
      body: pending.body,
      params: { header: { 'Idempotency-Key': pending.key } },
    }),
  );
}

/**
 * Før timer without network (issue 16): a session that cannot be sent is kept in the phone's storage with its
 * own key and sent when the network is back — on the `online` event or the next visit. The server stores one
 * session per key, so a send that reached it before the answer was lost is never stored twice.
 */
export function useOfflineSessions(contactId: string) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingSession[]>(() => readQueue(contactId));
  const [flushed, setFlushed] = useState<Flushed[]>([]);
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const item of readQueue(contactId)) {
        let outcome: Flushed;
        try {
          outcome = { ...item, session: await post(item) };
        } catch (error) {
          if (!(error instanceof ApiError) || error.status >= 500) break; // still offline: try again later
          outcome = { ...item, error };
        }
        writeQueue(
          contactId,
          readQueue(contactId).filter((other) => other.key !== item.key),
        );
        setFlushed((list) => [...list, outcome]);
      }
    } finally {
      flushing.current = false;
      setPending(readQueue(contactId));
      void queryClient.invalidateQueries({ queryKey: ['contact', 'quotas'] });
      void queryClient.invalidateQueries({ queryKey: ['contact', 'timesheets'] });
    }
  }, [contactId, queryClient]);

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);

  /** Sends a new session, or keeps it when there is no network: `queued` says which. */
  const send = useCallback(
    async (body: SessionBody): Promise<{ queued: true } | { queued: false; session: LoggedSession }> => {
      const item: PendingSession = { key: crypto.randomUUID(), body };
      const keep = () => {
        writeQueue(contactId, [...readQueue(contactId), item]);
        setPending(readQueue(contactId));
        return { queued: true as const };
      };
      if (!navigator.onLine) return keep();
      try {
        return { queued: false, session: await post(item) };
      } catch (error) {
        if (error instanceof ApiError) throw error;
        return keep();
      }
    },
    [contactId],
  );

  return { pending, flushed, send };
}
