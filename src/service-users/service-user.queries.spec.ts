import { columnsNotSelected } from '../database/read-model.testing';
import { ServiceUser } from './service-user.entity';
import { READ_SERVICE_USER, READ_SERVICE_USERS } from './service-user.queries';

describe('the service-user read model', () => {
  it.each([READ_SERVICE_USER, READ_SERVICE_USERS])(
    '$name selects every column of the entity (a new column fails here until the read model shows it)',
    (statement) => {
      expect(columnsNotSelected(ServiceUser, statement.text, ['municipalityId'])).toEqual([]);
      expect(columnsNotSelected(ServiceUser, 'SELECT u.id FROM service_users u')).toContain('firstName');
    },
  );
});
