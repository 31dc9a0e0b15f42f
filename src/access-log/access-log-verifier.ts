import { BrokenLink, ChainedRow, checkLinks, GENESIS } from './access-log-chain';

/** Runs one SQL statement: a TypeORM DataSource's `query` or a pg client's, adapted. */
export type RunQuery = (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;

export interface ChainVerification {
  municipalityId: string;
  rowsChecked: number;
  /** The first link that fails, or null when the whole chain holds. */
  firstBrokenLink: BrokenLink | null;
}

const BATCH = 5_000;

const ROWS = `
  SELECT id::text AS "id", chain_seq::text AS "chainSeq", municipality_id::text AS "municipalityId",
         (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS "occurredAtMicros", actor, role,
         subject_type AS "subjectType", subject_id::text AS "subjectId", action, route, request_id AS "requestId",
         client_request_id AS "clientRequestId", outcome::text AS outcome,
         actor_contact_id::text AS "actorContactId", previous_hash AS "previousHash",
         row_hash AS "rowHash"
    FROM access_log WHERE municipality_id = $1 AND chain_seq > $2 ORDER BY chain_seq LIMIT $3`;

/**
 * Walks a municipality's access-log chain from its first row and reports the first broken link: a row altered
 * (its hash no longer matches), removed (a gap in the numbering), or a tail cut off (the head, which only the
 * database's trigger moves, points past the last row). Reads in batches, so a log of millions of rows fits.
 */
export async function verifyAccessLogChain(
  query: RunQuery,
  municipalityId: string,
): Promise<ChainVerification> {
  let position = GENESIS;
  let rowsChecked = 0;
  for (;;) {
    const rows = (await query(ROWS, [
      municipalityId,
      position.seq.toString(),
      BATCH,
    ])) as unknown as ChainedRow[];
    const checked = checkLinks(position, rows);
    if ('broken' in checked)
      return {
        municipalityId,
        rowsChecked: rowsChecked + checked.linksHeld,
        firstBrokenLink: checked.broken,
      };
    rowsChecked += rows.length;
    position = checked.position;
    if (rows.length < BATCH) break;
  }
  const [head] = await query(
    `SELECT last_seq::text AS "lastSeq", last_hash AS "lastHash" FROM access_log_chain_heads WHERE municipality_id = $1`,
    [municipalityId],
  );
  const headSeq = head ? BigInt(head.lastSeq as string) : 0n;
  const headHash = head ? (head.lastHash as Buffer) : GENESIS.hash;
  if (headSeq !== position.seq || !headHash.equals(position.hash)) {
    return {
      municipalityId,
      rowsChecked,
      firstBrokenLink: {
        municipalityId,
        chainSeq: (position.seq + 1n).toString(),
        rowId: null,
        reason: 'head_mismatch',
      },
    };
  }
  return { municipalityId, rowsChecked, firstBrokenLink: null };
}

/** Every municipality that has a chain (rows or a head). */
export async function municipalitiesWithLog(query: RunQuery): Promise<string[]> {
  const rows = await query(
    `SELECT municipality_id::text AS id FROM access_log_chain_heads
      UNION SELECT DISTINCT municipality_id::text FROM access_log ORDER BY 1`,
    [],
  );
  return rows.map((row) => row.id as string);
}
