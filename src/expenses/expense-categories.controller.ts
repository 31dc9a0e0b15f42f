import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { ExpenseCategoryRequest, ExpenseCategoryResponse } from './dto/expense-category.dto';
import { ExpenseCategoriesService } from './expense-categories.service';

/** The municipality's expense categories with their rules ("fastsatte satser", seed 001). */
@ApiTags('compensation')
@ApiBearerAuth()
@Controller('compensation/expense-categories')
export class ExpenseCategoriesController {
  constructor(private readonly categories: ExpenseCategoriesService) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get()
  @ApiOperation({
    summary: 'Expense categories and their rules',
    description:
      'The categories a contact logs expenses in, each with its rule: covered up to a rate per unit, up to a monthly cap, or not covered. Staff see retired categories too; a contact only the active ones.',
  })
  @ApiOkResponse({ type: [ExpenseCategoryResponse] })
  list(@CurrentPrincipal() principal: Principal): Promise<ExpenseCategoryResponse[]> {
    return this.categories.list(principal);
  }

  @Roles('coordinator', 'admin')
  @Post()
  @ApiOperation({
    summary: 'Add an expense category',
    description:
      'A category with its rule and the terms of that rule only (400 otherwise); 409 already_exists when the name is taken.',
  })
  @ApiCreatedResponse({ type: ExpenseCategoryResponse })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ExpenseCategoryRequest,
  ): Promise<ExpenseCategoryResponse> {
    return this.categories.create(principal, body);
  }

  @Roles('coordinator', 'admin')
  @Put(':id')
  @ApiOperation({
    summary: 'Change or retire an expense category',
    description:
      'The whole category as it applies from now on: lines already logged keep what they were covered with. `active: false` retires it.',
  })
  @ApiOkResponse({ type: ExpenseCategoryResponse })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: ExpenseCategoryRequest,
  ): Promise<ExpenseCategoryResponse> {
    return this.categories.replace(principal, id, body);
  }
}
