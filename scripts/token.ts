/**
 * Prints a development token signed by the local signer.
 *   npm run token -- --role coordinator [--municipality <uuid>] [--contact <uuid>] [--expires 8h]
 * Without --municipality the demo municipality is used; a contact token needs --contact (a roster id).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Role, ROLES } from '../src/common/auth/principal';
import { TokenService } from '../src/common/auth/token.service';
import { AppConfig } from '../src/config/app-config.service';
import { validateEnvironment } from '../src/config/environment';
import { DEMO_MUNICIPALITY_ID } from './demo/demo-ids';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'coordinator' },
      municipality: { type: 'string', default: DEMO_MUNICIPALITY_ID },
      contact: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'contact' && !values.contact)
    throw new Error('--contact <contact id> is required for role contact');

  // This tool is the local signer; it signs with the secret `npm start` uses (JWT_SECRET, or the kept one).
  const environment = validateEnvironment({ ...process.env, LOCAL_SIGNER_ENABLED: 'true' });
  const config = { get: (key: keyof typeof environment) => environment[key] } as unknown as AppConfig;
  const token = await new TokenService(config).sign({
    subject: values.subject ?? `dev-${role}`,
    role,
    municipalityId: values.municipality!,
    contactId: values.contact ?? null,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
