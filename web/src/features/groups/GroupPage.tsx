import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Facts } from '../../common/components/Facts';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { useInterestLabels } from '../contacts/queries';
import { ConfirmDialog } from './ConfirmDialog';
import { ContactsSection } from './ContactsSection';
import { DetailsSection } from './DetailsSection';
import { activationGaps } from './group-edit';
import { MAX_CONTACTS, MAX_MEMBERS, MIN_MEMBERS } from './group-rules';
import { MembersSection } from './MembersSection';
import { type Group, useActivateGroup, useCloseGroup, useGroup } from './queries';
import { slotText, STATUS_COLOR } from './slots';

function CloseDialog({
  group,
  onClose,
  onClosed,
}: {
  group: Group;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation('groups');
  const close = useCloseGroup(group.id);
  return (
    <ConfirmDialog
      id="close-heading"
      title={t('edit.closeTitle', { name: group.name })}
      confirmLabel={t('one.confirmClose')}
      pending={close.isPending}
      error={close.error}
      onConfirm={() => close.mutate(undefined, { onSuccess: onClosed })}
      onClose={onClose}
    >
      <Paragraph>{t('one.closeHelp')}</Paragraph>
    </ConfirmDialog>
  );
}

function Actions({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const activate = useActivateGroup(group.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'activated' | 'closed' | null>(null);
  const gaps = group.status === 'forming' ? activationGaps(group) : [];
  return (
    <section className="stack" aria-labelledby="group-actions">
      <Heading level={2} data-size="sm" id="group-actions">
        {t('one.actions')}
      </Heading>
      <div aria-live="polite">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{t(`edit.${done}`)}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {activate.error ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, activate.error)}</Paragraph>
        </Alert>
      ) : null}
      {group.status === 'closed' ? <Paragraph>{t('edit.isClosed')}</Paragraph> : null}
      {group.status === 'forming' ? (
        <Paragraph>{t('one.activateHelp', { min: MIN_MEMBERS, max: MAX_MEMBERS })}</Paragraph>
      ) : null}
      {gaps.length ? (
        <ul>
          {gaps.map((gap) => (
            <li key={gap}>
              {t(`form.problems.${gap}`, { min: MIN_MEMBERS, max: MAX_MEMBERS, contacts: MAX_CONTACTS })}
            </li>
          ))}
        </ul>
      ) : null}
      {group.status !== 'closed' ? (
        <div className="row">
          {group.status === 'forming' ? (
            <Button
              onClick={() => activate.mutate(undefined, { onSuccess: () => setDone('activated') })}
              loading={activate.isPending}
            >
              {t('one.activate')}
            </Button>
          ) : null}
          <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
            {t('one.close')}
          </Button>
        </div>
      ) : null}
      {confirming ? (
        <CloseDialog
          group={group}
          onClose={() => setConfirming(false)}
          onClosed={() => {
            setConfirming(false);
            setDone('closed');
          }}
        />
      ) : null}
    </section>
  );
}

/** One activity group: its details, members and contacts, each edited in place, and starting or closing it. */
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
            <DetailsSection group={found} />
            <MembersSection group={found} />
            <ContactsSection group={found} />
          </>
        )}
      </QueryState>
    </div>
  );
}
