import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { changeLanguage } from '@/lib/i18n';
import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi } from '@/test/render';

import { LanguagePreference } from './language-preference';

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['saksbehandler']);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await setLanguage('nb');
});

describe('LanguagePreference', { timeout: 30_000 }, () => {
  it('opens in the language the user saved, and saves a new choice with If-Match', async () => {
    const saves: { language: string; ifMatch: string | null }[] = [];
    stubApi({
      'GET /api/intake/v1/me/preferences': () => jsonResponse({ language: 'nn', version: 3 }),
      'PUT /api/intake/v1/me/preferences': async (request) => {
        const body = (await request.json()) as { language: string };
        saves.push({ language: body.language, ifMatch: request.headers.get('If-Match') });
        return jsonResponse({ language: body.language, version: 4 + saves.length - 1 });
      },
    });
    renderWithProviders(<LanguagePreference />);

    await waitFor(() => expect(document.documentElement.lang).toBe('nn'));
    expect(saves).toEqual([]);

    // Two choices in a row are saved in order, each on the version the one before returned.
    await changeLanguage('en');
    await changeLanguage('nb');
    await waitFor(() =>
      expect(saves).toEqual([
        { language: 'en', ifMatch: '"3"' },
        { language: 'nb', ifMatch: '"4"' },
      ]),
    );
  });
});
