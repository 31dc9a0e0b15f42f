import type { Timesheet } from './queries';

/**
 * Where the user's signature stands, as a text key and its values (DOMAIN rule 5): signed by the user's own
 * link or by a one-time code sent to them (approvable), recorded by the contact (not approvable), or not signed yet with the signing link's state.
 */
export interface SignatureState {
  key: 'signedByLink' | 'signedByCode' | 'signedRecorded' | 'pending' | 'objected' | 'voided' | 'notSent';
  values: Record<string, string>;
  approvable: boolean;
}

export function signatureState(
  sheet: Pick<Timesheet, 'status' | 'signature' | 'signing'>,
  formatInstant: (value: string) => string,
): SignatureState {
  const { signature, signing } = sheet;
  if (signature) {
    const values = {
      name: signature.name,
      at: formatInstant(signature.signedAt),
      signer: signature.signedBy,
    };
    if (signature.method === 'link') {
      return { key: 'signedByLink', values, approvable: sheet.status === 'signed' };
    }
    if (signature.method === 'one_time_code') {
      return {
        key: 'signedByCode',
        values: { ...values, sentTo: signature.codeSentTo ?? '' },
        approvable: sheet.status === 'signed',
      };
    }
    return { key: 'signedRecorded', values, approvable: false };
  }
  if (!signing) return { key: 'notSent', values: {}, approvable: false };
  const values = {
    signer: signing.signer,
    requestedAt: formatInstant(signing.requestedAt),
    expiresAt: formatInstant(signing.expiresAt),
    decidedAt: signing.decidedAt ? formatInstant(signing.decidedAt) : '',
    comment: signing.comment ?? '',
  };
  if (signing.status === 'objected') return { key: 'objected', values, approvable: false };
  if (signing.status === 'voided') return { key: 'voided', values, approvable: false };
  return { key: 'pending', values, approvable: false };
}
