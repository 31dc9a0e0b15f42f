import { Button, ErrorSummary, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { errorText } from '../../common/errors/errors';
import { osloDay } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { checkGroupDraft, MAX_CONTACTS, MAX_MEMBERS, MIN_MEMBERS, parseHours } from './group-rules';
import { type Person, PeoplePicker, useDebounced } from './PeoplePicker';
import {
  type GroupField,
  GroupStepError,
  useContactCandidates,
  useFormGroup,
  useGroupCandidates,
} from './queries';

const FIELD_IDS: Record<GroupField, string> = {
  name: 'group-name',
  members: 'group-members',
  contacts: 'group-contacts',
  startsOn: 'group-starts-on',
  weeklyHours: 'group-weekly-hours',
};

/** Form an activity group: a name, 3–6 members with a group vedtak, and 1–2 eligible contacts. */
export default function NewGroupPage() {
  const { t } = useTranslation('groups');
  usePageTitle(t('form.title'));
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<Person[]>([]);
  const [contacts, setContacts] = useState<Person[]>([]);
  const [startsOn, setStartsOn] = useState(osloDay());
  const [weeklyHours, setWeeklyHours] = useState('2');
  const [userSearch, setUserSearch] = useState('');
  const [contactSearch, setContactSearch] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const formGroup = useFormGroup();
  const users = useGroupCandidates(useDebounced(userSearch.trim()));
  const roster = useContactCandidates(useDebounced(contactSearch.trim()));

  const problems = submitted
    ? checkGroupDraft({
        name,
        memberIds: members.map((m) => m.id),
        contactIds: contacts.map((c) => c.id),
        startsOn,
        weeklyHours,
      })
    : [];
  const apiError = formGroup.error instanceof GroupStepError ? formGroup.error : null;
  const messages: { field: GroupField; text: string }[] = [
    ...problems.map((problem) => ({
      field: problem.field,
      text: t(`form.problems.${problem.key}`, { min: MIN_MEMBERS, max: MAX_MEMBERS, contacts: MAX_CONTACTS }),
    })),
    ...(apiError && problems.length === 0
      ? [
          {
            field: apiError.field,
            text: apiError.who
              ? t('form.problems.about', { who: apiError.who, text: errorText(t, apiError.cause) })
              : errorText(t, apiError.cause),
          },
        ]
      : []),
  ];
  const messageFor = (field: GroupField) =>
    messages
      .filter((message) => message.field === field)
      .map((message) => message.text)
      .join(' ') || undefined;

  const toggle = (set: typeof setMembers) => (person: Person, checked: boolean) =>
    set((list) => (checked ? [...list, person] : list.filter((p) => p.id !== person.id)));

  function submit() {
    setSubmitted(true);
    const found = checkGroupDraft({
      name,
      memberIds: members.map((m) => m.id),
      contactIds: contacts.map((c) => c.id),
      startsOn,
      weeklyHours,
    });
    if (found.length > 0) {
      document.getElementById('group-errors')?.focus();
      return;
    }
    formGroup.mutate(
      { name: name.trim(), members, contacts, startsOn, weeklyHours: parseHours(weeklyHours) },
      {
        onSuccess: (id) => void navigate('/grupper', { state: { created: { id, name: name.trim() } } }),
        onError: () => setTimeout(() => document.getElementById('group-errors')?.focus()),
      },
    );
  }

  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/grupper">{t('one.back')}</RouterLink>
      </Link>
      <Heading level={1} data-size="lg">
        {t('form.title')}
      </Heading>
      <Paragraph>{t('form.intro', { min: MIN_MEMBERS, max: MAX_MEMBERS })}</Paragraph>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {messages.length > 0 ? (
          <ErrorSummary id="group-errors" tabIndex={-1}>
            <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {messages.map((message) => (
                <ErrorSummary.Item key={`${message.field}-${message.text}`}>
                  <ErrorSummary.Link href={`#${FIELD_IDS[message.field]}`}>{message.text}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
        {apiError?.groupId ? <Paragraph>{t('form.partlySaved')}</Paragraph> : null}
        <Textfield
          id={FIELD_IDS.name}
          label={t('form.name')}
          value={name}
          maxLength={100}
          error={messageFor('name')}
          onChange={(event) => setName(event.target.value)}
        />
        <PeoplePicker
          id={FIELD_IDS.members}
          legend={t('form.members', { min: MIN_MEMBERS, max: MAX_MEMBERS })}
          description={t('form.membersHelp')}
          searchLabel={t('form.searchUsers')}
          search={userSearch}
          onSearch={setUserSearch}
          loading={users.isPending}
          candidates={(users.data?.items ?? []).map((user) => ({
            id: user.id,
            name: fullName(user),
            detail: t('form.userDetail', {
              age: user.age,
              area: user.postalCode ?? t('form.noArea'),
            }),
          }))}
          chosen={members}
          onToggle={toggle(setMembers)}
          error={messageFor('members')}
        />
        <PeoplePicker
          id={FIELD_IDS.contacts}
          legend={t('form.contacts', { max: MAX_CONTACTS })}
          description={t('form.contactsHelp')}
          searchLabel={t('form.searchContacts')}
          search={contactSearch}
          onSearch={setContactSearch}
          loading={roster.isPending}
          candidates={(roster.data?.items ?? [])
            .filter((contact) => contact.load.users < contact.maxUsers)
            .map((contact) => ({
              id: contact.id,
              name: fullName(contact),
              detail: t('form.contactDetail', {
                users: contact.load.users,
                maxUsers: contact.maxUsers,
                area: contact.postalCode ?? t('form.noArea'),
              }),
            }))}
          chosen={contacts}
          onToggle={toggle(setContacts)}
          error={messageFor('contacts')}
        />
        <div className="row">
          <Textfield
            id={FIELD_IDS.startsOn}
            label={t('form.startsOn')}
            type="date"
            value={startsOn}
            error={messageFor('startsOn')}
            onChange={(event) => setStartsOn(event.target.value)}
          />
          <Textfield
            id={FIELD_IDS.weeklyHours}
            label={t('form.weeklyHours')}
            description={t('form.weeklyHoursHelp')}
            inputMode="decimal"
            value={weeklyHours}
            error={messageFor('weeklyHours')}
            onChange={(event) => setWeeklyHours(event.target.value)}
          />
        </div>
        <div className="row">
          <Button type="submit" loading={formGroup.isPending}>
            {t('form.submit')}
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to="/grupper">{t('form.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </div>
  );
}
