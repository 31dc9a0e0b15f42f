/**
 * What each notification says, as pure functions of non-sensitive facts (dates, times, links). A message never
 * holds a name of a service user, health data or a fødselsnummer (TRUST 36): it says that something happened and
 * links to where a signed-in person (or the signer, by their one-time link) reads the rest.
 */
export const NotificationKind = {
  TimesheetToSign: 'timesheet_to_sign',
  SigningCode: 'signing_code',
  TimesheetSigned: 'timesheet_signed',
  TimesheetObjected: 'timesheet_objected',
  IntroductionBooked: 'introduction_booked',
  IntroductionMoved: 'introduction_moved',
  PoliceCertificateLapsing: 'police_certificate_lapsing',
  MatchingRunFinished: 'matching_run_finished',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** The facts a message is built from, per kind: ids and dates, never a record. */
export interface NotificationPayloads {
  [NotificationKind.TimesheetToSign]: {
    signingRequestId: string;
    periodStart: string;
    periodEnd: string;
    expiresAt: string;
  };
  /** `codeSeq` names the code of the request this message carries; an older message's code is never made. */
  [NotificationKind.SigningCode]: { signingRequestId: string; codeSeq: number; codeExpiresAt: string };
  [NotificationKind.TimesheetSigned]: { timesheetId: string; periodStart: string; periodEnd: string };
  [NotificationKind.TimesheetObjected]: { timesheetId: string; periodStart: string; periodEnd: string };
  [NotificationKind.IntroductionBooked]: { introductionId: string; startsAt: string };
  [NotificationKind.IntroductionMoved]: { introductionId: string; startsAt: string };
  [NotificationKind.PoliceCertificateLapsing]: { contactId: string; validUntil: string };
  [NotificationKind.MatchingRunFinished]: { runId: string; proposed: number };
}

export interface Message {
  subject: string;
  text: string;
}

const osloDate = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long' }).format(new Date(iso));
const osloDateTime = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
const osloTime = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', timeStyle: 'short' }).format(new Date(iso));
const period = (start: string, end: string) =>
  `${osloDate(`${start}T12:00:00Z`)}–${osloDate(`${end}T12:00:00Z`)}`;

const footer =
  '\n\nDenne e-posten er sendt automatisk fra støttekontakttjenesten i kommunen. Ikke svar på den.';

/**
 * The message of one notification. `link` is where the recipient reads the rest (for signing: their own link);
 * `code` is a one-time code, made when the message is sent so that it exists only in it.
 */
export function renderMessage<K extends NotificationKind>(
  kind: K,
  payload: NotificationPayloads[K],
  link: string,
  code?: string,
): Message {
  const p = payload as NotificationPayloads[NotificationKind];
  switch (kind) {
    case NotificationKind.TimesheetToSign: {
      const facts = p as NotificationPayloads['timesheet_to_sign'];
      return {
        subject: 'Timelisten er klar til at du ser over den',
        text:
          `Hei!\n\nStøttekontakten har sendt timelisten for ${period(facts.periodStart, facts.periodEnd)}.\n` +
          `Se over timene og si om de stemmer:\n${link}\n\n` +
          `Lenken kan brukes én gang og virker til ${osloDate(facts.expiresAt)}.` +
          footer,
      };
    }
    case NotificationKind.SigningCode: {
      const facts = p as NotificationPayloads['signing_code'];
      return {
        subject: 'Engangskode for å signere timelisten',
        text:
          `Hei!\n\nKoden din er: ${code ?? ''}\n\n` +
          `Se over timelisten på telefonen til støttekontakten. Stemmer timene, skriver du koden der, ` +
          `eller leser den opp. Stemmer de ikke, skal du ikke gi koden til noen.\n\n` +
          `Koden kan brukes én gang og virker til klokka ${osloTime(facts.codeExpiresAt)}.` +
          footer,
      };
    }
    case NotificationKind.TimesheetSigned: {
      const facts = p as NotificationPayloads['timesheet_signed'];
      return {
        subject: 'En timeliste er signert',
        text: `En timeliste for ${period(facts.periodStart, facts.periodEnd)} er signert og venter på godkjenning:\n${link}${footer}`,
      };
    }
    case NotificationKind.TimesheetObjected: {
      const facts = p as NotificationPayloads['timesheet_objected'];
      return {
        subject: 'Noen har sagt fra om feil i en timeliste',
        text: `Det er sagt fra om feil i en timeliste for ${period(facts.periodStart, facts.periodEnd)}. Se hva som er skrevet:\n${link}${footer}`,
      };
    }
    case NotificationKind.IntroductionBooked: {
      const facts = p as NotificationPayloads['introduction_booked'];
      return {
        subject: 'Nytt møte',
        text: `Et introduksjonsmøte er satt opp ${osloDateTime(facts.startsAt)}. Se tid, sted og hvem som kommer:\n${link}${footer}`,
      };
    }
    case NotificationKind.IntroductionMoved: {
      const facts = p as NotificationPayloads['introduction_moved'];
      return {
        subject: 'Møtet er flyttet',
        text: `Et introduksjonsmøte er flyttet til ${osloDateTime(facts.startsAt)}. Se tid, sted og hvem som kommer:\n${link}${footer}`,
      };
    }
    case NotificationKind.PoliceCertificateLapsing: {
      const facts = p as NotificationPayloads['police_certificate_lapsing'];
      return {
        subject: 'Politiattest må fornyes',
        text: `En politiattest gjelder bare til ${osloDate(`${facts.validUntil}T12:00:00Z`)}. Se hva som må gjøres:\n${link}${footer}`,
      };
    }
    case NotificationKind.MatchingRunFinished: {
      const facts = p as NotificationPayloads['matching_run_finished'];
      return {
        subject: 'Nye forslag til støttekontakter',
        text: `Nattens kjøring er ferdig med ${facts.proposed} forslag som venter på deg:\n${link}${footer}`,
      };
    }
  }
  throw new Error(`No message for notification kind ${String(kind)}`);
}

/**
 * The same notification as an SMS: one short paragraph with the link (or the code), no name and nothing about
 * health (TRUST 36), under 300 characters so that it fits in two SMS parts.
 */
export function renderSms<K extends NotificationKind>(
  kind: K,
  payload: NotificationPayloads[K],
  link: string,
  code?: string,
): string {
  const p = payload as NotificationPayloads[NotificationKind];
  switch (kind) {
    case NotificationKind.TimesheetToSign: {
      const facts = p as NotificationPayloads['timesheet_to_sign'];
      return (
        `Timelisten for ${period(facts.periodStart, facts.periodEnd)} er klar. Se over timene og svar her: ` +
        `${link} Lenken virker én gang, til ${osloDate(facts.expiresAt)}.`
      );
    }
    case NotificationKind.SigningCode: {
      const facts = p as NotificationPayloads['signing_code'];
      return (
        `Engangskode for timelisten: ${code ?? ''}. Gi den bare hvis timene stemmer. ` +
        `Virker til kl. ${osloTime(facts.codeExpiresAt)}.`
      );
    }
    default:
      return `${renderMessage(kind, payload, link, code).subject}: ${link}`;
  }
}

/** Where each kind links to in the web app, below PUBLIC_BASE_URL. */
export function linkPath<K extends NotificationKind>(kind: K, payload: NotificationPayloads[K]): string {
  const p = payload as Record<string, unknown>;
  switch (kind) {
    case NotificationKind.TimesheetSigned:
    case NotificationKind.TimesheetObjected:
      return `/timelister/${String(p.timesheetId)}`;
    case NotificationKind.IntroductionBooked:
    case NotificationKind.IntroductionMoved:
      return `/introduksjoner/${String(p.introductionId)}`;
    case NotificationKind.PoliceCertificateLapsing:
      // The dashboard's lapses for staff; a støttekontakt signed in there lands on their own home.
      return '/';
    case NotificationKind.MatchingRunFinished:
      return `/forslag?runId=${String(p.runId)}`;
    default:
      return '/';
  }
}
