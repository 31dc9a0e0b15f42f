import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string | undefined;
  raw: string;
}

/**
 * A real SMTP server for the tests (the npm package smtp-server) on a free port; it keeps what arrives,
 * parsed with mailparser, so a test reads the very e-mail a person would get.
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const refuseOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refused = recipients.find((address) => refuseOnce.delete(address));
        if (refused) {
          callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((mail: ParsedMail) => {
          const to = [mail.to ?? []]
            .flat()
            .flatMap((address) => address.value.map((value) => value.address ?? ''));
          received.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId,
            raw,
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  /** Waits until a mail to `address` matching `subject` has arrived (or fails after `timeoutMs`). */
  /**
   * The first mail to `address` (with a matching subject) among those received after the first `since`: pass
   * `received.length` taken before the request, so a mail left in the outbox by an earlier suite on the same
   * database (to the same address) is not taken for this one.
   */
  async function waitFor(
    address: string,
    subject?: RegExp,
    { timeoutMs = 15_000, since = 0 }: { timeoutMs?: number; since?: number } = {},
  ): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received
        .slice(since)
        .find((mail) => mail.to.includes(address) && (!subject || subject.test(mail.subject)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${String(subject)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200).unref();
      });
    }
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor,
    /** The next message to `address` is refused with a temporary error (451), as a busy server does. */
    refuseNextTo: (address: string) => refuseOnce.add(address),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
