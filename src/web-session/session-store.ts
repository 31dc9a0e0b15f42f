import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, Role } from '../common/auth/principal';
import { hashOf, newSecret } from './session-secrets';

/** Absolute lifetime of a web session, however active: a working day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** How long a started OIDC sign-in waits for its callback. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

/** A signed-in person in the web app. */
export interface WebSession extends Principal {
  name: string;
  csrfToken: string;
  idleExpiresAt: Date;
  idToken: string | null;
}

export interface NewSession extends Principal {
  name: string;
  idToken?: string | null;
}

/** A started OIDC sign-in, kept until the provider sends the person back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

interface SessionRow {
  subject: string;
  name: string;
  role: Role;
  municipality_id: string;
  contact_id: string | null;
  csrf_token: string;
  id_token: string | null;
  idle_expires_at: Date;
}

const SESSION_COLUMNS = `subject, name, role, municipality_id, contact_id, csrf_token, id_token, idle_expires_at`;

const fromRow = (row: SessionRow): WebSession => ({
  subject: row.subject,
  name: row.name,
  role: row.role,
  municipalityId: row.municipality_id,
  contactId: row.contact_id,
  csrfToken: row.csrf_token,
  idToken: row.id_token,
  idleExpiresAt: row.idle_expires_at,
});

/** The web_sessions and web_sign_ins tables: the only code that touches them. */
@Injectable()
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** A new session; returns the id for the cookie (only its hash is stored). Expired sessions are swept here. */
  async create(session: NewSession, now: Date, idleMs: number): Promise<{ id: string; session: WebSession }> {
    await this.dataSource.query(`DELETE FROM web_sessions WHERE idle_expires_at <= $1`, [now]);
    const id = newSecret();
    const absolute = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    const idle = new Date(Math.min(now.getTime() + idleMs, absolute.getTime()));
    const [row] = (await this.dataSource.query(
      `INSERT INTO web_sessions (id_hash, subject, name, role, municipality_id, contact_id, csrf_token, id_token,
         created_at, last_seen_at, idle_expires_at, absolute_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11)
       RETURNING ${SESSION_COLUMNS}`,
      [
        hashOf(id),
        session.subject,
        session.name,
        session.role,
        session.municipalityId,
        session.contactId,
        newSecret(),
        session.idToken ?? null,
        now,
        idle,
        absolute,
      ],
    )) as SessionRow[];
    return { id, session: fromRow(row) };
  }

  /**
   * The live session with this id, its idle expiry moved on by one request; undefined when unknown or expired.
   * One statement: finding and extending cannot race a logout.
   */
  async touch(id: string, now: Date, idleMs: number): Promise<WebSession | undefined> {
    const rows = (await this.dataSource.query(
      `UPDATE web_sessions
          SET last_seen_at = $2,
              idle_expires_at = LEAST($2::timestamptz + make_interval(secs => $3), absolute_expires_at)
        WHERE id_hash = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2
        RETURNING ${SESSION_COLUMNS}`,
      [hashOf(id), now, idleMs / 1000],
    )) as [SessionRow[], number];
    const [row] = rows[0];
    return row ? fromRow(row) : undefined;
  }

  /** The live session with this id, unchanged (to check a write's CSRF token before the write counts as activity). */
  async find(id: string, now: Date): Promise<WebSession | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM web_sessions
        WHERE id_hash = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2`,
      [hashOf(id), now],
    )) as SessionRow[];
    return row ? fromRow(row) : undefined;
  }

  /** Ends the session; returns it as it was (for the logout at the provider), if it existed. */
  async delete(id: string): Promise<WebSession | undefined> {
    const rows = (await this.dataSource.query(
      `DELETE FROM web_sessions WHERE id_hash = $1 RETURNING ${SESSION_COLUMNS}`,
      [hashOf(id)],
    )) as [SessionRow[], number];
    const [row] = rows[0];
    return row ? fromRow(row) : undefined;
  }

  /** Remembers a started sign-in under a new id (for a short-lived cookie); sweeps abandoned ones. */
  async startSignIn(signIn: PendingSignIn, now: Date): Promise<string> {
    await this.dataSource.query(`DELETE FROM web_sign_ins WHERE expires_at <= $1`, [now]);
    const id = newSecret();
    await this.dataSource.query(
      `INSERT INTO web_sign_ins (id_hash, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        hashOf(id),
        signIn.state,
        signIn.nonce,
        signIn.codeVerifier,
        signIn.returnTo,
        new Date(now.getTime() + SIGN_IN_TTL_MS),
      ],
    );
    return id;
  }

  /** Takes the started sign-in out (single use); undefined when unknown or expired. */
  async takeSignIn(id: string, now: Date): Promise<PendingSignIn | undefined> {
    const rows = (await this.dataSource.query(
      `DELETE FROM web_sign_ins WHERE id_hash = $1
       RETURNING state, nonce, code_verifier, return_to, expires_at`,
      [hashOf(id)],
    )) as [
      { state: string; nonce: string; code_verifier: string; return_to: string; expires_at: Date }[],
      number,
    ];
    const [row] = rows[0];
    if (!row || row.expires_at <= now) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
  }
}
