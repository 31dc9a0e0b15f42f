import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../common/errors/errors';
import { useInterestLabels, useInterests } from '../contacts/queries';
import {
  conflictOf,
  type DetailField,
  type DetailsDraft,
  detailsChange,
  detailsProblems,
  draftOf,
  rebaseDraft,
} from './group-edit';
import { type Group, useReloadGroup, useUpdateGroup } from './queries';

const FIELD_IDS: Record<DetailField, string> = {
  name: 'edit-name',
  interests: 'edit-interests',
  postalCode: 'edit-postal-code',
};

/** What another coordinator saved while this one edited: the page's explanation after a 412. */
interface Conflict {
  theirs: DetailField[];
  both: DetailField[];
  fresh: DetailsDraft;
}

function EditForm({ group, onDone }: { group: Group; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('groups');
  const interests = useInterests();
  const interestLabel = useInterestLabels();
  const update = useUpdateGroup(group.id);
  const reload = useReloadGroup(group.id);
  // The version the form was opened at; If-Match sends it, and a 412 moves it to the fresh one.
  const [base, setBase] = useState({ draft: draftOf(group), version: group.version });
  const [draft, setDraft] = useState<DetailsDraft>(() => draftOf(group));
  const [tried, setTried] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const problems = tried ? detailsProblems(draft) : [];
  const problemFor = (field: DetailField) =>
    problems
      .filter((problem) => problem.field === field)
      .map((problem) => t(`edit.problems.${problem.key}`))
      .join(' ') || undefined;
  const fieldLabel = (field: DetailField) => t(`edit.fields.${field}`);
  const valueText = (values: DetailsDraft, field: DetailField) =>
    field === 'interests'
      ? values.interests.map(interestLabel).join(', ') || t('one.noInterests')
      : values[field] || t('one.noInterests');
  const refused = update.error && !(update.error instanceof ApiError && update.error.status === 412);

  function save() {
    setTried(true);
    if (detailsProblems(draft).length > 0) {
      setTimeout(() => document.getElementById('edit-errors')?.focus());
      return;
    }
    const change = detailsChange(base.draft, draft);
    if (Object.keys(change).length === 0) {
      onDone(false);
      return;
    }
    update.mutate(
      { details: change, version: base.version },
      {
        onSuccess: () => onDone(true),
        onError: async (error) => {
          if (!(error instanceof ApiError && error.status === 412)) return;
          // Someone saved in between: load their version, keep what this coordinator typed, and say what differs.
          const fresh = await reload();
          const freshDraft = draftOf(fresh);
          const found = conflictOf(base.draft, freshDraft, draft);
          setConflict({ theirs: found.theirs, both: found.both, fresh: freshDraft });
          setDraft(rebaseDraft(base.draft, freshDraft, draft));
          setBase({ draft: freshDraft, version: fresh.version });
          setTimeout(() => document.getElementById('edit-conflict')?.focus());
        },
      },
    );
  }

  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="edit-heading"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {problems.length > 0 ? (
        <ErrorSummary id="edit-errors" tabIndex={-1}>
          <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {problems.map((problem) => (
              <ErrorSummary.Item key={problem.key}>
                <ErrorSummary.Link href={`#${FIELD_IDS[problem.field]}`}>
                  {t(`edit.problems.${problem.key}`)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      {conflict ? (
        <Alert data-color="warning" id="edit-conflict" tabIndex={-1}>
          <Heading level={3} data-size="xs">
            {t('edit.conflictTitle')}
          </Heading>
          <Paragraph>
            {conflict.theirs.length
              ? t('edit.conflictTheirs', { fields: conflict.theirs.map(fieldLabel).join(', ') })
              : t('edit.conflictNothing')}
          </Paragraph>
          {conflict.theirs.length ? (
            <ul>
              {conflict.theirs.map((field) => (
                <li key={field}>
                  {t('edit.conflictNow', {
                    field: fieldLabel(field),
                    value: valueText(conflict.fresh, field),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          <Paragraph>
            {conflict.both.length
              ? t('edit.conflictBoth', { fields: conflict.both.map(fieldLabel).join(', ') })
              : t('edit.conflictKept')}
          </Paragraph>
        </Alert>
      ) : null}
      {refused ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, update.error)}</Paragraph>
        </Alert>
      ) : null}
      <Textfield
        id={FIELD_IDS.name}
        label={t('form.name')}
        value={draft.name}
        maxLength={100}
        error={problemFor('name')}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
      />
      <Fieldset id={FIELD_IDS.interests}>
        <Fieldset.Legend>{t('one.interests')}</Fieldset.Legend>
        <Fieldset.Description>{t('edit.interestsHelp')}</Fieldset.Description>
        {(interests.data ?? []).map((interest) => (
          <Checkbox
            key={interest.code}
            label={interest.label}
            value={interest.code}
            checked={draft.interests.includes(interest.code)}
            onChange={(event) =>
              setDraft({
                ...draft,
                interests: event.target.checked
                  ? [...draft.interests, interest.code]
                  : draft.interests.filter((code) => code !== interest.code),
              })
            }
          />
        ))}
      </Fieldset>
      <Textfield
        id={FIELD_IDS.postalCode}
        label={t('one.postalCode')}
        description={t('edit.postalCodeHelp')}
        inputMode="numeric"
        maxLength={4}
        value={draft.postalCode}
        error={problemFor('postalCode')}
        onChange={(event) => setDraft({ ...draft, postalCode: event.target.value })}
      />
      <div className="row">
        <Button type="submit" loading={update.isPending}>
          {t('edit.save')}
        </Button>
        <Button variant="secondary" type="button" onClick={() => onDone(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Name, interests and meeting area, edited in place and saved with If-Match so no one's change is lost. */
export function DetailsSection({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (group.status === 'closed') return null;
  return (
    <section className="stack" aria-labelledby="edit-heading">
      <Heading level={2} data-size="sm" id="edit-heading">
        {t('edit.detailsTitle')}
      </Heading>
      <div aria-live="polite">
        {saved && !editing ? (
          <Alert data-color="success">
            <Paragraph>{t('edit.saved')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {editing ? (
        <EditForm
          group={group}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
            setTimeout(() => document.getElementById('edit-open')?.focus());
          }}
        />
      ) : (
        <div>
          <Button
            id="edit-open"
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
              setTimeout(() => document.getElementById(FIELD_IDS.name)?.focus());
            }}
          >
            {t('edit.open')}
          </Button>
        </div>
      )}
    </section>
  );
}
