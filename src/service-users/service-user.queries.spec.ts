import { getMetadataArgsStorage } from 'typeorm';
import { ServiceUser } from './service-user.entity';
import { READ_SERVICE_USER, READ_SERVICE_USERS } from './service-user.queries';

describe('the service-user read model', () => {
  it.each([READ_SERVICE_USER, READ_SERVICE_USERS])(
    '$name selects every column of the entity (a new column fails here until the read model shows it)',
    (statement) => {
      const properties = getMetadataArgsStorage()
        .columns.filter((column) => column.target === ServiceUser)
        .map((column) => column.propertyName)
        .filter((property) => property !== 'municipalityId');
      const selected = new Set(
        [...statement.text.matchAll(/(?:AS "(\w+)"|u\.(\w+)(?=[,\s]))/g)].map((m) => m[1] ?? m[2]),
      );

      expect(properties.length).toBeGreaterThan(20);
      expect(properties.filter((property) => !selected.has(property))).toEqual([]);
    },
  );
});
