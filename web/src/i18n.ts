import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every text a person reads. Bokmål first, English second. Each feature keeps its texts beside it
 * (features/<feature>/i18n.nb.json, .en.json) under its own namespace, the folder's name; common/ holds the
 * shared ones. They are gathered here by file name, so a new feature needs no edit in this file.
 */
export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Resources = Record<Language, Record<string, Record<string, unknown>>>;

const files = import.meta.glob<Record<string, unknown>>(
  ['./common/i18n.*.json', './features/*/i18n.*.json'],
  {
    eager: true,
    import: 'default',
  },
);

export function collectResources(modules: Record<string, Record<string, unknown>>): Resources {
  const resources: Resources = { nb: {}, en: {} };
  for (const [path, texts] of Object.entries(modules)) {
    const match = /(?:features\/([^/]+)|(common))\/i18n\.(nb|en)\.json$/.exec(path);
    if (!match) continue;
    const namespace = match[1] ?? match[2];
    resources[match[3] as Language][namespace] = texts;
  }
  return resources;
}

const STORAGE_KEY = 'stottekontakt.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nb';
}

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: collectResources(files),
  lng: initialLanguage(),
  fallbackLng: 'nb',
  supportedLngs: LANGUAGES,
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export default i18n;
