import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { ExpenseCategoriesController } from './expense-categories.controller';
import { ExpenseCategoriesService } from './expense-categories.service';

describeConstraints({
  expense_categories_name_unique: 'The municipality has an expense category with that name already',
  session_expenses_immutable: 'An expense line never changes; log a correction instead',
});

/** Expense categories and the covered part of each expense line (issue 14 "Costs and driving"). */
@Module({
  controllers: [ExpenseCategoriesController],
  providers: [ExpenseCategoriesService],
  exports: [ExpenseCategoriesService],
})
export class ExpensesModule {}
