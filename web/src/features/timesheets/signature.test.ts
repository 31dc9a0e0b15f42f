import { describe, expect, it } from 'vitest';
import { signatureState } from './signature';

const at = (value: string) => `@${value}`;
const signing = {
  status: 'pending' as const,
  signer: 'user' as const,
  requestedAt: '2026-11-20T14:00:00Z',
  expiresAt: '2026-12-04T14:00:00Z',
  decidedAt: null,
  comment: null,
};
const signature = {
  signedBy: 'user' as const,
  serviceUserId: 'u1',
  name: 'Kari Haugen',
  signedAt: '2026-11-20T18:30:00Z',
  recordedBy: 'signing-link',
  recordedAt: '2026-11-20T18:30:00Z',
  method: 'link' as const,
  contentHash: 'a'.repeat(64),
  codeSentTo: null,
};

describe('signatureState', () => {
  it('a signature by the user’s own link can be approved while the sheet is signed', () => {
    expect(signatureState({ status: 'signed', signature, signing: null }, at)).toEqual({
      key: 'signedByLink',
      values: { name: 'Kari Haugen', at: '@2026-11-20T18:30:00Z', signer: 'user' },
      approvable: true,
    });
    expect(signatureState({ status: 'approved', signature, signing: null }, at).approvable).toBe(false);
  });

  it('a signature by a one-time code names where the code went, and can be approved', () => {
    const byCode = { ...signature, method: 'one_time_code' as const, codeSentTo: 'k***@example.no' };
    expect(signatureState({ status: 'signed', signature: byCode, signing: null }, at)).toEqual({
      key: 'signedByCode',
      values: { name: 'Kari Haugen', at: '@2026-11-20T18:30:00Z', signer: 'user', sentTo: 'k***@example.no' },
      approvable: true,
    });
  });

  it('a signature the contact recorded is shown but never approvable', () => {
    const state = signatureState(
      { status: 'signed', signature: { ...signature, method: 'recorded' }, signing: null },
      at,
    );
    expect(state.key).toBe('signedRecorded');
    expect(state.approvable).toBe(false);
  });

  it('an open sheet tells where its signing link stands', () => {
    expect(signatureState({ status: 'open', signature: null, signing: null }, at).key).toBe('notSent');
    expect(signatureState({ status: 'open', signature: null, signing }, at)).toMatchObject({
      key: 'pending',
      values: { expiresAt: '@2026-12-04T14:00:00Z' },
      approvable: false,
    });
    const objected = {
      ...signing,
      status: 'objected' as const,
      decidedAt: '2026-11-21T08:00:00Z',
      comment: 'Feil dato',
    };
    expect(signatureState({ status: 'open', signature: null, signing: objected }, at)).toMatchObject({
      key: 'objected',
      values: { comment: 'Feil dato', decidedAt: '@2026-11-21T08:00:00Z' },
    });
  });
});
