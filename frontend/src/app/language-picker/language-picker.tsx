import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { changeLanguage, DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from '@/lib/i18n';

import styles from './language-picker.module.css';

/** Bokmål / Nynorsk / English; each name written in its own language. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return (
    <Field className={styles.field} data-size="sm">
      <Label>{t('app.language.label')}</Label>
      <Select
        value={current}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
        width="auto"
      >
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
