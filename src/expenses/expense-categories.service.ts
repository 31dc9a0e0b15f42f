import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isStaff, Principal } from '../common/auth/principal';
import { badRequest, FieldIssue, notFound } from '../common/errors/api-error';
import { capMonth, coveredOre, ExpenseRule, ExpenseRuleKind } from '../compensation/expense-cover';
import { ExpenseCategoryRequest, ExpenseCategoryResponse } from './dto/expense-category.dto';

interface CategoryRow {
  id: string;
  name: string;
  rule: ExpenseRuleKind;
  unit: string | null;
  rate_ore: number | null;
  monthly_cap_ore: number | null;
  active: boolean;
  updated_at: Date;
}

/** One expense line as the contact claims it on a session. */
export interface ExpenseLineInput {
  categoryId: string;
  amountOre: number;
  quantity?: number;
  note?: string;
}

const SELECT_CATEGORIES = `
  SELECT id, name, rule, unit, rate_ore, monthly_cap_ore, active, updated_at FROM expense_categories`;

const toResponse = (row: CategoryRow): ExpenseCategoryResponse => ({
  id: row.id,
  name: row.name,
  rule: row.rule,
  unit: row.unit,
  rateOre: row.rate_ore,
  monthlyCapOre: row.monthly_cap_ore,
  active: row.active,
  updatedAt: row.updated_at,
});

const ruleOf = (row: CategoryRow): ExpenseRule =>
  row.rule === 'per_unit'
    ? { kind: 'per_unit', rateOre: row.rate_ore! }
    : row.rule === 'monthly_cap'
      ? { kind: 'monthly_cap', monthlyCapOre: row.monthly_cap_ore! }
      : { kind: 'not_covered' };

/** Each rule takes exactly its own terms, so a category never carries a rate it does not apply. */
function refuseMismatchedTerms(body: ExpenseCategoryRequest): void {
  const wants = {
    unit: body.rule === 'per_unit',
    rateOre: body.rule === 'per_unit',
    monthlyCapOre: body.rule === 'monthly_cap',
  };
  const issues: FieldIssue[] = [];
  for (const [field, wanted] of Object.entries(wants)) {
    const given = body[field as keyof typeof wants] !== undefined;
    if (wanted && !given) issues.push({ field, reason: `${field} is required for the rule ${body.rule}` });
    if (!wanted && given) issues.push({ field, reason: `${field} does not apply to the rule ${body.rule}` });
  }
  if (issues.length > 0) throw badRequest('validation_failed', 'The request is invalid', issues);
}

/**
 * The municipality's expense categories and what each line logged in one is covered with (issue 14 "Costs and
 * driving"; the rule itself is src/compensation/expense-cover.ts). A covered amount is fixed when its session is
 * logged: what a later change of a category does applies to lines logged after it.
 */
@Injectable()
export class ExpenseCategoriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Staff see retired categories too; a contact only those a session may use. */
  async list(principal: Principal): Promise<ExpenseCategoryResponse[]> {
    const rows = await this.dataSource.query<CategoryRow[]>(
      `${SELECT_CATEGORIES} WHERE municipality_id = $1 ${isStaff(principal) ? '' : 'AND active'}
        ORDER BY active DESC, name, id`,
      [principal.municipalityId],
    );
    return rows.map(toResponse);
  }

  async create(principal: Principal, body: ExpenseCategoryRequest): Promise<ExpenseCategoryResponse> {
    refuseMismatchedTerms(body);
    const [row] = await this.dataSource.query<CategoryRow[]>(
      `INSERT INTO expense_categories (municipality_id, name, rule, unit, rate_ore, monthly_cap_ore, active, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id, name, rule, unit, rate_ore, monthly_cap_ore, active, updated_at`,
      [
        principal.municipalityId,
        body.name.trim(),
        body.rule,
        body.unit?.trim() ?? null,
        body.rateOre ?? null,
        body.monthlyCapOre ?? null,
        body.active ?? true,
        principal.subject,
      ],
    );
    return toResponse(row);
  }

  /** The whole category as it should be from now on; lines already logged keep what they were covered with. */
  async replace(
    principal: Principal,
    id: string,
    body: ExpenseCategoryRequest,
  ): Promise<ExpenseCategoryResponse> {
    refuseMismatchedTerms(body);
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [[row]] = await this.dataSource.query<[CategoryRow[], number]>(
      `UPDATE expense_categories
          SET name = $3, rule = $4, unit = $5, rate_ore = $6, monthly_cap_ore = $7, active = $8, updated_at = now()
        WHERE id = $1 AND municipality_id = $2
        RETURNING id, name, rule, unit, rate_ore, monthly_cap_ore, active, updated_at`,
      [
        id,
        principal.municipalityId,
        body.name.trim(),
        body.rule,
        body.unit?.trim() ?? null,
        body.rateOre ?? null,
        body.monthlyCapOre ?? null,
        body.active ?? true,
      ],
    );
    if (!row) throw notFound('Expense category');
    return toResponse(row);
  }

  /**
   * Writes a session's expense lines with what each is covered with, inside the session's transaction. A monthly
   * cap counts the contact's live lines of that category in the session's calendar month; an advisory lock per
   * contact and month makes two sessions logged at once count one after the other.
   */
  async recordLines(
    em: EntityManager,
    session: { id: string; municipalityId: string; contactId: string; date: string },
    lines: readonly ExpenseLineInput[],
  ): Promise<void> {
    if (lines.length === 0) return;
    const month = capMonth(session.date);
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('session_expenses.cap'), hashtext($1))`, [
      `${session.contactId}|${month}`,
    ]);
    const categories = new Map(
      (
        await em.query<CategoryRow[]>(
          `${SELECT_CATEGORIES} WHERE municipality_id = $1 AND active AND id = ANY($2::uuid[])`,
          [session.municipalityId, lines.map((line) => line.categoryId)],
        )
      ).map((row) => [row.id, row]),
    );
    const issues = lines.flatMap((line, i) =>
      categories.has(line.categoryId)
        ? []
        : [{ field: `expenses[${i}].categoryId`, reason: 'no active expense category with this id' }],
    );
    if (issues.length > 0) throw badRequest('validation_failed', 'The request is invalid', issues);
    const used = new Map(
      (
        await em.query<{ category_id: string; covered: number }[]>(
          `SELECT e.category_id, sum(e.covered_ore)::int AS covered
             FROM session_expenses e JOIN sessions s ON s.id = e.session_id
            WHERE s.contact_id = $1 AND s.superseded_at IS NULL AND s.id <> $2
              AND s.session_date >= $3::date AND s.session_date < ($3::date + interval '1 month')
              AND e.category_id = ANY($4::uuid[])
            GROUP BY e.category_id`,
          [session.contactId, session.id, month, [...categories.keys()]],
        )
      ).map((row) => [row.category_id, row.covered]),
    );
    const rows = lines.map((line, position) => {
      const quantity = line.quantity ?? 1;
      const covered = coveredOre(
        ruleOf(categories.get(line.categoryId)!),
        { amountOre: line.amountOre, quantity },
        used.get(line.categoryId) ?? 0,
      );
      used.set(line.categoryId, (used.get(line.categoryId) ?? 0) + covered);
      return { line, position, quantity, covered };
    });
    await em.query(
      `INSERT INTO session_expenses (session_id, category_id, position, quantity, amount_ore, covered_ore, note)
       SELECT $1, * FROM unnest($2::uuid[], $3::smallint[], $4::int[], $5::int[], $6::int[], $7::text[])`,
      [
        session.id,
        rows.map((r) => r.line.categoryId),
        rows.map((r) => r.position),
        rows.map((r) => r.quantity),
        rows.map((r) => r.line.amountOre),
        rows.map((r) => r.covered),
        rows.map((r) => r.line.note?.trim() || null),
      ],
    );
  }
}
