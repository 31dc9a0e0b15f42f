import { getMetadataArgsStorage } from 'typeorm';
import { ServiceUser } from './service-user.entity';
import { READ_SERVICE_USERS } from './service-user.queries';

describe('the service-user read model', () => {
  it('selects every column of the entity (a new column fails here until the read model shows it)', () => {
    const properties = getMetadataArgsStorage()
      .columns.filter((column) => column.target === ServiceUser)
      .map((column) => column.propertyName)
      .filter((property) => property !== 'municipalityId');
    const selected = new Set(
      [...READ_SERVICE_USERS.text.matchAll(/(?:AS "(\w+)"|u\.(\w+)(?=[,\s]))/g)].map((m) => m[1] ?? m[2]),
    );

    expect(properties.length).toBeGreaterThan(20);
    expect(properties.filter((property) => !selected.has(property))).toEqual([]);
  });
});
