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

export function parseBMatch(text: string): BipartiteGraph {
  let users = -1;
  let contacts = -1;
  let declaredEdges = 0;
  let headerLine = 0;
  let capacity = new Int32Array(0);
  let capacitySeen = new Uint8Array(0);
  const edgeUser = new GrowableArray(int32s);
  const edgeContact = new GrowableArray(int32s);
  const edgeScore = new GrowableArray(int32s);

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const int = (k: number, what: string, min: number, max: number): number => {
      const raw = fields[k];
      if (raw === undefined || !/^[+-]?\d+$/.test(raw))
        throw new BMatchFormatError(
          lineNo,
          `${what} must be an integer, got ${raw === undefined ? 'nothing' : `"${raw}"`}`,
        );
      const value = Number(raw);
      if (value < min || value > max)
        throw new BMatchFormatError(lineNo, `${what} ${raw} is outside ${min}..${max}`);
      return value;
    };
    const arity = (count: number, shape: string) => {
      if (fields.length !== count) throw new BMatchFormatError(lineNo, `expected "${shape}"`);
    };

    switch (fields[0]) {
      case 'p': {
        if (users >= 0)
          throw new BMatchFormatError(lineNo, `second problem line (the first is line ${headerLine})`);
        arity(5, 'p bmatch USERS CONTACTS EDGES');
        if (fields[1] !== 'bmatch')
          throw new BMatchFormatError(lineNo, `problem type must be "bmatch", got "${fields[1]}"`);
        users = int(2, 'USERS', 0, MAX_SCORE);
        contacts = int(3, 'CONTACTS', 0, MAX_SCORE);
        declaredEdges = int(4, 'EDGES', 0, MAX_SCORE);
        headerLine = lineNo;
        capacity = new Int32Array(contacts).fill(1);
        capacitySeen = new Uint8Array(contacts);
        edgeUser.reserve(declaredEdges);
        edgeContact.reserve(declaredEdges);
        edgeScore.reserve(declaredEdges);
        break;
      }
      case 'c': {
        if (users < 0) throw new BMatchFormatError(lineNo, 'capacity line before the "p bmatch" line');
        arity(3, 'c CONTACT CAPACITY');
        const c = int(1, 'CONTACT', 0, contacts - 1);
        if (capacitySeen[c]) throw new BMatchFormatError(lineNo, `capacity of contact ${c} given twice`);
        capacitySeen[c] = 1;
        capacity[c] = int(2, 'CAPACITY', 0, MAX_SCORE);
        break;
      }
      case 'e': {
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
        break;
      }
      default:
        throw new BMatchFormatError(lineNo, `unknown line type "${fields[0]}" (expected p, c, e or #)`);
    }
  }
  if (users < 0) throw new BMatchFormatError(lines.length, 'no "p bmatch USERS CONTACTS EDGES" line');
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
