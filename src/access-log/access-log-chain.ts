import { createHash } from 'node:crypto';

/**
 * The access log's hash chain, rebuilt outside the database (migration 1763900014000 writes it): each row's hash is
 * SHA-256 over the previous row's hash and the row's canonical text, every field length-prefixed in octets so
 * that no two rows share a text. Kept apart from the SQL twin on purpose: a verifier that trusted the database's
 * own function would trust whoever could replace it.
 */
export interface ChainedRow {
  id: string;
  chainSeq: string;
  municipalityId: string;
  /** occurred_at as whole microseconds since the epoch, as text (no precision lost on the way). */
  occurredAtMicros: string;
  actor: string;
  role: string;
  subjectType: string;
  subjectId: string | null;
  action: string;
  route: string;
  requestId: string;
  clientRequestId: string | null;
  outcome: string;
  /** The contact behind `actor` where a støttekontakt read; in the text only when set (older rows have none). */
  actorContactId: string | null;
  previousHash: Buffer;
  rowHash: Buffer;
}

export type BrokenLinkReason =
  'sequence_gap' | 'previous_hash_mismatch' | 'row_hash_mismatch' | 'head_mismatch';

export interface BrokenLink {
  municipalityId: string;
  /** The position where the chain first fails; for a lost tail, the head's position. */
  chainSeq: string;
  /** The row there, or null when the row is missing. */
  rowId: string | null;
  reason: BrokenLinkReason;
}

const field = (value: string | null): string =>
  value === null ? '~;' : `${Buffer.byteLength(value, 'utf8')}:${value};`;

export function canonicalText(row: ChainedRow): string {
  return [
    row.chainSeq,
    row.municipalityId,
    row.occurredAtMicros,
    row.actor,
    row.role,
    row.subjectType,
    row.subjectId,
    row.action,
    row.route,
    row.requestId,
    row.clientRequestId,
    row.outcome,
    ...(row.actorContactId === null ? [] : [row.actorContactId]),
  ]
    .map(field)
    .join('');
}

export function rowHash(previousHash: Buffer, row: ChainedRow): Buffer {
  return createHash('sha256').update(previousHash).update(canonicalText(row), 'utf8').digest();
}

/** Where one municipality's chain stands after the rows checked so far. */
export interface ChainPosition {
  seq: bigint;
  hash: Buffer;
}

export const GENESIS: ChainPosition = { seq: 0n, hash: Buffer.alloc(0) };

/**
 * Checks the next rows of one municipality's chain (in chain order) from `position`; returns the first broken link,
 * or the new position when every link holds.
 */
export function checkLinks(
  position: ChainPosition,
  rows: ChainedRow[],
): { broken: BrokenLink; linksHeld: number } | { position: ChainPosition } {
  let { seq, hash } = position;
  for (const [linksHeld, row] of rows.entries()) {
    const at = { municipalityId: row.municipalityId, rowId: row.id };
    if (BigInt(row.chainSeq) !== seq + 1n)
      return { broken: { ...at, chainSeq: String(seq + 1n), reason: 'sequence_gap' }, linksHeld };
    if (!row.previousHash.equals(hash))
      return { broken: { ...at, chainSeq: row.chainSeq, reason: 'previous_hash_mismatch' }, linksHeld };
    const expected = rowHash(hash, row);
    if (!row.rowHash.equals(expected))
      return { broken: { ...at, chainSeq: row.chainSeq, reason: 'row_hash_mismatch' }, linksHeld };
    seq = BigInt(row.chainSeq);
    hash = row.rowHash;
  }
  return { position: { seq, hash } };
}
