/**
 * Solves a raw weighted bipartite b-matching file exactly (format: docs/solver.md).
 *   npm run solve -- FILE        (FILE may be - for standard input)
 * Runs compiled (dist/scripts/solve.js, built on first use; `npm run build` after changing the engine) and reads
 * the file as bytes: start-up and parsing, not the solve, were most of the whole process under ts-node.
 * Prints `s TOTAL MATCHED` then `m USER CONTACT` per chosen pair. Exit 2 on unreadable or malformed input.
 */
import { readFileSync } from 'node:fs';
import { solveBMatching } from '../src/matching/engine/b-matching';
import { BMatchFormatError, formatBMatchSolution, parseBMatch } from '../src/matching/engine/bmatch-format';

function main(argv: string[]): number {
  if (argv.length !== 1 || argv[0] === '--help' || argv[0] === '-h') {
    process.stderr.write('usage: npm run solve -- FILE   (FILE = - reads standard input)\n');
    return 2;
  }
  const file = argv[0];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error: unknown) {
    process.stderr.write(
      `solve: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  try {
    const graph = parseBMatch(bytes);
    process.stdout.write(formatBMatchSolution(graph, solveBMatching(graph)));
    return 0;
  } catch (error: unknown) {
    if (error instanceof BMatchFormatError) {
      process.stderr.write(`solve: ${file}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
