import { canonicalText, ChainedRow, checkLinks, GENESIS, rowHash } from './access-log-chain';

const base = (seq: number): Omit<ChainedRow, 'previousHash' | 'rowHash'> => ({
  id: String(100 + seq),
  chainSeq: String(seq),
  municipalityId: '00000000-0000-4000-8000-000000000001',
  occurredAtMicros: String(1_790_000_000_000_000 + seq),
  actor: 'caseworker-1',
  role: 'caseworker',
  subjectType: 'service_user',
  subjectId: '00000000-0000-4000-8000-0000000000aa',
  action: 'read',
  route: 'GET /service-users/:id',
  requestId: `req-${seq}`,
  clientRequestId: null,
  outcome: 'allowed',
  actorContactId: null,
});

function chain(length: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let previous: Buffer = GENESIS.hash;
  for (let seq = 1; seq <= length; seq++) {
    const row: ChainedRow = { ...base(seq), previousHash: previous, rowHash: Buffer.alloc(0) };
    row.rowHash = rowHash(previous, row);
    rows.push(row);
    previous = row.rowHash;
  }
  return rows;
}

describe('access-log hash chain', () => {
  it('length-prefixes every field in octets, so that moving text between fields changes the text', () => {
    const row = chain(1)[0];
    expect(canonicalText({ ...row, actor: 'æ' })).toContain('2:æ;');
    expect(canonicalText({ ...row, clientRequestId: null })).toContain('~;');
    expect(canonicalText({ ...row, actor: 'ab', role: 'c' })).not.toBe(
      canonicalText({ ...row, actor: 'a', role: 'bc' }),
    );
  });

  it('adds the contact id only where there is one, so rows written before it keep their text', () => {
    const row = chain(1)[0];
    const contactId = '00000000-0000-4000-8000-0000000000cc';
    expect(canonicalText({ ...row, actorContactId: contactId })).toBe(
      `${canonicalText(row)}36:${contactId};`,
    );
  });

  it('accepts an intact chain and returns where it ends', () => {
    const rows = chain(3);
    expect(checkLinks(GENESIS, rows)).toEqual({ position: { seq: 3n, hash: rows[2].rowHash } });
  });

  it('finds an altered row at its own position', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], actor: 'someone-else' };
    expect(checkLinks(GENESIS, rows)).toEqual({
      broken: expect.objectContaining({ chainSeq: '3', rowId: '103', reason: 'row_hash_mismatch' }),
      linksHeld: 2,
    });
  });

  it('finds a removed row as a gap, and a re-hashed forgery by the next link', () => {
    const rows = chain(4);
    expect(checkLinks(GENESIS, [rows[0], rows[2], rows[3]])).toEqual({
      broken: expect.objectContaining({ chainSeq: '2', reason: 'sequence_gap' }),
      linksHeld: 1,
    });
    const forged = { ...rows[1], actor: 'someone-else' };
    forged.rowHash = rowHash(forged.previousHash, forged);
    expect(checkLinks(GENESIS, [rows[0], forged, rows[2]])).toEqual({
      broken: expect.objectContaining({ chainSeq: '3', reason: 'previous_hash_mismatch' }),
      linksHeld: 2,
    });
  });

  it('continues from a position, batch after batch', () => {
    const rows = chain(5);
    const first = checkLinks(GENESIS, rows.slice(0, 2));
    if (!('position' in first)) throw new Error('first batch broke');
    expect(checkLinks(first.position, rows.slice(2))).toEqual({
      position: { seq: 5n, hash: rows[4].rowHash },
    });
  });
});
