import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` on every list; a page size over the cap is refused (400), not silently cut. */
/**
 * The last page a caller may ask for: past it, `?page=1e19` would become an OFFSET PostgreSQL cannot take (a 500).
 * 10,000 pages of the largest page size reach a million rows, beyond any municipality's list.
 */
export const MAX_PAGE = 10_000;

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = 25;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export class PageMeta {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE }) pageSize!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    description: 'All matching items, on every page',
  })
  total!: number;
}

const pageClasses = new Map<ClassType, ClassType>();

/**
 * The documented envelope of a list of `item` (`ContactResponse` → `ContactPage`): what `pageOf()` returns.
 * One class per item type, so the document holds one named schema the web client can use.
 */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as ClassType<Page<T>>;
  class ItemPage extends PageMeta {
    @ApiProperty({ type: [item], maxItems: MAX_PAGE_SIZE }) items!: T[];
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pageClasses.set(item, ItemPage);
  return ItemPage;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
