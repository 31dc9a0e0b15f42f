import { refuseStartWithoutIntroduction } from './start-rules';

describe('introduction before start (rule 8)', () => {
  it('starts from an introduction outcome without more ado', () => {
    expect(refuseStartWithoutIntroduction('introduction_outcome', undefined)).toBeNull();
  });

  it('refuses a direct start without a reason, or with only blanks', () => {
    for (const reason of [undefined, null, '', '   \n']) {
      expect(refuseStartWithoutIntroduction('direct', reason)?.code).toBe('introduction_required');
    }
  });

  it('lets a direct start through with a reason', () => {
    expect(refuseStartWithoutIntroduction('direct', 'Fortsetter et forhold fra avlastning')).toBeNull();
  });
});
