import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../common/components/QueryState';
import { errorText } from '../../common/errors/errors';
import { formatKroner, kronerToOre } from '../../common/format/format';
import { usePageTitle } from '../../common/layout/usePageTitle';
import { type ExpenseCategory, type ExpenseCategoryBody, useCategories, useSaveCategory } from './queries';

const RULES = ['per_unit', 'monthly_cap', 'not_covered'] as const;
type Rule = (typeof RULES)[number];

const kronerText = (ore: number | null) => (ore === null ? '' : String(ore / 100).replace('.', ','));

function ruleInWords(t: TFunction, c: ExpenseCategory): string {
  if (c.rule === 'per_unit')
    return t('rule.per_unitText', { amount: formatKroner((c.rateOre ?? 0) / 100), unit: c.unit });
  if (c.rule === 'monthly_cap')
    return t('rule.monthly_capText', { amount: formatKroner((c.monthlyCapOre ?? 0) / 100) });
  return t('rule.not_coveredText');
}

/** Utgiftskategorier: the categories contacts log expenses in, with the municipality's rule for each. */
export default function ExpenseCategoriesPage() {
  const { t } = useTranslation('expense-categories');
  usePageTitle(t('title'));
  const categories = useCategories();
  const save = useSaveCategory();
  const [editing, setEditing] = useState<ExpenseCategory | null>(null);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <QueryState query={categories}>
        {(list) => (
          <Table>
            <caption>{t('caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('column.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('column.rule')}</Table.HeaderCell>
                <Table.HeaderCell>{t('column.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('column.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell>{ruleInWords(t, c)}</Table.Cell>
                  <Table.Cell>{c.active ? t('active') : t('retired')}</Table.Cell>
                  <Table.Cell>
                    <div className="row">
                      <Button variant="tertiary" data-size="sm" onClick={() => setEditing(c)}>
                        {t('edit', { name: c.name })}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() =>
                          save.mutate({
                            id: c.id,
                            body: {
                              name: c.name,
                              rule: c.rule,
                              ...(c.unit !== null ? { unit: c.unit } : {}),
                              ...(c.rateOre !== null ? { rateOre: c.rateOre } : {}),
                              ...(c.monthlyCapOre !== null ? { monthlyCapOre: c.monthlyCapOre } : {}),
                              active: !c.active,
                            },
                          })
                        }
                      >
                        {c.active ? t('retire', { name: c.name }) : t('reactivate', { name: c.name })}
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
      <CategoryForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
    </div>
  );
}

function CategoryForm({ editing, onDone }: { editing: ExpenseCategory | null; onDone: () => void }) {
  const { t } = useTranslation('expense-categories');
  const save = useSaveCategory();
  const [name, setName] = useState(editing?.name ?? '');
  const [rule, setRule] = useState<Rule>(editing?.rule ?? 'per_unit');
  const [unit, setUnit] = useState(editing?.unit ?? '');
  const [amount, setAmount] = useState(
    kronerText(editing ? (editing.rateOre ?? editing.monthlyCapOre) : null),
  );
  const [problems, setProblems] = useState<{ id: string; text: string }[]>([]);

  function submit() {
    const found: { id: string; text: string }[] = [];
    if (!name.trim()) found.push({ id: 'category-name', text: t('needName') });
    if (rule === 'per_unit' && !unit.trim()) found.push({ id: 'category-unit', text: t('needUnit') });
    const ore = kronerToOre(amount);
    if (rule !== 'not_covered' && ore === null) found.push({ id: 'category-amount', text: t('needAmount') });
    setProblems(found);
    if (found.length > 0) return;
    const body: ExpenseCategoryBody = {
      name: name.trim(),
      rule,
      ...(rule === 'per_unit' ? { unit: unit.trim(), rateOre: ore! } : {}),
      ...(rule === 'monthly_cap' ? { monthlyCapOre: ore! } : {}),
      active: editing?.active ?? true,
    };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          if (!editing) {
            setName('');
            setUnit('');
            setAmount('');
          }
          onDone();
        },
      },
    );
  }
  const errorOf = (id: string) => problems.find((p) => p.id === id)?.text;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Heading level={2} data-size="sm">
        {editing ? t('editTitle', { name: editing.name }) : t('newTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('changeHelp')}</Paragraph>
      {problems.length > 0 ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t('errors.summaryTitle', { ns: 'common' })}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {problems.map((p) => (
              <ErrorSummary.Item key={p.id}>
                <ErrorSummary.Link href={`#${p.id}`}>{p.text}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      {save.isError ? (
        <Alert data-color="danger">
          <Paragraph>{errorText(t, save.error)}</Paragraph>
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('saved', { name: save.data.name })}</Paragraph>
        </Alert>
      ) : null}
      <Textfield
        id="category-name"
        label={t('field.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errorOf('category-name')}
      />
      <Field>
        <Label htmlFor="category-rule">{t('field.rule')}</Label>
        <Select id="category-rule" value={rule} onChange={(e) => setRule(e.target.value as Rule)}>
          {RULES.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`rule.${r}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {rule === 'per_unit' ? (
        <Textfield
          id="category-unit"
          label={t('field.unit')}
          description={t('field.unitHelp')}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          error={errorOf('category-unit')}
        />
      ) : null}
      {rule !== 'not_covered' ? (
        <Textfield
          id="category-amount"
          label={rule === 'per_unit' ? t('field.rate') : t('field.cap')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errorOf('category-amount')}
        />
      ) : null}
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {editing ? t('saveChange') : t('add')}
        </Button>
        {editing ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
