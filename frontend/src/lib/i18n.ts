/**
 * Translations: nb (default), nn and en. The choice is kept in localStorage and
 * sets `<html lang>`, so screen readers pronounce the page in the right language.
 */
import i18n from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';

import enAccess from '../locales/en/access.json';
import enAuth from '../locales/en/auth.json';
import enCatalogue from '../locales/en/catalogue.json';
import enCommon from '../locales/en/common.json';
import enCoordination from '../locales/en/coordination.json';
import enIntake from '../locales/en/intake.json';
import enQuality from '../locales/en/quality.json';
import enWelfaretech from '../locales/en/welfaretech.json';
import nbAccess from '../locales/nb/access.json';
import nbAuth from '../locales/nb/auth.json';
import nbCatalogue from '../locales/nb/catalogue.json';
import nbCommon from '../locales/nb/common.json';
import nbCoordination from '../locales/nb/coordination.json';
import nbIntake from '../locales/nb/intake.json';
import nbQuality from '../locales/nb/quality.json';
import nbWelfaretech from '../locales/nb/welfaretech.json';
import nnAccess from '../locales/nn/access.json';
import nnAuth from '../locales/nn/auth.json';
import nnCatalogue from '../locales/nn/catalogue.json';
import nnCommon from '../locales/nn/common.json';
import nnCoordination from '../locales/nn/coordination.json';
import nnIntake from '../locales/nn/intake.json';
import nnQuality from '../locales/nn/quality.json';
import nnWelfaretech from '../locales/nn/welfaretech.json';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

const STORAGE_KEY = 'mestring.language';

/** One namespace; the top-level keys are the features (`catalogue.scopeUnit.place`). */
export const resources = {
  nb: { translation: { ...nbCommon, access: nbAccess, auth: nbAuth, catalogue: nbCatalogue, intake: nbIntake, quality: nbQuality, welfaretech: nbWelfaretech, coordination: nbCoordination } },
  nn: { translation: { ...nnCommon, access: nnAccess, auth: nnAuth, catalogue: nnCatalogue, intake: nnIntake, quality: nnQuality, welfaretech: nnWelfaretech, coordination: nnCoordination } },
  en: { translation: { ...enCommon, access: enAccess, auth: enAuth, catalogue: enCatalogue, intake: enIntake, quality: enQuality, welfaretech: enWelfaretech, coordination: enCoordination } },
} as const;

/** BCP 47 locales for Intl number and date formatting. */
const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

export function localeOf(language: Language): string {
  return LOCALES[language];
}

function applyLanguage(language: string): void {
  if (typeof document !== 'undefined' && isLanguage(language)) {
    document.documentElement.lang = language;
  }
}

export function initI18n(language: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyLanguage);
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    applyLanguage(language);
  }
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  await i18n.changeLanguage(language);
}

export type LocalizedText = { nb: string; nn?: string; en?: string };

/** The text in the UI language; falls back to bokmål, which the API always has. */
export function pickLocalized(text: LocalizedText, language: Language): { value: string; lang: Language } {
  const value = text[language];
  if (value) return { value, lang: language };
  return { value: text.nb, lang: 'nb' };
}

/** `localize(text)` gives the field matching the current UI language. */
export function useLocalize() {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : DEFAULT_LANGUAGE;
  const localize = useCallback((text: LocalizedText) => pickLocalized(text, language).value, [language]);
  return { localize, language, locale: LOCALES[language] };
}

export { i18n };
