/**
 * `npm run migration:run`: the one migration step of a deployment (docker-compose.yml's `migrate` service, a
 * release job), as the owner (DATABASE_OWNER_URL). Safe to start twice at once: the second waits for the first
 * and then finds nothing to do. The API and the worker only check that the schema is current.
 */
import 'reflect-metadata';
import { validateEnvironment } from '../src/config/environment';
import { migrate } from '../src/database/migrate';

async function main(): Promise<void> {
  const environment = validateEnvironment(process.env, { verifiesTokens: false });
  const applied = await migrate(environment.DATABASE_OWNER_URL, {
    appRole: environment.DATABASE_APP_ROLE,
    appPassword: environment.DATABASE_APP_PASSWORD,
  });
  console.log(
    applied.length > 0
      ? `Migrations applied: ${applied.join(', ')}`
      : 'The schema is current; no migration to apply.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
