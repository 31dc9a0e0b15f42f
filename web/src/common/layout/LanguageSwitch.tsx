import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Field data-size="sm" className="language-switch">
      <Label>{t('app.language')}</Label>
      <Select value={i18n.resolvedLanguage} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {t(`app.languageName.${language}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
