import { Alert, Button, Card, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { Facts } from '../../common/components/Facts';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatDate, formatNumber } from '../../common/format/format';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { useInterestLabels } from '../contacts/queries';
import { MAX_MEMBERS, MIN_MEMBERS } from './group-rules';
import { type Group, useActivateGroup, useCloseGroup, useGroup } from './queries';
import { slotText, STATUS_COLOR } from './slots';

function Actions({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const activate = useActivateGroup(group.id);
  const close = useCloseGroup(group.id);
  const [confirming, setConfirming] = useState(false);
  const failed = activate.error ?? close.error;
  if (group.status === 'closed') return null;
  return (
    <section className="stack" aria-labelledby="group-actions">
      <Heading level={2} data-size="sm" id="group-actions">
        {t('one.actions')}
      </Heading>
      {failed ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, failed)}</Paragraph>
        </Alert>
      ) : null}
      {group.status === 'forming' ? (
        <Paragraph>{t('one.activateHelp', { min: MIN_MEMBERS, max: MAX_MEMBERS })}</Paragraph>
      ) : null}
      <div className="row">
        {group.status === 'forming' ? (
          <Button onClick={() => activate.mutate()} loading={activate.isPending}>
            {t('one.activate')}
          </Button>
        ) : null}
        {confirming ? (
          <>
            <Button data-color="danger" onClick={() => close.mutate()} loading={close.isPending}>
              {t('one.confirmClose')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </Button>
          </>
        ) : (
          <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
            {t('one.close')}
          </Button>
        )}
      </div>
      {confirming ? <Paragraph>{t('one.closeHelp')}</Paragraph> : null}
    </section>
  );
}

/** One activity group: its members and contacts, and activating or closing it. */
export default function GroupPage() {
  const { t } = useTranslation('groups');
  const { id = '' } = useParams();
  const group = useGroup(id);
  const interestLabel = useInterestLabels();
  usePageTitle(group.data?.name ?? t('one.title'));
  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/grupper">{t('one.back')}</RouterLink>
      </Link>
      <QueryState query={group}>
        {(found) => (
          <>
            <Heading level={1} data-size="lg">
              {found.name}
            </Heading>
            <div>
              <Tag data-color={STATUS_COLOR[found.status]}>{t(`status.${found.status}`)}</Tag>
            </div>
            <Card data-color="neutral">
              <Facts
                items={[
                  {
                    term: t('members'),
                    value: t('memberCount', { count: found.memberCount, max: MAX_MEMBERS }),
                  },
                  {
                    term: t('meets'),
                    value: found.meetingTimes.length
                      ? found.meetingTimes.map((slot) => slotText(t, slot)).join(', ')
                      : t('noMeetingTime'),
                  },
                  {
                    term: t('one.interests'),
                    value: found.interests.length
                      ? found.interests.map(interestLabel).join(', ')
                      : t('one.noInterests'),
                  },
                  { term: t('one.postalCode'), value: found.postalCode ?? t('one.noInterests') },
                ]}
              />
            </Card>
            <Actions group={found} />
            <section className="stack" aria-labelledby="members-heading">
              <Heading level={2} data-size="sm" id="members-heading">
                {t('members')}
              </Heading>
              {found.members.length === 0 ? (
                <Paragraph>{t('one.noMembers')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('one.membersCaption')}
                  headers={[t('one.seat'), t('name'), t('one.joined')]}
                >
                  {found.members.map((member) => (
                    <Table.Row key={member.id}>
                      <Table.Cell>{member.seat}</Table.Cell>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to={`/tjenestemottakere/${member.id}`}>{fullName(member)}</RouterLink>
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{formatDate(member.joinedAt)}</Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
              )}
            </section>
            <section className="stack" aria-labelledby="contacts-heading">
              <Heading level={2} data-size="sm" id="contacts-heading">
                {t('contacts')}
              </Heading>
              {found.contacts.length === 0 ? (
                <Paragraph>{t('noContact')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('one.contactsCaption')}
                  headers={[t('name'), t('one.startsOn'), t('one.hours')]}
                >
                  {found.contacts.map((contact) => (
                    <Table.Row key={contact.id}>
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
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}
