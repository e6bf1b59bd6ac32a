/**
 * Translations: nb (default), nn and en. The choice is kept in localStorage and
 * sets `<html lang>`, so screen readers pronounce the page in the right language.
 */
import i18n from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';

import { translation as nb } from './translations/nb';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

const STORAGE_KEY = 'mestring.language';

/** One namespace; the top-level keys are the features (`catalogue.scopeUnit.place`). */
type Translation = typeof nb;

/**
 * Bokmål comes with the app; nynorsk and English are chunks of their own, fetched when chosen
 * (the initial JavaScript budget in docs/performance.md). A translation is kept once loaded.
 */
const loaded: Partial<Record<Language, Translation>> = { nb };
const loaders: Record<Exclude<Language, 'nb'>, () => Promise<{ translation: Translation }>> = {
  nn: () => import('./translations/nn'),
  en: () => import('./translations/en'),
};

/** Fetches a language's translation (once) and hands it to i18next. */
export async function loadLanguage(language: Language): Promise<void> {
  let translation = loaded[language];
  if (!translation && language !== 'nb') {
    translation = (await loaders[language]()).translation;
    loaded[language] = translation;
  }
  if (translation && i18n.isInitialized && !i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', translation);
  }
}

/** Makes translations already in hand (the tests' setup passes every language) available without loading. */
export function provideTranslations(translations: Partial<Record<Language, { translation: Translation }>>): void {
  for (const language of LANGUAGES) {
    const translation = translations[language]?.translation;
    if (!translation) continue;
    loaded[language] = translation;
    if (i18n.isInitialized && !i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', translation);
  }
}

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

/**
 * Sets i18next up with the translations in hand; a language not loaded yet shows bokmål until
 * `changeLanguage` (or `startI18n`) has fetched it.
 */
export function initI18n(language: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyLanguage);
    const resources = Object.fromEntries(Object.entries(loaded).map(([code, translation]) => [code, { translation }]));
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

/** The app's start: the stored language's translation first (nn and en are fetched), then i18next. */
export async function startI18n(): Promise<void> {
  const language = storedLanguage();
  try {
    await loadLanguage(language);
  } catch {
    /* the chunk could not be fetched: bokmål, which the app always has */
    initI18n(DEFAULT_LANGUAGE);
    return;
  }
  initI18n(language);
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  await loadLanguage(language);
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
