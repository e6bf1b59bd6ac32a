/** Languages a person may prefer: ISO 639 codes, named by the browser in the UI language. */
export const PREFERRED_LANGUAGES = [
  'nb',
  'nn',
  'se',
  'sma',
  'smj',
  'en',
  'sv',
  'da',
  'pl',
  'lt',
  'uk',
  'ru',
  'ar',
  'so',
  'ti',
  'fa',
  'prs',
  'ur',
  'tr',
  'ku',
  'th',
  'vi',
  'tl',
  'es',
  'de',
] as const;

/** «nordsamisk» for `se` in bokmål; the code itself where the browser has no name. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code;
  } catch {
    return code;
  }
}
