import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useSession } from '../../common/auth/session';
import { DataTable } from '../../common/components/DataTable';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatDate, formatKroner, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import '../../common/components/facts.css';
import { timesheetParty } from './party';
import { type TimesheetDetail, useApproveTimesheet, useTimesheet, useTimesheetMoney } from './queries';
import { signatureState } from './signature';
import { SignatureText } from './SignatureText';

const STATUS_COLOR = { open: 'warning', signed: 'info', approved: 'success' } as const;

/** One timesheet: its sessions, totals, what it pays, the user's signature, and approval by a coordinator. */
export default function TimesheetPage() {
  const { t } = useTranslation('timesheets');
  const { id = '' } = useParams();
  const sheet = useTimesheet(id);
  usePageTitle(sheet.data ? t('detail.title', { user: timesheetParty(t, sheet.data) }) : t('title'));
  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/timelister">{t('detail.back')}</RouterLink>
      </Link>
      <QueryState query={sheet}>{(data) => <TimesheetView sheet={data} />}</QueryState>
    </div>
  );
}

function TimesheetView({ sheet }: { sheet: TimesheetDetail }) {
  const { t } = useTranslation('timesheets');
  const role = useSession().data?.user?.role;
  const canApprove = role === 'coordinator' || role === 'admin';
  const approve = useApproveTimesheet();
  const [approved, setApproved] = useState(false);
  const state = signatureState(sheet, (v) => v);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('detail.title', { user: timesheetParty(t, sheet) })}
      </Heading>
      <dl className="fact-pairs">
        <dt>{t('contact')}</dt>
        <dd>{fullName(sheet.contact)}</dd>
        <dt>{t('period')}</dt>
        <dd>{t('periodRange', { from: formatDate(sheet.periodStart), to: formatDate(sheet.periodEnd) })}</dd>
        <dt>{t('detail.status')}</dt>
        <dd>
          <Tag data-color={STATUS_COLOR[sheet.status]}>{t(`status.${sheet.status}`)}</Tag>
        </dd>
        <dt>{t('signatureHeader')}</dt>
        <dd>
          <SignatureText sheet={sheet} />
        </dd>
        {sheet.approval ? (
          <>
            <dt>{t('detail.approval')}</dt>
            <dd>{t('detail.approvedAt', { at: formatDate(sheet.approval.approvedAt) })}</dd>
          </>
        ) : null}
      </dl>
      <DataTable
        caption={t('detail.sessions')}
        headers={[
          t('detail.date'),
          t('detail.time'),
          t('detail.activity'),
          t('hours'),
          t('km'),
          t('detail.expenses'),
          t('detail.note'),
        ]}
      >
        {sheet.sessions.map((session) => (
          <Table.Row key={session.id}>
            <Table.Cell>{formatDate(session.date)}</Table.Cell>
            <Table.Cell>{t('detail.timeRange', { start: session.start, end: session.end })}</Table.Cell>
            <Table.Cell>{session.activity}</Table.Cell>
            <Table.Cell>{formatNumber(session.hours)}</Table.Cell>
            <Table.Cell>{formatNumber(session.km)}</Table.Cell>
            <Table.Cell>{formatKroner(session.expensesOre / 100)}</Table.Cell>
            <Table.Cell>
              {session.supersededAt
                ? t('detail.superseded')
                : session.correctsSessionId
                  ? t('detail.correction', { reason: session.correctionReason ?? '' })
                  : null}
            </Table.Cell>
          </Table.Row>
        ))}
        <Table.Row>
          <Table.HeaderCell>{t('detail.total')}</Table.HeaderCell>
          <Table.Cell>{t('detail.sessionCount', { count: sheet.totals.sessions })}</Table.Cell>
          <Table.Cell />
          <Table.Cell>{formatNumber(sheet.totals.hours)}</Table.Cell>
          <Table.Cell>{formatNumber(sheet.totals.km)}</Table.Cell>
          <Table.Cell>{formatKroner(sheet.totals.expensesOre / 100)}</Table.Cell>
          <Table.Cell />
        </Table.Row>
      </DataTable>
      <Money id={sheet.id} />
      {approved ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('detail.approved')}</Paragraph>
        </Alert>
      ) : null}
      {approve.isError ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, approve.error)}</Paragraph>
        </Alert>
      ) : null}
      {canApprove && state.approvable && !approved ? (
        <div>
          <Button
            loading={approve.isPending}
            onClick={() => approve.mutate(sheet.id, { onSuccess: () => setApproved(true) })}
          >
            {t('detail.approve')}
          </Button>
        </div>
      ) : null}
      {canApprove && sheet.status === 'signed' && !state.approvable ? (
        <Alert data-color="warning">
          <Paragraph>{t('detail.notApprovable')}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

function Money({ id }: { id: string }) {
  const { t } = useTranslation('timesheets');
  const money = useTimesheetMoney(id);
  return (
    <section className="stack" aria-labelledby="money-heading">
      <Heading level={2} data-size="sm" id="money-heading">
        {t('money.title')}
      </Heading>
      <QueryState query={money}>
        {(data) => (
          <dl className="fact-pairs">
            <dt>{t('money.contact')}</dt>
            <dd>{formatKroner(data.contactTotalOre / 100)}</dd>
            <dt>{t('money.passengers')}</dt>
            <dd>{formatKroner(data.passengerTotalOre / 100)}</dd>
            <dt>{t('money.municipality')}</dt>
            <dd>{formatKroner(data.municipalityKmOre / 100)}</dd>
          </dl>
        )}
      </QueryState>
    </section>
  );
}
