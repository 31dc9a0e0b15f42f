import { Field, Heading, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatKroner, formatNumber, osloDay } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import '../../common/components/facts.css';
import { type PayPeriod, recentPayPeriods } from './pay-periods';
import { exportUrl, useInvoices, usePayroll, usePaySettings } from './queries';

const PERIODS_SHOWN = 12;
const LINES_PER_PAGE = 50;
const FORMATS = ['xlsx', 'csv'] as const;
const kroner = (ore: number) => formatKroner(ore / 100);

/** Utbetaling: a pay period's payroll and invoices from its approved timesheets, with XLSX and CSV files. */
export default function PayrollPage() {
  const { t } = useTranslation('payroll');
  usePageTitle(t('title'));
  const settings = usePaySettings();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={settings}>
        {(data) => (
          <PeriodView periods={recentPayPeriods(osloDay(), data.payPeriodStartDay, PERIODS_SHOWN)} />
        )}
      </QueryState>
    </div>
  );
}

function PeriodView({ periods }: { periods: PayPeriod[] }) {
  const { t } = useTranslation('payroll');
  const [start, setStart] = useState(periods[0].start);
  const period = periods.find((p) => p.start === start) ?? periods[0];
  const range = (p: PayPeriod) => t('periodRange', { from: formatDate(p.start), to: formatDate(p.end) });
  return (
    <>
      <Field>
        <Label htmlFor="pay-period">{t('period')}</Label>
        <Select id="pay-period" value={start} onChange={(event) => setStart(event.target.value)}>
          {periods.map((p) => (
            <Select.Option key={p.start} value={p.start}>
              {range(p)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <PayrollSection period={period} range={range(period)} />
      <InvoicesSection period={period} range={range(period)} />
    </>
  );
}

function Downloads({ kind, period, name }: { kind: 'payroll' | 'invoices'; period: string; name: string }) {
  const { t } = useTranslation('payroll');
  return (
    <ul className="row downloads" aria-label={t('downloads', { name })}>
      {FORMATS.map((format) => (
        <li key={format}>
          <Link href={exportUrl(kind, period, format)} download>
            {t(`download.${format}`, { name })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function PayrollSection({ period, range }: { period: PayPeriod; range: string }) {
  const { t } = useTranslation('payroll');
  const payroll = usePayroll(period.start);
  const [page, setPage] = useState(1);
  return (
    <section className="stack" aria-labelledby="payroll-heading">
      <Heading level={2} data-size="md" id="payroll-heading">
        {t('payroll.title', { range })}
      </Heading>
      <Downloads kind="payroll" period={period.start} name={t('payroll.file')} />
      <QueryState query={payroll}>
        {(data) =>
          data.lines.length === 0 ? (
            <Paragraph>{t('payroll.none')}</Paragraph>
          ) : (
            <div className="stack">
              <dl className="fact-pairs">
                <dt>{t('payroll.timesheets')}</dt>
                <dd>{formatNumber(data.timesheets)}</dd>
                <dt>{t('hours')}</dt>
                <dd>{formatNumber(Math.round((data.minutes / 60) * 100) / 100)}</dd>
                <dt>{t('payroll.total')}</dt>
                <dd>{kroner(data.totalOre)}</dd>
              </dl>
              <DataTable
                caption={t('payroll.caption', { range })}
                headers={[
                  t('payroll.contact'),
                  t('payroll.rateFrom'),
                  t('hours'),
                  t('payroll.hoursPay'),
                  t('km'),
                  t('payroll.kmPay'),
                  t('payroll.expenses'),
                  t('payroll.lineTotal'),
                ]}
              >
                {data.lines.slice((page - 1) * LINES_PER_PAGE, page * LINES_PER_PAGE).map((line) => (
                  <Table.Row key={`${line.timesheetId}-${line.rateValidFrom}`}>
                    <Table.Cell>{line.contactName}</Table.Cell>
                    <Table.Cell>{formatDate(line.rateValidFrom)}</Table.Cell>
                    <Table.Cell>{formatNumber(line.hours)}</Table.Cell>
                    <Table.Cell>{kroner(line.hoursOre)}</Table.Cell>
                    <Table.Cell>{formatNumber(line.km)}</Table.Cell>
                    <Table.Cell>{kroner(line.kmOre)}</Table.Cell>
                    <Table.Cell>{kroner(line.expensesOre)}</Table.Cell>
                    <Table.Cell>{kroner(line.totalOre)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell>{t('sum')}</Table.HeaderCell>
                  <Table.Cell />
                  <Table.Cell>{formatNumber(Math.round((data.minutes / 60) * 100) / 100)}</Table.Cell>
                  <Table.Cell>{kroner(data.hoursOre)}</Table.Cell>
                  <Table.Cell />
                  <Table.Cell>{kroner(data.kmOre)}</Table.Cell>
                  <Table.Cell>{kroner(data.expensesOre)}</Table.Cell>
                  <Table.Cell>{kroner(data.totalOre)}</Table.Cell>
                </Table.Row>
              </DataTable>
              <Pager page={page} pageSize={LINES_PER_PAGE} total={data.lines.length} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function InvoicesSection({ period, range }: { period: PayPeriod; range: string }) {
  const { t } = useTranslation('payroll');
  const invoices = useInvoices(period.start);
  const [page, setPage] = useState(1);
  return (
    <section className="stack" aria-labelledby="invoices-heading">
      <Heading level={2} data-size="md" id="invoices-heading">
        {t('invoices.title', { range })}
      </Heading>
      <Paragraph>{t('invoices.intro')}</Paragraph>
      <Downloads kind="invoices" period={period.start} name={t('invoices.file')} />
      <QueryState query={invoices}>
        {(data) =>
          data.lines.length === 0 ? (
            <Paragraph>{t('invoices.none')}</Paragraph>
          ) : (
            <div className="stack">
              <DataTable
                caption={t('invoices.caption', { range })}
                headers={[t('invoices.user'), t('payroll.rateFrom'), t('invoices.km'), t('invoices.amount')]}
              >
                {data.lines.slice((page - 1) * LINES_PER_PAGE, page * LINES_PER_PAGE).map((line) => (
                  <Table.Row key={`${line.timesheetId}-${line.serviceUserId}-${line.rateValidFrom}`}>
                    <Table.Cell>{line.serviceUserName}</Table.Cell>
                    <Table.Cell>{formatDate(line.rateValidFrom)}</Table.Cell>
                    <Table.Cell>{formatNumber(line.km)}</Table.Cell>
                    <Table.Cell>{kroner(line.amountOre)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell>{t('sum')}</Table.HeaderCell>
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell>{kroner(data.totalOre)}</Table.Cell>
                </Table.Row>
              </DataTable>
              <Pager page={page} pageSize={LINES_PER_PAGE} total={data.lines.length} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
