import { Checkbox, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../common/layout/PageSpinner';

export interface Person {
  id: string;
  name: string;
  detail: string;
}

/** The typed text, once typing has paused (so a search is not sent for every key). */
export function useDebounced(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * Pick people by checkbox from a searchable list; the chosen stay on top (and chosen) whatever the search.
 * The fieldset carries the field's id, so an ErrorSummary link lands on it.
 */
export function PeoplePicker({
  id,
  legend,
  description,
  searchLabel,
  search,
  onSearch,
  candidates,
  loading,
  chosen,
  onToggle,
  error,
}: {
  id: string;
  legend: string;
  description: string;
  searchLabel: string;
  search: string;
  onSearch: (value: string) => void;
  candidates: Person[];
  loading: boolean;
  chosen: Person[];
  onToggle: (person: Person, checked: boolean) => void;
  error?: string;
}) {
  const { t } = useTranslation('groups');
  const chosenIds = new Set(chosen.map((person) => person.id));
  const others = candidates.filter((person) => !chosenIds.has(person.id));
  return (
    <Fieldset id={id} tabIndex={-1} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{description}</Fieldset.Description>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      <Paragraph data-size="sm" aria-live="polite">
        {t('form.chosenCount', { count: chosen.length })}
      </Paragraph>
      {chosen.map((person) => (
        <Checkbox
          key={person.id}
          label={person.name}
          description={person.detail}
          value={person.id}
          checked
          onChange={() => onToggle(person, false)}
        />
      ))}
      <Textfield
        label={searchLabel}
        type="search"
        value={search}
        maxLength={100}
        onChange={(event) => onSearch(event.target.value)}
      />
      {loading ? <PageSpinner /> : null}
      {!loading && others.length === 0 ? <Paragraph>{t('form.noCandidates')}</Paragraph> : null}
      {others.map((person) => (
        <Checkbox
          key={person.id}
          label={person.name}
          description={person.detail}
          value={person.id}
          checked={false}
          onChange={() => onToggle(person, true)}
        />
      ))}
    </Fieldset>
  );
}
