import { Button, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatKroner } from '../../common/format/format';
import type { ExpenseCategory } from './queries';

/** One expense line as typed in: kroner as text (a decimal comma is fine), units for a per-unit category. */
export interface ExpenseDraft {
  key: string;
  categoryId: string;
  amount: string;
  quantity: string;
}

export const newExpenseDraft = (categoryId: string): ExpenseDraft => ({
  key: Math.random().toString(36).slice(2),
  categoryId,
  amount: '',
  quantity: '1',
});

/** The category's rule in words: what the municipality covers. */
export function ruleText(t: TFunction, category: ExpenseCategory): string {
  if (category.rule === 'per_unit')
    return t('contact:expenses.rule.per_unit', {
      amount: formatKroner((category.rateOre ?? 0) / 100),
      unit: category.unit,
    });
  if (category.rule === 'monthly_cap')
    return t('contact:expenses.rule.monthly_cap', {
      amount: formatKroner((category.monthlyCapOre ?? 0) / 100),
    });
  return t('contact:expenses.rule.not_covered');
}

/** Utlegg: lines in the municipality's categories, each with what its rule covers said beside it. */
export function ExpenseLines(props: {
  categories: ExpenseCategory[];
  lines: ExpenseDraft[];
  onChange: (lines: ExpenseDraft[]) => void;
  errors: Map<string, string>;
}) {
  const { t } = useTranslation('contact');
  const { categories, lines, onChange } = props;
  if (categories.length === 0) return null;
  const update = (key: string, change: Partial<ExpenseDraft>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  return (
    <Fieldset id="session-expenses">
      <Fieldset.Legend>{t('expenses.legend')}</Fieldset.Legend>
      <Fieldset.Description>{t('expenses.help')}</Fieldset.Description>
      {lines.map((line, index) => {
        const category = categories.find((c) => c.id === line.categoryId) ?? categories[0];
        return (
          <div key={line.key} className="stack">
            <Field>
              <Label htmlFor={`expense-${index}-category`}>
                {t('expenses.category', { number: index + 1 })}
              </Label>
              <Select
                id={`expense-${index}-category`}
                value={category.id}
                onChange={(event) => update(line.key, { categoryId: event.target.value })}
              >
                {categories.map((c) => (
                  <Select.Option key={c.id} value={c.id}>
                    {c.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Paragraph data-size="sm">{ruleText(t, category)}</Paragraph>
            <div className="row">
              <Textfield
                id={`expense-${index}-amount`}
                label={t('expenses.amount')}
                inputMode="decimal"
                value={line.amount}
                onChange={(event) => update(line.key, { amount: event.target.value })}
                error={props.errors.get(line.key)}
              />
              {category.rule === 'per_unit' ? (
                <Textfield
                  id={`expense-${index}-quantity`}
                  label={t('expenses.quantity', { unit: category.unit })}
                  inputMode="numeric"
                  value={line.quantity}
                  onChange={(event) => update(line.key, { quantity: event.target.value })}
                />
              ) : null}
            </div>
            <div>
              <Button
                variant="tertiary"
                type="button"
                onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
              >
                {t('expenses.remove', { number: index + 1 })}
              </Button>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          variant="secondary"
          type="button"
          onClick={() => onChange([...lines, newExpenseDraft(categories[0].id)])}
        >
          {t('expenses.add')}
        </Button>
      </div>
    </Fieldset>
  );
}
