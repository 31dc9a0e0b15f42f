import { Field, Heading, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../common/auth/session';
import { DataTable } from '../../common/components/DataTable';
import { QueryState } from '../../common/components/QueryState';
import { formatDate, formatNumber, osloDay } from '../../common/format/format';
import { PageSpinner } from '../../common/layout/PageSpinner';
import { usePageTitle } from '../../common/layout/usePageTitle';
import '../../common/components/facts.css';
import type { ChartSeries } from './BarChartView';
import { lastMonths, type MonthRange, percentOf } from './months';
import { kprUrl, useEndedAssignments, useHoursByMonth, useWaitingTimesByMonth } from './queries';

/** recharts stays out of the first load and out of this page's own chunk: it loads once the tables are up. */
const BarChartView = lazy(() => import('./BarChartView'));

const MONTHS_OF_WAITING = 12;
const MONTHS_OF_HOURS = 6;
/** Colours with at least 3:1 contrast against the white page (WCAG 1.4.11), told apart by the legend too. */
const COLORS = ['#1f5c99', '#9a5b00', '#a3262a', '#2d6a34'];
const BANDS = ['within15Days', 'from16To30Days', 'from31Days'] as const;
const DURATIONS = ['within3Months', 'within6Months', 'within12Months', 'after12Months'] as const;

function useMonthLabel() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (month: string) => format.format(new Date(`${month}-15T12:00:00Z`));
}

/** A chart with its table beside it: the same numbers, the table for reading and for assistive technology. */
function ChartWithTable({
  rows,
  xKey,
  series,
  stacked,
  table,
}: {
  rows: Record<string, string | number | null>[];
  xKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  table: ReactNode;
}) {
  return (
    <div className="chart-and-table">
      <Suspense fallback={<PageSpinner />}>
        <BarChartView rows={rows} xKey={xKey} series={series} stacked={stacked} />
      </Suspense>
      {table}
    </div>
  );
}

/** Rapporter: waiting times by band over time, hours granted vs used, ended matches, and the KPR export. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('title'));
  const role = useSession().data?.user?.role;
  const today = osloDay();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <WaitingTimes months={lastMonths(today, MONTHS_OF_WAITING)} />
      <HoursGrantedUsed months={lastMonths(today, MONTHS_OF_HOURS)} />
      <EndedMatches from={lastMonths(today, 12)[0].from} to={today} />
      {role === 'coordinator' || role === 'admin' ? <KprExport year={Number(today.slice(0, 4))} /> : null}
    </div>
  );
}

function WaitingTimes({ months }: { months: MonthRange[] }) {
  const { t } = useTranslation('reports');
  const label = useMonthLabel();
  const queries = useWaitingTimesByMonth(months);
  const pending = queries.some((q) => q.isPending);
  const failed = queries.find((q) => q.isError);
  const rows = months.map((m, i) => {
    const data = queries[i].data;
    return {
      month: label(m.month),
      within15Days: data?.started.within15Days ?? 0,
      from16To30Days: data?.started.from16To30Days ?? 0,
      from31Days: data?.started.from31Days ?? 0,
      stillWaiting: data
        ? data.stillWaiting.within15Days + data.stillWaiting.from16To30Days + data.stillWaiting.from31Days
        : 0,
    };
  });
  return (
    <section className="stack" aria-labelledby="waiting-heading">
      <Heading level={2} data-size="md" id="waiting-heading">
        {t('waiting.title')}
      </Heading>
      <Paragraph>{t('waiting.intro')}</Paragraph>
      <QueryState
        query={{
          isPending: pending,
          isError: Boolean(failed),
          error: failed?.error,
          data: pending ? undefined : rows,
        }}
      >
        {(data) => (
          <ChartWithTable
            rows={data}
            xKey="month"
            stacked
            series={BANDS.map((band, i) => ({ key: band, label: t(`bands.${band}`), color: COLORS[i] }))}
            table={
              <DataTable
                caption={t('waiting.caption')}
                headers={[t('month'), ...BANDS.map((band) => t(`bands.${band}`)), t('waiting.stillWaiting')]}
              >
                {data.map((row) => (
                  <Table.Row key={row.month}>
                    <Table.HeaderCell scope="row">{row.month}</Table.HeaderCell>
                    {BANDS.map((band) => (
                      <Table.Cell key={band}>{formatNumber(row[band])}</Table.Cell>
                    ))}
                    <Table.Cell>{formatNumber(row.stillWaiting)}</Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
            }
          />
        )}
      </QueryState>
    </section>
  );
}

function HoursGrantedUsed({ months }: { months: MonthRange[] }) {
  const { t } = useTranslation('reports');
  const label = useMonthLabel();
  const queries = useHoursByMonth(months);
  const pending = queries.some((q) => q.isPending);
  const failed = queries.find((q) => q.isError);
  const rows = months.map((m, i) => ({
    month: label(m.month),
    granted: queries[i].data?.granted ?? 0,
    used: queries[i].data?.used ?? 0,
  }));
  return (
    <section className="stack" aria-labelledby="hours-heading">
      <Heading level={2} data-size="md" id="hours-heading">
        {t('hours.title')}
      </Heading>
      <Paragraph>{t('hours.intro')}</Paragraph>
      <QueryState
        query={{
          isPending: pending,
          isError: Boolean(failed),
          error: failed?.error,
          data: pending ? undefined : rows,
        }}
      >
        {(data) => (
          <ChartWithTable
            rows={data}
            xKey="month"
            series={[
              { key: 'granted', label: t('hours.granted'), color: COLORS[0] },
              { key: 'used', label: t('hours.used'), color: COLORS[1] },
            ]}
            table={
              <DataTable
                caption={t('hours.caption')}
                headers={[t('month'), t('hours.granted'), t('hours.used'), t('hours.percent')]}
              >
                {data.map((row) => {
                  const percent = percentOf(row.used, row.granted);
                  return (
                    <Table.Row key={row.month}>
                      <Table.HeaderCell scope="row">{row.month}</Table.HeaderCell>
                      <Table.Cell>{formatNumber(row.granted)}</Table.Cell>
                      <Table.Cell>{formatNumber(row.used)}</Table.Cell>
                      <Table.Cell>
                        {percent === null ? t('none') : t('percent', { value: formatNumber(percent) })}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </DataTable>
            }
          />
        )}
      </QueryState>
    </section>
  );
}

function EndedMatches({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('reports');
  const report = useEndedAssignments(from, to);
  return (
    <section className="stack" aria-labelledby="ended-heading">
      <Heading level={2} data-size="md" id="ended-heading">
        {t('ended.title')}
      </Heading>
      <Paragraph>{t('ended.intro', { from: formatDate(from), to: formatDate(to) })}</Paragraph>
      <QueryState query={report}>
        {(data) => {
          const rows = DURATIONS.map((band) => ({ band: t(`durations.${band}`), count: data[band].count }));
          return (
            <ChartWithTable
              rows={rows}
              xKey="band"
              series={[{ key: 'count', label: t('ended.count'), color: COLORS[2] }]}
              table={
                <DataTable
                  caption={t('ended.caption')}
                  headers={[t('ended.band'), t('ended.count'), t('ended.reasons')]}
                >
                  {DURATIONS.map((band) => (
                    <Table.Row key={band}>
                      <Table.HeaderCell scope="row">{t(`durations.${band}`)}</Table.HeaderCell>
                      <Table.Cell>{formatNumber(data[band].count)}</Table.Cell>
                      <Table.Cell>
                        {Object.entries(data[band].reasons)
                          .map(([reason, count]) =>
                            t('ended.reasonCount', {
                              reason: t(`reasons.${reason}`, { ns: 'assignments', defaultValue: reason }),
                              count,
                            }),
                          )
                          .join(', ') || t('none')}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
              }
            />
          );
        }}
      </QueryState>
    </section>
  );
}

function KprExport({ year }: { year: number }) {
  const { t } = useTranslation('reports');
  const years = [year, year - 1, year - 2];
  const [chosen, setChosen] = useState(year - 1);
  return (
    <section className="stack" aria-labelledby="kpr-heading">
      <Heading level={2} data-size="md" id="kpr-heading">
        {t('kpr.title')}
      </Heading>
      <Paragraph>{t('kpr.intro')}</Paragraph>
      <Field>
        <Label htmlFor="kpr-year">{t('kpr.year')}</Label>
        <Select
          id="kpr-year"
          value={String(chosen)}
          onChange={(event) => setChosen(Number(event.target.value))}
        >
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {String(y)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div>
        <Link href={kprUrl(chosen)} download>
          {t('kpr.download', { year: chosen })}
        </Link>
      </div>
    </section>
  );
}
