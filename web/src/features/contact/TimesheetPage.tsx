import { Alert, Button, Card, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatKroner, formatNumber } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { refusalText } from './LogSessionPage';
import { useMyUsers, useOpenTimesheets, useSendToSigning, useTimesheet } from './queries';
import { SignWithCode } from './SignWithCode';
import './contact.css';

/** Timeliste: this period's open timesheets, their lines and totals, and "Send til signering". */
export default function TimesheetPage() {
  const { t } = useTranslation('contact');
  usePageTitle(t('timesheet.title'));
  const sheets = useOpenTimesheets();
  // A sheet signed by code leaves the open list, so its confirmation is said here, where focus is moved.
  const [signed, setSigned] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (signed) notice.current?.focus();
  }, [signed]);
  const onSigned = (period: string) => {
    setSigned(period);
    void sheets.refetch();
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('timesheet.title')}
      </Heading>
      <Paragraph>{t('timesheet.intro')}</Paragraph>
      {signed ? (
        <Alert data-color="success" role="status" ref={notice} tabIndex={-1}>
          {t('code.signed', { period: signed })}
        </Alert>
      ) : null}
      <QueryState query={sheets}>
        {(page) =>
          page.items.length === 0 ? (
            <Paragraph>{t('timesheet.none')}</Paragraph>
          ) : (
            <ul className="card-list">
              {page.items.map((sheet) => (
                <li key={sheet.id}>
                  <TimesheetCard id={sheet.id} onSigned={onSigned} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

function TimesheetCard({ id, onSigned }: { id: string; onSigned: (period: string) => void }) {
  const { t } = useTranslation('contact');
  const sheet = useTimesheet(id);
  const users = useMyUsers();
  const send = useSendToSigning(id);
  const [signer, setSigner] = useState('');
  return (
    <Card data-color="neutral">
      <QueryState query={sheet}>
        {(timesheet) => {
          const who = timesheet.group
            ? t('assignments.group', { name: timesheet.group.name })
            : (timesheet.serviceUser?.firstName ?? '');
          const period = t('timesheet.period', {
            from: formatDate(timesheet.periodStart),
            to: formatDate(timesheet.periodEnd),
          });
          const lines = timesheet.sessions.filter((session) => !session.supersededAt);
          const members = [...new Set(lines.flatMap((line) => line.presentServiceUserIds))];
          const names = new Map((users.data ?? []).map((user) => [user.id, user.firstName]));
          return (
            <div className="stack">
              <Heading level={2} data-size="sm">
                {t('timesheet.heading', { who, period })}
              </Heading>
              {lines.length === 0 ? (
                <Paragraph>{t('timesheet.empty')}</Paragraph>
              ) : (
                <>
                  <Heading level={3} data-size="xs" id={`lines-${id}`}>
                    {t('timesheet.caption', { who })}
                  </Heading>
                  <ul className="line-list" aria-labelledby={`lines-${id}`}>
                    {lines.map((line) => (
                      <li key={line.id}>
                        <Paragraph>
                          <strong>
                            {t('timesheet.when', {
                              date: formatDate(line.date),
                              from: line.start,
                              to: line.end,
                            })}
                          </strong>
                        </Paragraph>
                        <Paragraph>
                          {t('timesheet.line', {
                            activity: line.activity,
                            hours: formatNumber(line.hours),
                            km: formatNumber(line.km),
                          })}
                        </Paragraph>
                        {line.expenses.map((expense, index) => (
                          <Paragraph key={index} data-size="sm">
                            {t('timesheet.expense', {
                              category: expense.categoryName,
                              paid: formatKroner(expense.amountOre / 100),
                              covered: formatKroner(expense.coveredOre / 100),
                            })}
                          </Paragraph>
                        ))}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <Paragraph>
                {t('timesheet.totals', {
                  count: timesheet.totals.sessions,
                  hours: formatNumber(timesheet.totals.hours),
                  km: formatNumber(timesheet.totals.km),
                  expenses: formatKroner(timesheet.totals.expensesOre / 100),
                  covered: formatKroner(timesheet.totals.expensesCoveredOre / 100),
                })}
              </Paragraph>
              {timesheet.signing ? (
                <Paragraph data-size="sm">
                  {t(`timesheet.signing.${timesheet.signing.status}`, {
                    date: formatDate(timesheet.signing.requestedAt),
                  })}
                </Paragraph>
              ) : null}
              {send.isSuccess ? (
                <Alert data-color="success" role="status">
                  {t('timesheet.sent', { to: send.data.sentTo })}
                </Alert>
              ) : null}
              {send.isError ? (
                <Alert data-color="danger">
                  <Paragraph>{refusalText(t, send.error)}</Paragraph>
                </Alert>
              ) : null}
              {lines.length > 0 ? (
                <>
                  {timesheet.group ? (
                    <Field>
                      <Label htmlFor={`signer-${id}`}>{t('timesheet.signer')}</Label>
                      <Select id={`signer-${id}`} value={signer} onChange={(e) => setSigner(e.target.value)}>
                        <Select.Option value="">{t('timesheet.chooseSigner')}</Select.Option>
                        {members.map((member) => (
                          <Select.Option key={member} value={member}>
                            {names.get(member) ?? member}
                          </Select.Option>
                        ))}
                      </Select>
                    </Field>
                  ) : null}
                  <Paragraph data-size="sm">{t('timesheet.sendHelp')}</Paragraph>
                  <div>
                    <Button
                      onClick={() => send.mutate(timesheet.group ? signer || undefined : undefined)}
                      loading={send.isPending}
                      disabled={Boolean(timesheet.group) && !signer}
                    >
                      {timesheet.signing?.status === 'pending'
                        ? t('timesheet.sendAgain')
                        : t('timesheet.send')}
                    </Button>
                  </div>
                  <SignWithCode
                    timesheetId={id}
                    serviceUserId={timesheet.group ? signer || undefined : undefined}
                    disabled={Boolean(timesheet.group) && !signer}
                    onSigned={() => onSigned(period)}
                  />
                </>
              ) : null}
            </div>
          );
        }}
      </QueryState>
    </Card>
  );
}
