import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { provideTranslations } from '@/lib/i18n';
import { resources } from '@/lib/i18n-resources';

// The app fetches nynorsk and English when chosen; tests have every language at hand.
provideTranslations(resources);

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

// jsdom has no Web Animations API; Designsystemet's Spinner synchronises its animation with it.
if (!('getAnimations' in document)) {
  Object.defineProperty(document, 'getAnimations', { value: () => [], configurable: true });
}
