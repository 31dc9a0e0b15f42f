import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { RecruitmentProfile } from './queries';
import { adText, servesText } from './words';

const profile = (overrides: Partial<RecruitmentProfile> = {}): RecruitmentProfile => ({
  rank: 1,
  key: '1470|1|evening|l-|g-',
  postalCode: '1470',
  latitude: 59.93,
  longitude: 10.96,
  day: 'tuesday',
  partOfDay: 'evening',
  start: '19:00',
  end: '23:00',
  interests: ['fotball', 'kino'],
  languages: ['nb'],
  gender: null,
  age: null,
  requiredLanguage: null,
  drives: false,
  capacityUsers: 3,
  weeklyHours: 9,
  marginalGain: 3,
  serves: { users: 3, postalCodes: ['1470'], longestWaitingDays: 212, sharedInterests: ['fotball'] },
  description: '',
  ...overrides,
});

describe('recruitment in words', () => {
  const nb = i18n.getFixedT('nb', 'recruitment');
  const en = i18n.getFixedT('en', 'recruitment');

  it('says whom a profile serves, in bokmål and in English', () => {
    expect(servesText(nb, profile())).toBe(
      '3 brukere i 1470, ledige tirsdag kveld, liker fotball; den som har ventet lengst har ventet 212 dager',
    );
    expect(servesText(en, profile())).toBe(
      '3 users in 1470, free Tuesday evening, like fotball; the longest has waited 212 days',
    );
    expect(
      servesText(
        nb,
        profile({ serves: { users: 1, postalCodes: [], longestWaitingDays: 5, sharedInterests: [] } }),
      ),
    ).toBe('1 bruker i 1470, ledig tirsdag kveld; har ventet 5 dager');
  });

  it('writes the ad in Norwegian whatever the page language, one line per profile', () => {
    const text = adText(en, [
      profile(),
      profile({
        postalCode: '3015',
        day: 'thursday',
        partOfDay: 'daytime',
        requiredLanguage: 'ar',
        drives: true,
      }),
    ]);
    expect(text.startsWith('Vil du bli støttekontakt?')).toBe(true);
    expect(text).toContain('• postnummer 1470, tirsdag kveld – gjerne om du liker fotball og kino');
    expect(text).toContain(
      '• postnummer 3015, torsdag på dagtid – gjerne om du liker fotball og kino – gjerne om du snakker arabisk – gjerne med bil',
    );
    expect(text).toContain('politiattest');
  });
});
