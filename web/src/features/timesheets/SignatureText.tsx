import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format/format';
import type { Timesheet } from './queries';
import { signatureState } from './signature';

/** The signature's state in words: who signed and when, or where the signing link stands. */
export function SignatureText({ sheet }: { sheet: Pick<Timesheet, 'status' | 'signature' | 'signing'> }) {
  const { t } = useTranslation('timesheets');
  const state = signatureState(sheet, (value) => formatDateTime(value));
  const signer = state.values.signer ? t(`signer.${state.values.signer}`) : '';
  return <>{t(`signature.${state.key}`, { ...state.values, signer })}</>;
}
