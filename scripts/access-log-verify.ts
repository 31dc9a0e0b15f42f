/**
 * `npm run access-log:verify [-- --municipality <uuid>]`: walks the access log's hash chain of every municipality
 * (or one) and prints, per municipality, the rows checked and the first broken link. Exits 1 when a link is broken,
 * so a cron or an auditor's script can act on it. Reads with DATABASE_URL (the application role may read the log).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { municipalitiesWithLog, RunQuery, verifyAccessLogChain } from '../src/access-log/access-log-verifier';
import { validateEnvironment } from '../src/config/environment';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { municipality: { type: 'string' } } });
  const environment = validateEnvironment(process.env, { verifiesTokens: false });
  const client = new Client({ connectionString: environment.DATABASE_URL });
  await client.connect();
  try {
    const query: RunQuery = async (sql, parameters) => (await client.query(sql, parameters)).rows;
    const municipalities = values.municipality ? [values.municipality] : await municipalitiesWithLog(query);
    let broken = 0;
    for (const municipalityId of municipalities) {
      const result = await verifyAccessLogChain(query, municipalityId);
      const link = result.firstBrokenLink;
      if (link) broken += 1;
      console.log(
        link
          ? `BROKEN ${municipalityId}: ${result.rowsChecked} rows hold, then ${link.reason} at position ${link.chainSeq}` +
              (link.rowId ? ` (access_log.id ${link.rowId})` : '')
          : `OK     ${municipalityId}: ${result.rowsChecked} rows, every link holds`,
      );
    }
    if (municipalities.length === 0) console.log('The access log is empty.');
    return broken > 0 ? 1 : 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
