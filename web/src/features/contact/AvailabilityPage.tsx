import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { type Schemas } from '../../api/client';
import { AbsencesSection } from './AbsencesSection';
import { useMyProfile, useSaveAvailability } from './queries';
import { BLOCKS, type Cell, cellsOf, slotsOf, WEEKDAYS } from './week-grid';
import './contact.css';

/** Tilgjengelighet: the week as seven days of three parts, each a large checkbox to tap. */
export default function AvailabilityPage() {
  const { t } = useTranslation('contact');
  usePageTitle(t('availability.title'));
  const profile = useMyProfile();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('availability.title')}
      </Heading>
      <Paragraph>{t('availability.intro')}</Paragraph>
      <QueryState query={profile}>{(contact) => <WeekGrid contact={contact} />}</QueryState>
      <AbsencesSection />
    </div>
  );
}

function WeekGrid({ contact }: { contact: Schemas['ContactResponse'] }) {
  const { t } = useTranslation('contact');
  const save = useSaveAvailability();
  const [cells, setCells] = useState<Set<Cell>>(() => cellsOf(contact.availability));
  const toggle = (cell: Cell) => {
    save.reset();
    setCells((current) => {
      const next = new Set(current);
      if (next.has(cell)) next.delete(cell);
      else next.add(cell);
      return next;
    });
  };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          availability: slotsOf(cells),
          drivesOwnCar: contact.drivesOwnCar,
          version: contact.version,
        });
      }}
    >
      <div className="week-grid">
        {WEEKDAYS.map((day) => (
          <Fieldset key={day} className="week-grid__day">
            <Fieldset.Legend>{t(`weekday.${day}`)}</Fieldset.Legend>
            {BLOCKS.map((block) => {
              const cell: Cell = `${day}:${block.key}`;
              return (
                <Checkbox
                  key={cell}
                  className="week-grid__cell"
                  checked={cells.has(cell)}
                  onChange={() => toggle(cell)}
                  label={t(`block.${block.key}`, { start: block.start, end: block.end })}
                />
              );
            })}
          </Fieldset>
        ))}
      </div>
      {save.isError ? <Alert data-color="danger">{errorText(t, save.error)}</Alert> : null}
      {save.isSuccess ? (
        <Alert data-color="success" role="status">
          {t('availability.saved')}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" loading={save.isPending}>
          {t('availability.save')}
        </Button>
      </div>
    </form>
  );
}
