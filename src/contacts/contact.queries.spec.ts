import { columnsNotSelected } from '../database/read-model.testing';
import { Contact } from './contact.entity';
import { PENDING_INTRODUCTION_STATUSES } from '../introductions/transitions';
import { PENDING_INTRODUCTION_SQL, READ_CONTACT } from './contact.queries';

describe('the contact read model', () => {
  it('selects every column of the entity (a new column fails here until the read model shows it)', () => {
    expect(columnsNotSelected(Contact, READ_CONTACT.text, ['municipalityId'])).toEqual([]);
    expect(columnsNotSelected(Contact, 'SELECT c.id FROM contacts c')).toContain('maxWeeklyHours');
  });
});

describe('what holds a contact’s capacity', () => {
  it('counts the introductions on their way by the statuses the introductions context calls pending', () => {
    const listed = PENDING_INTRODUCTION_SQL.replace(/[()' ]/g, '').split(',');
    expect(listed).toEqual([...PENDING_INTRODUCTION_STATUSES]);
  });
});
