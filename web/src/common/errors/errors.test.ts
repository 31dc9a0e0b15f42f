import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { errorText } from './errors';

const t = i18n.getFixedT('nb');

describe('error code → Norwegian text', () => {
  it('gives a code its own text', () => {
    expect(errorText(t, new ApiError(409, 'user_has_contact'))).toBe(
      'Tjenestemottakeren har allerede en støttekontakt.',
    );
  });

  it('falls back to the status when the code has no text', () => {
    expect(errorText(t, new ApiError(409, 'some_new_rule'))).toBe(
      'Dette lar seg ikke gjøre slik saken står nå.',
    );
  });

  it('falls back to a general text for an unknown status and code', () => {
    expect(errorText(t, new ApiError(418, 'teapot'))).toBe('Noe gikk galt. Prøv igjen senere.');
  });

  it('names the request id so a person can quote it to support', () => {
    expect(errorText(t, new ApiError(500, 'internal_error', [], 'req-42'))).toBe(
      'Det oppstod en feil hos oss. Prøv igjen senere. (Referanse: req-42)',
    );
  });

  it('says the service could not be reached for a network failure', () => {
    expect(errorText(t, new TypeError('Failed to fetch'))).toMatch(/Fikk ikke kontakt/);
  });

  it('has English texts too, falling back to bokmål where none is written', () => {
    const en = i18n.getFixedT('en');
    expect(errorText(en, new ApiError(401, 'unauthenticated'))).toBe(
      'Your session has expired. Sign in again.',
    );
    expect(errorText(en, new ApiError(409, 'group_closed'))).toBe('Gruppen er avsluttet.');
  });
});
