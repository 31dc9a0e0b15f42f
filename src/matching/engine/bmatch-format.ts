/**
 * The plain-text b-matching format read by `npm run solve` (see docs/solver.md):
 *   p bmatch USERS CONTACTS EDGES      once, before anything else
 *   c CONTACT CAPACITY                 per contact (a contact without a line has capacity 1)
 *   e USER CONTACT SCORE               per edge; 0-based ids, integer scores, maximised
 * Blank lines and lines starting with `#` are ignored. The answer is `s TOTAL MATCHED`, then `m USER CONTACT`.
 */
import { BipartiteGraph, BMatching, graphFromEdges } from './bipartite-graph';
import { GrowableArray, int32s } from './growable';

export class BMatchFormatError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'BMatchFormatError';
  }
}

const MAX_SCORE = 2 ** 31 - 1;

const NEWLINE = 10;
const HASH = 35;
const PLUS = 43;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
/** At most this many fields are kept per line: enough to tell a line with too many from one that fits. */
const MAX_FIELDS = 6;

const isBlank = (byte: number): boolean => byte === 32 || (byte >= 9 && byte <= 13);

/**
 * Reads the format from its bytes, without making a string of the file or of its lines: a 20k × 20k graph of a
 * million edges is 15 MB, and splitting it into strings costs more than solving it. A text is read as its UTF-8.
 */
export function parseBMatch(input: string | Uint8Array): BipartiteGraph {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let users = -1;
  let contacts = -1;
  let declaredEdges = 0;
  let headerLine = 0;
  let capacity = new Int32Array(0);
  let capacitySeen = new Uint8Array(0);
  const edgeUser = new GrowableArray(int32s);
  const edgeContact = new GrowableArray(int32s);
  const edgeScore = new GrowableArray(int32s);

  const fieldStart = new Int32Array(MAX_FIELDS);
  const fieldEnd = new Int32Array(MAX_FIELDS);
  let fieldCount = 0;
  let lineNo = 0;
  const text = (k: number): string =>
    Buffer.from(bytes.subarray(fieldStart[k], fieldEnd[k])).toString('utf8');
  const int = (k: number, what: string, min: number, max: number): number => {
    if (k >= fieldCount) throw new BMatchFormatError(lineNo, `${what} must be an integer, got nothing`);
    let at = fieldStart[k];
    const end = fieldEnd[k];
    const negative = bytes[at] === MINUS;
    if (negative || bytes[at] === PLUS) at++;
    let value = 0;
    if (at === end) value = NaN;
    for (; at < end; at++) {
      const byte = bytes[at];
      if (byte < ZERO || byte > NINE) {
        value = NaN;
        break;
      }
      value = value * 10 + (byte - ZERO);
    }
    if (Number.isNaN(value)) {
      throw new BMatchFormatError(lineNo, `${what} must be an integer, got "${text(k)}"`);
    }
    if (negative) value = -value;
    if (value < min || value > max) {
      throw new BMatchFormatError(lineNo, `${what} ${text(k)} is outside ${min}..${max}`);
    }
    return value;
  };
  const arity = (count: number, shape: string) => {
    if (fieldCount !== count) throw new BMatchFormatError(lineNo, `expected "${shape}"`);
  };
  const isField = (k: number, word: string): boolean =>
    fieldEnd[k] - fieldStart[k] === word.length &&
    [...word].every((char, i) => bytes[fieldStart[k] + i] === char.charCodeAt(0));

  let position = 0;
  while (position <= bytes.length) {
    lineNo++;
    let lineEnd = bytes.indexOf(NEWLINE, position);
    if (lineEnd < 0) lineEnd = bytes.length;
    fieldCount = 0;
    let at = position;
    let allFields = 0;
    while (at < lineEnd) {
      while (at < lineEnd && isBlank(bytes[at])) at++;
      if (at === lineEnd) break;
      const start = at;
      while (at < lineEnd && !isBlank(bytes[at])) at++;
      if (allFields < MAX_FIELDS) {
        fieldStart[allFields] = start;
        fieldEnd[allFields] = at;
      }
      allFields++;
    }
    fieldCount = allFields;
    position = lineEnd + 1;
    if (fieldCount === 0 || bytes[fieldStart[0]] === HASH) continue;

    const kind = fieldEnd[0] - fieldStart[0] === 1 ? bytes[fieldStart[0]] : 0;
    if (kind === 101 /* e */) {
      if (users < 0) throw new BMatchFormatError(lineNo, 'edge line before the "p bmatch" line');
      arity(4, 'e USER CONTACT SCORE');
      if (edgeUser.length === declaredEdges)
        throw new BMatchFormatError(
          lineNo,
          `more edges than the ${declaredEdges} declared on line ${headerLine}`,
        );
      edgeUser.push(int(1, 'USER', 0, users - 1));
      edgeContact.push(int(2, 'CONTACT', 0, contacts - 1));
      edgeScore.push(int(3, 'SCORE', -MAX_SCORE, MAX_SCORE));
    } else if (kind === 99 /* c */) {
      if (users < 0) throw new BMatchFormatError(lineNo, 'capacity line before the "p bmatch" line');
      arity(3, 'c CONTACT CAPACITY');
      const c = int(1, 'CONTACT', 0, contacts - 1);
      if (capacitySeen[c]) throw new BMatchFormatError(lineNo, `capacity of contact ${c} given twice`);
      capacitySeen[c] = 1;
      capacity[c] = int(2, 'CAPACITY', 0, MAX_SCORE);
    } else if (kind === 112 /* p */) {
      if (users >= 0)
        throw new BMatchFormatError(lineNo, `second problem line (the first is line ${headerLine})`);
      arity(5, 'p bmatch USERS CONTACTS EDGES');
      if (!isField(1, 'bmatch'))
        throw new BMatchFormatError(lineNo, `problem type must be "bmatch", got "${text(1)}"`);
      users = int(2, 'USERS', 0, MAX_SCORE);
      contacts = int(3, 'CONTACTS', 0, MAX_SCORE);
      declaredEdges = int(4, 'EDGES', 0, MAX_SCORE);
      headerLine = lineNo;
      capacity = new Int32Array(contacts).fill(1);
      capacitySeen = new Uint8Array(contacts);
      edgeUser.reserve(declaredEdges);
      edgeContact.reserve(declaredEdges);
      edgeScore.reserve(declaredEdges);
    } else {
      throw new BMatchFormatError(lineNo, `unknown line type "${text(0)}" (expected p, c, e or #)`);
    }
  }
  if (users < 0) throw new BMatchFormatError(lineNo, 'no "p bmatch USERS CONTACTS EDGES" line');
  if (edgeUser.length !== declaredEdges) {
    throw new BMatchFormatError(
      headerLine,
      `declares ${declaredEdges} edges but the file has ${edgeUser.length}`,
    );
  }
  return graphFromEdges(
    users,
    contacts,
    capacity,
    edgeUser.data.subarray(0, edgeUser.length),
    edgeContact.data.subarray(0, edgeContact.length),
    edgeScore.data.subarray(0, edgeScore.length),
  );
}

export function formatBMatchSolution(graph: BipartiteGraph, matching: BMatching): string {
  const out: string[] = [`s ${matching.totalScore} ${matching.matchedCount}`];
  for (let u = 0; u < graph.userCount; u++) {
    const e = matching.edgeOfUser[u];
    if (e >= 0) out.push(`m ${u} ${graph.edgeContact[e]}`);
  }
  return out.join('\n') + '\n';
}
