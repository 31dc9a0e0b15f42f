import type { TFunction } from 'i18next';
import type { RecruitmentProfile } from './queries';

/** A language code in words, in the given UI language ("ar" → "arabisk"); the code itself when unknown. */
export function languageName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng === 'en' ? 'en' : 'nb'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const list = (t: TFunction, items: string[], lng?: string) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${t('and', { lng })} ${items[items.length - 1]}`;

/** Whom a profile serves, in words: "3 brukere i 1470, ledige tirsdag kveld, liker fotball; …". */
export function servesText(t: TFunction, profile: RecruitmentProfile, lng?: string): string {
  const shared = profile.serves.sharedInterests;
  return t('serves', {
    lng,
    count: profile.serves.users,
    area: profile.postalCode ?? profile.serves.postalCodes[0] ?? t('area.unknown', { lng }),
    when: whenText(t, profile, lng),
    likes: shared.length > 0 ? t('likes', { lng, interests: list(t, shared, lng) }) : '',
    days: profile.serves.longestWaitingDays,
  });
}

export function whenText(t: TFunction, profile: RecruitmentProfile, lng?: string): string {
  return t('when', {
    lng,
    day: t(`day.${profile.day}`, { lng }),
    part: t(`part.${profile.partOfDay}`, { lng }),
  });
}

/** A recruitment ad in Norwegian, whatever language the page is shown in: it is for the municipality's site. */
export function adText(t: TFunction, profiles: RecruitmentProfile[]): string {
  const lng = 'nb';
  const lines = profiles.map((profile) => {
    const parts = [
      t('ad.line', {
        lng,
        area: profile.postalCode ?? profile.serves.postalCodes[0] ?? t('area.unknown', { lng }),
        when: whenText(t, profile, lng),
      }),
    ];
    if (profile.interests.length > 0)
      parts.push(t('ad.interests', { lng, interests: list(t, profile.interests, lng) }));
    if (profile.requiredLanguage)
      parts.push(t('ad.language', { lng, language: languageName(profile.requiredLanguage, lng) }));
    if (profile.drives) parts.push(t('ad.drives', { lng }));
    return `• ${parts.join(' – ')}`;
  });
  return [
    t('ad.title', { lng }),
    '',
    t('ad.intro', { lng }),
    '',
    ...lines,
    '',
    t('ad.terms', { lng }),
    '',
    t('ad.contact', { lng }),
  ].join('\n');
}
