import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { DataTable } from '../../common/components/DataTable';
import { Pager } from '../../common/components/Pager';
import { QueryState } from '../../common/components/QueryState';
import { fullName } from '../../common/format/names';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { MAX_MEMBERS } from './group-rules';
import { GroupProposalsSection } from './GroupProposalsSection';
import { GROUPS_PAGE_SIZE, type GroupStatus, useGroups } from './queries';
import { slotText, STATUS_COLOR } from './slots';

const STATUSES: GroupStatus[] = ['forming', 'active', 'closed'];

/** Aktivitetsgrupper: the groups, forming a new one, and the run's group proposals to accept or decline. */
export default function GroupsPage() {
  const { t } = useTranslation('groups');
  usePageTitle(t('title'));
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<GroupStatus | ''>('');
  const groups = useGroups(page, status);
  const created = (useLocation().state as { created?: { id: string; name: string } } | null)?.created;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {created ? (
        <Alert data-color="success">
          <Paragraph>{t('created', { name: created.name })}</Paragraph>
          <Link asChild>
            <RouterLink to={`/grupper/${created.id}`}>{t('openCreated', { name: created.name })}</RouterLink>
          </Link>
        </Alert>
      ) : null}
      <div>
        <Button asChild>
          <RouterLink to="/grupper/ny">{t('new')}</RouterLink>
        </Button>
      </div>
      <section className="stack" aria-labelledby="groups-heading">
        <Heading level={2} data-size="md" id="groups-heading">
          {t('listTitle')}
        </Heading>
        <Field>
          <Label htmlFor="group-status">{t('statusFilter')}</Label>
          <Select
            id="group-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as GroupStatus | '');
              setPage(1);
            }}
          >
            <Select.Option value="">{t('allStatuses')}</Select.Option>
            {STATUSES.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`status.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <QueryState query={groups}>
          {(list) =>
            list.items.length === 0 ? (
              <Paragraph>{t('none')}</Paragraph>
            ) : (
              <>
                <DataTable
                  caption={t('caption')}
                  headers={[t('name'), t('statusHeader'), t('members'), t('contacts'), t('meets')]}
                >
                  {list.items.map((group) => (
                    <Table.Row key={group.id}>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to={`/grupper/${group.id}`}>{group.name}</RouterLink>
                        </Link>
                      </Table.Cell>
                      <Table.Cell>
                        <Tag data-color={STATUS_COLOR[group.status]}>{t(`status.${group.status}`)}</Tag>
                      </Table.Cell>
                      <Table.Cell>
                        {t('memberCount', { count: group.memberCount, max: MAX_MEMBERS })}
                      </Table.Cell>
                      <Table.Cell>
                        {group.contacts.length
                          ? group.contacts.map((contact) => fullName(contact)).join(', ')
                          : t('noContact')}
                      </Table.Cell>
                      <Table.Cell>
                        {group.meetingTimes.length
                          ? group.meetingTimes.map((slot) => slotText(t, slot)).join(', ')
                          : t('noMeetingTime')}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
                <Pager
                  page={page}
                  pageSize={GROUPS_PAGE_SIZE}
                  total={list.total}
                  onChange={setPage}
                  label={t('pages')}
                />
              </>
            )
          }
        </QueryState>
      </section>
      <GroupProposalsSection />
    </div>
  );
}
