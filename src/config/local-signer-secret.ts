import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The least a local signer secret may hold (HS256 wants a key as long as its hash, RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32;

function readSecret(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The local signer's secret from its file, generated (48 random bytes) on first use. The file appears whole or
 * not at all (written aside, then hard-linked into place), so an API, a worker and `npm run token` starting at
 * once all end up with the same secret.
 */
export function readOrCreateLocalSignerSecret(file: string): string {
  return readOrCreateSecretFile(file, 'the local signer secret');
}

/** A local demo's server secret kept in a file (see readOrCreateLocalSignerSecret), named `what` in messages. */
export function readOrCreateSecretFile(file: string, what: string): string {
  const path = resolve(file);
  let secret = readSecret(path);
  if (secret === undefined) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
    writeFileSync(aside, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(aside, path);
      console.warn(`Generated ${what} in ${path}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
    secret = readSecret(path) ?? '';
  }
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new Error(
      `Invalid configuration: ${what} in ${path} is shorter than ${MIN_SECRET_BYTES} bytes; delete the file to have a new one generated`,
    );
  }
  return secret;
}
