import { columnsNotSelected } from '../database/read-model.testing';
import { Contact } from './contact.entity';
import { READ_CONTACT } from './contact.queries';

describe('the contact read model', () => {
  it('selects every column of the entity (a new column fails here until the read model shows it)', () => {
    expect(columnsNotSelected(Contact, READ_CONTACT.text, ['municipalityId'])).toEqual([]);
    expect(columnsNotSelected(Contact, 'SELECT c.id FROM contacts c')).toContain('maxWeeklyHours');
  });
});
