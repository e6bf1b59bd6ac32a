import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { changeLanguage, DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from '@/lib/i18n';

import styles from './language-picker.module.css';

/**
 * The languages the picker may offer, each named in its own language. The Sámi languages show
 * only once the app has a translation into them (a language in `LANGUAGES`, src/lib/i18n.ts).
 */
export const OFFERED_LANGUAGES = ['nb', 'nn', 'en', 'se', 'sma', 'smj'] as const;

/** The offered languages that have a translation. */
export function availableLanguages(translated: readonly string[] = LANGUAGES): string[] {
  return OFFERED_LANGUAGES.filter((code) => translated.includes(code));
}

/** Norsk bokmål / Norsk nynorsk / English (and the Sámi languages when translated). */
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
        {availableLanguages().map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {t(`languageName.${language as (typeof OFFERED_LANGUAGES)[number]}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
