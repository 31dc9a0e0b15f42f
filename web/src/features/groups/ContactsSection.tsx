import { Alert, Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { errorText } from '../../common/errors/errors';
import { formatDate, formatNumber, osloDay } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { freeContactSeat } from './group-edit';
import { MAX_CONTACTS, parseHours } from './group-rules';
import { type Person, useDebounced } from './PeoplePicker';
import { PersonSuggestion } from './PersonSuggestion';
import { type Group, useAddGroupContact, useContactCandidates } from './queries';

function AddContact({ group, onAdded }: { group: Group; onAdded: (name: string) => void }) {
  const { t } = useTranslation('groups');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const [startsOn, setStartsOn] = useState(osloDay());
  const [weeklyHours, setWeeklyHours] = useState('2');
  const [tried, setTried] = useState(false);
  const roster = useContactCandidates(useDebounced(search.trim()));
  const add = useAddGroupContact(group.id);
  const inGroup = new Set(group.contacts.map((contact) => contact.id));
  const candidates = (roster.data?.items ?? [])
    .filter((contact) => !inGroup.has(contact.id) && contact.load.users < contact.maxUsers)
    .map((contact) => ({
      id: contact.id,
      name: fullName(contact),
      detail: t('form.contactDetail', {
        users: contact.load.users,
        maxUsers: contact.maxUsers,
        area: contact.postalCode ?? t('form.noArea'),
      }),
    }));
  const hours = parseHours(weeklyHours);
  const hoursProblem = tried && !(hours > 0 && hours <= 80) ? t('form.problems.hoursInvalid') : undefined;
  const whoProblem = tried && !chosen ? t('edit.chooseContact') : undefined;
  const refusal = add.error
    ? chosen
      ? t('form.problems.about', { who: chosen.name, text: errorText(t, add.error) })
      : errorText(t, add.error)
    : undefined;
  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="add-contact-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!chosen || !(hours > 0 && hours <= 80)) return;
        // mutateAsync: the form unmounts once both seats are taken, and the page still says who was added.
        add
          .mutateAsync({ contactId: chosen.id, startsOn, weeklyHours: hours })
          .then(() => {
            onAdded(chosen.name);
            setChosen(null);
            setTried(false);
            add.reset();
          })
          .catch(() => undefined);
      }}
    >
      <Heading level={3} data-size="xs" id="add-contact-heading">
        {t('edit.addContact', { seat: freeContactSeat(group.contacts) })}
      </Heading>
      <PersonSuggestion
        id="add-contact"
        label={t('edit.contactLabel')}
        description={t('form.contactsHelp')}
        candidates={candidates}
        chosen={chosen}
        onSearch={setSearch}
        onChoose={(person) => {
          setChosen(person);
          add.reset();
        }}
        error={whoProblem ?? refusal}
      />
      <div className="row">
        <Textfield
          id="add-contact-starts-on"
          label={t('form.startsOn')}
          type="date"
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
        />
        <Textfield
          id="add-contact-hours"
          label={t('form.weeklyHours')}
          description={t('form.weeklyHoursHelp')}
          inputMode="decimal"
          value={weeklyHours}
          error={hoursProblem}
          onChange={(event) => setWeeklyHours(event.target.value)}
        />
      </div>
      <div>
        <Button type="submit" loading={add.isPending}>
          {t('edit.addContactSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** The contacts in their seats (1–2); a free seat is given to an eligible contact with room for one more. */
export function ContactsSection({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const [added, setAdded] = useState<string | null>(null);
  const seatFree = group.status !== 'closed' && freeContactSeat(group.contacts) !== null;
  return (
    <section className="stack" aria-labelledby="contacts-heading">
      <Heading level={2} data-size="sm" id="contacts-heading">
        {t('contacts')}
      </Heading>
      <div aria-live="polite">
        {added ? (
          <Alert data-color="success">
            <Paragraph>{t('edit.contactAdded', { name: added })}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {group.contacts.length === 0 ? (
        <Paragraph>{t('noContact')}</Paragraph>
      ) : (
        <DataTable
          caption={t('one.contactsCaption')}
          headers={[t('one.seat'), t('name'), t('one.startsOn'), t('one.hours')]}
        >
          {group.contacts.map((contact) => (
            <Table.Row key={contact.id}>
              <Table.Cell>{contact.seat}</Table.Cell>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/stottekontakter/${contact.id}`}>{fullName(contact)}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{formatDate(contact.startsOn)}</Table.Cell>
              <Table.Cell>{formatNumber(contact.weeklyHours)}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {seatFree ? (
        <AddContact group={group} onAdded={setAdded} />
      ) : group.status !== 'closed' ? (
        <Paragraph>{t('edit.contactsFull', { max: MAX_CONTACTS })}</Paragraph>
      ) : null}
    </section>
  );
}
