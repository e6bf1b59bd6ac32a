import { useTranslation } from 'react-i18next';

import { DEFAULT_LANGUAGE, isLanguage, pickLocalized, type LocalizedText } from '@/lib/i18n';

/**
 * A text from the API in the UI language. When the text is missing in that language
 * and bokmål stands in, the span says so with `lang`, so screen readers pronounce it right
 * (WCAG 3.1.2, language of parts).
 */
export function Localized({ text }: { text: LocalizedText }) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const { value, lang } = pickLocalized(text, language);
  return lang === language ? <>{value}</> : <span lang={lang}>{value}</span>;
}
