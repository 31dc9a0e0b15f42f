import { Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime, formatWeekday } from '../../common/format/format';
import { type Slot, weeksOf } from './week';
import './week-view.css';

/**
 * The suggested times on a week view: a week a row of days, Monday to Sunday, in Oslo time. Each day with times
 * is a group of radios named by its day; all radios share one name, so the arrow keys walk them in time order.
 * At 320 px the days stack.
 */
export function WeekView({
  slots,
  choice,
  onChoose,
}: {
  slots: Slot[];
  choice: string;
  onChoose: (startsAt: string) => void;
}) {
  const { t } = useTranslation('introductions');
  return (
    <>
      {weeksOf(slots).map((week) => (
        <div key={week.days[0].day} className="stack">
          <Heading level={3} data-size="2xs">
            {t('booking.week', {
              week: week.week,
              from: formatDate(week.days[0].day),
              to: formatDate(week.days[6].day),
            })}
          </Heading>
          <ul className="week-view">
            {week.days.map(({ day, slots: daySlots }) => {
              const dayName = t('booking.dayName', { weekday: formatWeekday(day), date: formatDate(day) });
              return (
                <li
                  key={day}
                  className={daySlots.length > 0 ? 'week-view__day' : 'week-view__day week-view__day--empty'}
                >
                  {daySlots.length > 0 ? (
                    <Fieldset>
                      <Fieldset.Legend>{dayName}</Fieldset.Legend>
                      {daySlots.map((slot) => (
                        <Radio
                          key={slot.startsAt}
                          name="startsAt"
                          value={slot.startsAt}
                          checked={choice === slot.startsAt}
                          onChange={() => onChoose(slot.startsAt)}
                          // The day is read before the time, so the time makes sense on its own too.
                          label={
                            <>
                              <span className="ds-sr-only">{dayName} </span>
                              {t('booking.slotTime', {
                                from: formatTime(slot.startsAt),
                                to: formatTime(slot.endsAt),
                              })}
                            </>
                          }
                        />
                      ))}
                    </Fieldset>
                  ) : (
                    <>
                      <Paragraph data-size="sm" className="week-view__name">
                        {dayName}
                      </Paragraph>
                      <Paragraph data-size="sm">{t('booking.dayNone')}</Paragraph>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
