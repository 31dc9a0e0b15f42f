import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { buildWeekGrid, clock, WEEKDAYS, type WeeklySlot } from './week-grid';

/**
 * Weekly availability as a table a screen reader can walk: weekdays as column headers, hours as row headers,
 * and in each cell whether (and for which part of the hour) the person is free, in words.
 */
export function WeekGrid({ slots, caption }: { slots: readonly WeeklySlot[]; caption: string }) {
  const { t } = useTranslation('contacts');
  const grid = buildWeekGrid(slots);
  if (grid.hours.length === 0) return <Paragraph>{t('week.none')}</Paragraph>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table border className="week-grid">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('week.time')}</Table.HeaderCell>
            {WEEKDAYS.map((day) => (
              <Table.HeaderCell key={day} scope="col">
                <abbr title={t(`week.days.${day}`)}>{t(`week.short.${day}`)}</abbr>
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {grid.hours.map((hour, row) => (
            <Table.Row key={hour}>
              <Table.HeaderCell scope="row">
                {t('week.hour', { from: clock(hour), to: clock(hour + 60) })}
              </Table.HeaderCell>
              {grid.cells[row].map((cell, column) => (
                <Table.Cell key={WEEKDAYS[column]} className={cell ? 'week-grid__free' : undefined}>
                  {cell
                    ? cell.whole
                      ? t('week.free')
                      : t('week.freePart', { from: clock(cell.from), to: clock(cell.to) })
                    : [
                        <span key="dash" aria-hidden="true">
                          –
                        </span>,
                        <span key="text" className="visually-hidden">
                          {t('week.busy')}
                        </span>,
                      ]}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
