import { ApiError } from '../errors/api-error';
import { assignFields, pickFields, refuseNulls } from './field-mapping';

describe('field mapping', () => {
  it('copies only the listed fields that the body sets', () => {
    const target: Record<string, unknown> = { name: 'old', role: 'contact' };
    assignFields(target, { name: 'new', role: 'admin', extra: 1, skipped: undefined }, ['name', 'skipped']);
    expect(target).toEqual({ name: 'new', role: 'contact' });
  });

  it('picks exactly the listed fields', () => {
    expect(pickFields({ a: 1, b: 2, c: 3 }, ['a', 'c'])).toEqual({ a: 1, c: 3 });
  });

  it('refuses null for a required field, naming it', () => {
    expect(() => refuseNulls({ name: null, note: null }, new Set(['name']))).toThrow(ApiError);
    try {
      refuseNulls({ name: null }, new Set(['name']));
    } catch (error) {
      expect((error as ApiError).details).toEqual([{ field: 'name', reason: 'name cannot be empty' }]);
    }
    expect(() => refuseNulls({ note: null }, new Set(['name']))).not.toThrow();
  });
});
