import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/**
 * The one place where the API's stable error codes become text for people: the keys live under `errors.code.*`
 * in common/i18n.*.json. A code without its own text falls back to the HTTP status's text, then a general one.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const byStatus = t(`errors.status.${error.status}`, { ns: 'common', defaultValue: '' });
    const fallback = byStatus || t('errors.unknown', { ns: 'common' });
    const text = t(`errors.code.${error.code}`, { ns: 'common', defaultValue: fallback });
    return error.requestId ? `${text} ${t('errors.requestId', { ns: 'common', id: error.requestId })}` : text;
  }
  return t('errors.network', { ns: 'common' });
}

/** Field errors as the API names them (`startsAt`, `availability[0].start`), for an ErrorSummary. */
export function fieldErrors(error: unknown): { field: string; reason: string }[] {
  return error instanceof ApiError ? error.details : [];
}
