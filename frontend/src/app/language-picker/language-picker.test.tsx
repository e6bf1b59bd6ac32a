import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { setLanguage } from '@/test/render';

import { availableLanguages, LanguagePicker } from './language-picker';

beforeEach(async () => {
  await setLanguage('en');
});

describe('LanguagePicker', () => {
  it('names each language in its own words, and offers Sámi only with a translation', () => {
    render(<LanguagePicker />);
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Norsk bokmål', 'Norsk nynorsk', 'English']);
    expect(options.map((option) => option.getAttribute('lang'))).toEqual(['nb', 'nn', 'en']);
    expect(availableLanguages(['nb', 'nn', 'en', 'se'])).toEqual(['nb', 'nn', 'en', 'se']);
  });
});
