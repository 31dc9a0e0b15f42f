import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expenses in the municipality's categories (issue 14 "Costs and driving", issue 16 "Før timer"): the contact's
 * outlays are covered "i henhold til fastsatte satser" (seed 001), never as an open amount paid in full, and the
 * user pays their own tickets, food, tolls and parking (seed 004).
 *
 * - `expense_categories`: per municipality, each with its rule: `per_unit` (covered up to `rate_ore` per unit,
 *   e.g. per ticket), `monthly_cap` (covered up to `monthly_cap_ore` per contact and calendar month), or
 *   `not_covered`. A category is retired (`active = false`), never deleted once used.
 * - `session_expenses`: a session's expense lines, each in one category, with the amount claimed and the amount
 *   covered, fixed when the session is logged (src/compensation/expense-cover.ts), so a later session, a rate
 *   change or a retired category never changes what a logged line pays. Like the session, a line never changes.
 * - `sessions.expenses_ore` stays: the sum of the lines claimed (it is part of the signed content hash).
 * - Older sessions' open amounts become one line each in the category "Annet (eldre registrering)" (inactive,
 *   so no new line uses it), covered in full as they were paid before categories existed.
 */
export class ExpenseCategories1763900022000 implements MigrationInterface {
  name = 'ExpenseCategories1763900022000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE expense_rule AS ENUM ('per_unit', 'monthly_cap', 'not_covered')`);
    await db.query(`
      CREATE TABLE expense_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        rule expense_rule NOT NULL,
        -- per_unit: what one unit is ("billett"), and the most covered per unit (øre)
        unit text CHECK (unit IS NULL OR length(trim(unit)) BETWEEN 1 AND 40),
        rate_ore integer CHECK (rate_ore IS NULL OR rate_ore BETWEEN 0 AND 10000000),
        -- monthly_cap: the most covered per contact and calendar month (øre)
        monthly_cap_ore integer CHECK (monthly_cap_ore IS NULL OR monthly_cap_ore BETWEEN 0 AND 10000000),
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT expense_categories_name_unique UNIQUE (municipality_id, name),
        CONSTRAINT expense_categories_rule_terms CHECK (
          (rule = 'per_unit' AND unit IS NOT NULL AND rate_ore IS NOT NULL AND monthly_cap_ore IS NULL)
          OR (rule = 'monthly_cap' AND unit IS NULL AND rate_ore IS NULL AND monthly_cap_ore IS NOT NULL)
          OR (rule = 'not_covered' AND unit IS NULL AND rate_ore IS NULL AND monthly_cap_ore IS NULL))
      )`);
    await db.query(`
      CREATE TABLE session_expenses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES expense_categories(id),
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 99),
        quantity integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100),
        amount_ore integer NOT NULL CHECK (amount_ore BETWEEN 1 AND 10000000),
        covered_ore integer NOT NULL CHECK (covered_ore >= 0 AND covered_ore <= amount_ore),
        note text CHECK (note IS NULL OR length(note) <= 200),
        CONSTRAINT session_expenses_position_unique UNIQUE (session_id, position)
      )`);
    await db.query(`CREATE INDEX session_expenses_category ON session_expenses (category_id, session_id)`);
    // The monthly cap sums a contact's lines in one category and month.
    await db.query(`CREATE INDEX sessions_contact_date ON sessions (contact_id, session_date)`);

    // A line is written with its session and never changes; it goes only with its session (open timesheet).
    await db.query(`
      CREATE FUNCTION session_expenses_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'an expense line never changes; log a correction instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'session_expenses_immutable';
        END IF;
        IF EXISTS (SELECT 1 FROM sessions s JOIN timesheets t ON t.id = s.timesheet_id
                    WHERE s.id = NEW.session_id AND t.status <> 'open') THEN
          RAISE EXCEPTION 'a signed timesheet takes no new expense lines'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sessions_signed_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_expenses_are_immutable BEFORE INSERT OR UPDATE ON session_expenses
      FOR EACH ROW EXECUTE FUNCTION session_expenses_are_immutable()`);

    // Older open amounts: one line each, in an inactive category, covered as they were paid. The trigger above
    // would refuse lines on signed timesheets, so it waits until the old rows are in.
    await db.query(`ALTER TABLE session_expenses DISABLE TRIGGER session_expenses_are_immutable`);
    await db.query(`
      INSERT INTO expense_categories (municipality_id, name, rule, active, created_by)
      SELECT DISTINCT municipality_id, 'Annet (eldre registrering)', 'not_covered'::expense_rule, false, 'migration'
        FROM sessions WHERE expenses_ore > 0`);
    await db.query(`
      INSERT INTO session_expenses (session_id, category_id, position, quantity, amount_ore, covered_ore, note)
      SELECT s.id, c.id, 0, 1, s.expenses_ore, s.expenses_ore, left(s.expenses_note, 200)
        FROM sessions s
        JOIN expense_categories c ON c.municipality_id = s.municipality_id AND c.name = 'Annet (eldre registrering)'
       WHERE s.expenses_ore > 0`);
    await db.query(`ALTER TABLE session_expenses ENABLE TRIGGER session_expenses_are_immutable`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE session_expenses`);
    await db.query(`DROP FUNCTION session_expenses_are_immutable()`);
    await db.query(`DROP INDEX sessions_contact_date`);
    await db.query(`DROP TABLE expense_categories`);
    await db.query(`DROP TYPE expense_rule`);
  }
}
