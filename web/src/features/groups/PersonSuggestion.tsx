import {
  EXPERIMENTAL_Suggestion as Suggestion,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Person } from './PeoplePicker';

/**
 * Choose one person from a list the API searched (so the component does not filter it again): a Designsystemet
 * Suggestion (combobox), each option with its detail, picked by mouse or by arrow keys and Enter.
 */
export function PersonSuggestion({
  id,
  label,
  description,
  candidates,
  chosen,
  onSearch,
  onChoose,
  error,
}: {
  id: string;
  label: string;
  description: string;
  candidates: Person[];
  chosen: Person | null;
  onSearch: (text: string) => void;
  onChoose: (person: Person | null) => void;
  error?: string;
}) {
  const { t } = useTranslation('groups');
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Field.Description>{description}</Field.Description>
      <Suggestion
        filter={false}
        selected={chosen ? { label: chosen.name, value: chosen.id } : null}
        onSelectedChange={(item) =>
          onChoose(item ? (candidates.find((person) => person.id === item.value) ?? null) : null)
        }
        data-sr-singular={t('edit.suggestionOne')}
        data-sr-plural={t('edit.suggestionMany')}
      >
        <Suggestion.Input id={id} onInput={(event) => onSearch(event.currentTarget.value)} />
        <Suggestion.Clear aria-label={t('edit.clear')} />
        <Suggestion.List>
          <Suggestion.Empty>{t('form.noCandidates')}</Suggestion.Empty>
          {candidates.map((person) => (
            <Suggestion.Option key={person.id} value={person.id} label={person.name}>
              {person.name}
              <div>{person.detail}</div>
            </Suggestion.Option>
          ))}
        </Suggestion.List>
      </Suggestion>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
