/**
 * What a støttekontakt is told of a user's surname: its initial ("Nordmann" → "N."). Enough to tell two users
 * of the same first name apart, and no more than the work needs.
 */
export const lastNameInitial = (lastName: string | null | undefined): string =>
  lastName ? `${[...lastName.trim()][0] ?? ''}.` : '';

/** A full name as a støttekontakt sees it: the first names and the surname's initial ("Kari Nordmann" → "Kari N."). */
export function nameForContact(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(' ')} ${lastNameInitial(parts[parts.length - 1])}`;
}
