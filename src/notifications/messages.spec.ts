import { NotificationKind, renderMessage, renderSms } from './messages';

const LINK = 'https://kommune.example/signer/abc';

describe('renderSms', () => {
  it('says the signing link in one short paragraph, with nothing but the period, the link and the expiry', () => {
    const text = renderSms(
      NotificationKind.TimesheetToSign,
      {
        signingRequestId: 'r',
        periodStart: '2026-11-21',
        periodEnd: '2026-12-20',
        expiresAt: '2027-01-05T12:00:00Z',
      },
      LINK,
    );
    expect(text).toBe(
      `Timelisten for 21. november 2026–20. desember 2026 er klar. Se over timene og svar her: ${LINK} ` +
        'Lenken virker én gang, til 5. januar 2027.',
    );
    expect(text.length).toBeLessThanOrEqual(300);
  });

  it('carries the one-time code and when it stops working', () => {
    expect(
      renderSms(
        NotificationKind.SigningCode,
        { signingRequestId: 'r', codeSeq: 1, codeExpiresAt: '2026-12-02T13:40:00Z' },
        LINK,
        '042137',
      ),
    ).toBe('Engangskode for timelisten: 042137. Gi den bare hvis timene stemmer. Virker til kl. 14:40.');
  });

  it('gives every other notification its e-mail subject and link', () => {
    const payload = { timesheetId: 't', periodStart: '2026-11-21', periodEnd: '2026-12-20' };
    expect(renderSms(NotificationKind.TimesheetSigned, payload, LINK)).toBe(
      `${renderMessage(NotificationKind.TimesheetSigned, payload, LINK).subject}: ${LINK}`,
    );
  });
});
