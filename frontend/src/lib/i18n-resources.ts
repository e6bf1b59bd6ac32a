/**
 * Every language's translation at once, for the tests that compare them and for the key types
 * (i18next.d.ts). The app itself imports only i18n.ts, which loads nn and en on demand.
 */
import { translation as en } from './translations/en';
import { translation as nb } from './translations/nb';
import { translation as nn } from './translations/nn';

export const resources = {
  nb: { translation: nb },
  nn: { translation: nn },
  en: { translation: en },
} as const;
