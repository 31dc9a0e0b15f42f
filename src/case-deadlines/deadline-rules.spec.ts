import {
  complaintDeadline,
  complaintDeadlineSql,
  complaintInTime,
  daysLeft,
  interimNoticeDueOn,
  interimNoticeDueOnSql,
  interimNoticeState,
} from './deadline-rules';

describe('deadlines (rule 10)', () => {
  it('makes the interim notice due one calendar month after receipt, month ends as a person reads them', () => {
    expect(interimNoticeDueOn('2026-11-02')).toBe('2026-12-02');
    expect(interimNoticeDueOn('2027-01-31')).toBe('2027-02-28');
    expect(interimNoticeDueOn('2028-01-31')).toBe('2028-02-29');
    expect(interimNoticeState('2026-11-02', '2026-12-01')).toBe('not_due');
    expect(interimNoticeState('2026-11-02', '2026-12-02')).toBe('due');
    expect(interimNoticeState('2026-11-02', '2026-12-03')).toBe('overdue');
  });

  it('runs the complaint deadline 4 weeks from the day the vedtak was received, or else sent', () => {
    expect(complaintDeadline({ sentOn: '2026-11-30', receivedOn: '2026-12-02' })).toBe('2026-12-30');
    expect(complaintDeadline({ sentOn: '2026-11-30', receivedOn: null })).toBe('2026-12-28');
    expect(complaintInTime('2026-12-30', '2026-12-30')).toBe(true);
    expect(complaintInTime('2026-12-30', '2026-12-31')).toBe(false);
    expect(daysLeft('2026-12-30', '2026-12-01')).toBe(29);
  });

  it('writes SQL twins from the same numbers', () => {
    expect(interimNoticeDueOnSql('a.received_on')).toBe('(a.received_on + make_interval(months => 1))::date');
    expect(complaintDeadlineSql('d.sent_on', 'd.received_on')).toBe(
      '(coalesce(d.received_on, d.sent_on) + 28)',
    );
  });
});
