import { UnrecoverableError } from 'bullmq';

/** One SMS as the outbox sends it. */
export interface OutgoingSms {
  /** E.164, e.g. +4791234567. */
  to: string;
  text: string;
  /** The outbox row's id: the gateway's idempotency key, so a resend after a lost answer is one message. */
  reference: string;
}

/**
 * The municipality's SMS provider. One implementation speaks a generic JSON-over-HTTP gateway; another provider
 * (a national SMS service, an operator's API) is another class behind the same interface.
 */
export abstract class SmsGateway {
  /** Whether SMS can be sent at all: when not, nobody can choose SMS and a row on it fails at once. */
  abstract readonly enabled: boolean;
  abstract send(sms: OutgoingSms): Promise<void>;
}

/** SMS is not configured (no SMS_GATEWAY_URL): nothing is sent, and a row on SMS fails without retries. */
export class SmsDisabled extends SmsGateway {
  readonly enabled = false;
  send(): Promise<void> {
    return Promise.reject(new UnrecoverableError('SMS is not configured (SMS_GATEWAY_URL)'));
  }
}

const TIMEOUT_MS = 10_000;

/**
 * A generic HTTP gateway: `POST url` with `{to, from, message, reference}` as JSON, `Authorization: Bearer`, and
 * `Idempotency-Key: reference`. A 2xx is sent; a 5xx, 408, 429 or no answer is retried by the outbox (BullMQ's
 * backoff); any other 4xx (a bad number, a refused token) is final, since sending it again would fail the same way.
 */
export class HttpSmsGateway extends SmsGateway {
  readonly enabled = true;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly sender: string,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${this.token}`,
        'Idempotency-Key': sms.reference,
      },
      body: JSON.stringify({ to: sms.to, from: this.sender, message: sms.text, reference: sms.reference }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    const reason = `the SMS gateway answered ${response.status}`;
    if (response.status >= 500 || response.status === 408 || response.status === 429) throw new Error(reason);
    throw new UnrecoverableError(reason);
  }
}

/** A Norwegian number as the roster writes it ("912 34 567", "+47 912 34 567", "004791234567") in E.164. */
export function toE164(phone: string): string | null {
  const digits = phone.replace(/[\s-]/g, '');
  if (/^\+[1-9][0-9]{7,14}$/.test(digits)) return digits;
  if (/^00[1-9][0-9]{7,14}$/.test(digits)) return `+${digits.slice(2)}`;
  if (/^[2-9][0-9]{7}$/.test(digits)) return `+47${digits}`;
  return null;
}
