import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the browser tests (the npm package smtp-server, as test/support/smtp.ts) on the port the
 * web server's SMTP_URL names (BROWSER_TEST_PORT + 1000, see start-server.mjs), so a test reads the very e-mail
 * the user would get.
 */
export const smtpPort = (): number => Number(process.env.BROWSER_TEST_PORT ?? 3150) + 1000;

export async function startMailbox() {
  const received: { to: string[]; subject: string; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
        received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(smtpPort(), '127.0.0.1', resolve));
  return {
    /** The first mail to `address` whose subject matches, waiting up to `timeoutMs` for it. */
    async waitFor(address: string, subject: RegExp, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((mail) => mail.to.includes(address) && subject.test(mail.subject));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${String(subject)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
