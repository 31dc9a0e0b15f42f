import { isUuidText } from '../http/uuid-param';
import { Principal, Role, ROLES } from './principal';

export class InvalidTokenError extends Error {}

/** Which claims of a token (or an id_token) carry the role, the municipality and the contact's roster id. */
export interface ClaimNames {
  role: string;
  municipality: string;
  contact: string;
  /** Used when the token has no municipality claim: an issuer that signs in one municipality's staff only. */
  fixedMunicipalityId?: string;
}

/** The names our local signer writes. */
export const LOCAL_CLAIM_NAMES: ClaimNames = {
  role: 'role',
  municipality: 'municipality_id',
  contact: 'contact_id',
};

/** A role claim is a string or, as Entra ID's app roles, an array: the first value that is one of our roles. */
function roleOf(value: unknown): Role | undefined {
  const values = Array.isArray(value) ? value : [value];
  return values.find((v): v is Role => ROLES.includes(v as Role));
}

/**
 * The one mapping from claims to a Principal, for bearer tokens (local and OIDC) and for the web sign-in's
 * id_token alike, so the same person gets the same rights whichever way they came in.
 */
export function principalFromClaims(
  payload: Record<string, unknown>,
  names: ClaimNames = LOCAL_CLAIM_NAMES,
): Principal {
  const role = roleOf(payload[names.role]);
  if (!role) throw new InvalidTokenError(`claim ${names.role} invalid`);
  const municipalityId = payload[names.municipality] ?? names.fixedMunicipalityId;
  if (!isUuidText(municipalityId)) {
    throw new InvalidTokenError(`claim ${names.municipality} invalid`);
  }
  const contactId = payload[names.contact];
  if (role === 'contact' && !isUuidText(contactId)) {
    throw new InvalidTokenError(`claim ${names.contact} invalid`);
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('claim sub invalid');
  return {
    subject: payload.sub,
    role,
    municipalityId,
    contactId: role === 'contact' ? (contactId as string) : null,
  };
}
