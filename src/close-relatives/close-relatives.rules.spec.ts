import { ExcludedPair, refuseGroupSeating, refuseIndividualPair } from './close-relatives.rules';

const relative: ExcludedPair = { serviceUserId: 'u1', contactId: 'c1', reason: 'close_relative' };
const declined: ExcludedPair = { serviceUserId: 'u2', contactId: 'c1', reason: 'declined' };

describe('close relatives and excluded pairs', () => {
  it('refuses a close relative as the individual støttekontakt, naming the reason', () => {
    expect(
      refuseIndividualPair({ serviceUserId: 'u1', contactId: 'c1' }, [relative, declined]),
    ).toMatchObject({
      code: 'close_relative',
      pairs: [relative],
    });
  });

  it('refuses a pair declined before as pair_excluded, and lets any other pair through', () => {
    expect(refuseIndividualPair({ serviceUserId: 'u2', contactId: 'c1' }, [relative, declined])?.code).toBe(
      'pair_excluded',
    );
    expect(refuseIndividualPair({ serviceUserId: 'u1', contactId: 'c2' }, [relative, declined])).toBeNull();
  });

  it('never seats a close relative with their contact in one group, whoever joins last', () => {
    expect(refuseGroupSeating(['u3', 'u1'], ['c1'], [relative])?.pairs).toEqual([relative]);
    expect(refuseGroupSeating(['u1'], ['c2', 'c1'], [relative])?.code).toBe('close_relative');
    expect(refuseGroupSeating(['u1'], ['c2'], [relative])).toBeNull();
  });

  it('lets a pair declined for 1:1 share a group', () => {
    expect(refuseGroupSeating(['u2'], ['c1'], [declined])).toBeNull();
  });
});
