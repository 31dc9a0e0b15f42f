/**
 * A fødselsnummer (or its mask, `178190*****`) as people read it: the birth date, a space, the five personal
 * digits (`178190 *****`). Anything else is returned as it is.
 */
export function groupNationalId(value: string): string {
  return /^[0-9]{6}[0-9*]{5}$/.test(value) ? `${value.slice(0, 6)} ${value.slice(6)}` : value;
}
