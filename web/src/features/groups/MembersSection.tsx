import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { errorText } from '../../common/errors/errors';
import { formatDate } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { ConfirmDialog } from './ConfirmDialog';
import { MAX_MEMBERS, MIN_MEMBERS } from './group-rules';
import { type Person, useDebounced } from './PeoplePicker';
import { PersonSuggestion } from './PersonSuggestion';
import { type Group, useAddGroupMember, useGroupCandidates, useRemoveGroupMember } from './queries';

type Member = Group['members'][number];

/** What the last change did, said once in words (a status message, or the API's refusal). */
type Outcome =
  | { kind: 'added'; name: string; seat: number }
  | { kind: 'removed'; name: string; back: boolean; count: number }
  | null;

function AddMember({ group, onAdded }: { group: Group; onAdded: (name: string, seat: number) => void }) {
  const { t } = useTranslation('groups');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const users = useGroupCandidates(useDebounced(search.trim()));
  const add = useAddGroupMember(group.id);
  const inGroup = new Set(group.members.map((member) => member.id));
  const candidates = (users.data?.items ?? [])
    .filter((user) => !inGroup.has(user.id))
    .map((user) => ({
      id: user.id,
      name: fullName(user),
      detail: t('form.userDetail', { age: user.age, area: user.postalCode ?? t('form.noArea') }),
    }));
  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="add-member-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        add.mutate(chosen.id, {
          onSuccess: (saved) => {
            const seat = saved.members.find((member) => member.id === chosen.id)?.seat ?? 0;
            onAdded(chosen.name, seat);
            setChosen(null);
            add.reset();
          },
        });
      }}
    >
      <Heading level={3} data-size="xs" id="add-member-heading">
        {t('edit.addMember')}
      </Heading>
      {group.openSeats === 0 ? <Paragraph>{t('edit.full', { max: MAX_MEMBERS })}</Paragraph> : null}
      <PersonSuggestion
        id="add-member"
        label={t('edit.memberLabel')}
        description={t('edit.memberHelp')}
        candidates={candidates}
        chosen={chosen}
        onSearch={setSearch}
        onChoose={(person) => {
          setChosen(person);
          add.reset();
        }}
        error={
          add.error && chosen
            ? t('form.problems.about', { who: chosen.name, text: errorText(t, add.error) })
            : add.error
              ? errorText(t, add.error)
              : undefined
        }
      />
      <div>
        <Button type="submit" loading={add.isPending} disabled={!chosen}>
          {t('edit.addMemberSubmit')}
        </Button>
      </div>
    </form>
  );
}

function RemoveDialog({
  group,
  member,
  onClose,
  onRemoved,
}: {
  group: Group;
  member: Member;
  onClose: () => void;
  onRemoved: (back: boolean, count: number) => void;
}) {
  const { t } = useTranslation('groups');
  const remove = useRemoveGroupMember(group.id);
  const name = fullName(member);
  const willFallBack = group.status === 'active' && group.memberCount - 1 < MIN_MEMBERS;
  return (
    <ConfirmDialog
      id="remove-heading"
      title={t('edit.removeTitle', { name, group: group.name })}
      confirmLabel={t('edit.removeConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(member.id, {
          onSuccess: (answer) => onRemoved(answer.statusChange !== null, answer.group.memberCount),
        })
      }
      onClose={onClose}
    >
      <Paragraph>{t('edit.removeText')}</Paragraph>
      {willFallBack ? <Paragraph>{t('edit.removeFallsBack', { min: MIN_MEMBERS })}</Paragraph> : null}
    </ConfirmDialog>
  );
}

/** The members by seat; a coordinator adds one among those waiting with a group vedtak, or takes one out. */
export function MembersSection({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const [removing, setRemoving] = useState<Member | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const open = group.status !== 'closed';
  return (
    <section className="stack" aria-labelledby="members-heading">
      <Heading level={2} data-size="sm" id="members-heading">
        {t('members')}
      </Heading>
      <div aria-live="polite" className="stack">
        {outcome?.kind === 'added' ? (
          <Alert data-color="success">
            <Paragraph>{t('edit.added', { name: outcome.name, seat: outcome.seat })}</Paragraph>
          </Alert>
        ) : null}
        {outcome?.kind === 'removed' ? (
          <Alert data-color={outcome.back ? 'warning' : 'success'}>
            <Paragraph>{t('edit.removed', { name: outcome.name })}</Paragraph>
            {outcome.back ? (
              <Paragraph>{t('edit.backToForming', { count: outcome.count, min: MIN_MEMBERS })}</Paragraph>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {group.members.length === 0 ? (
        <Paragraph>{t('one.noMembers')}</Paragraph>
      ) : (
        <DataTable
          caption={t('one.membersCaption')}
          headers={[t('one.seat'), t('name'), t('one.joined'), ...(open ? [t('edit.actions')] : [])]}
        >
          {group.members.map((member) => (
            <Table.Row key={member.id}>
              <Table.Cell>{member.seat}</Table.Cell>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/tjenestemottakere/${member.id}`}>{fullName(member)}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{formatDate(member.joinedAt)}</Table.Cell>
              {open ? (
                <Table.Cell>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('edit.removeNamed', { name: fullName(member) })}
                    onClick={() => setRemoving(member)}
                  >
                    {t('edit.remove')}
                  </Button>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </DataTable>
      )}
      {open ? (
        <AddMember group={group} onAdded={(name, seat) => setOutcome({ kind: 'added', name, seat })} />
      ) : null}
      {removing ? (
        <RemoveDialog
          group={group}
          member={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(back, count) => {
            setOutcome({ kind: 'removed', name: fullName(removing), back, count });
            setRemoving(null);
          }}
        />
      ) : null}
    </section>
  );
}
