import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { renderWithProviders, setLanguage } from '@/test/render';

import { qrPath, SurveyQr } from './survey-qr';

const URL_ = 'https://mestring.example/svar/3207/abcdefghijklmnopqrstuvwxyz012345';

beforeEach(async () => {
  await setLanguage('nb');
});

describe('SurveyQr', () => {
  it('draws the finder pattern in the top left corner inside a four-module quiet zone', () => {
    const { size, path } = qrPath(URL_);
    // Version v has 4v + 17 modules, plus the quiet zone of four on each side.
    expect((size - 8 - 17) % 4).toBe(0);
    const dark = new Set(path.split('z').filter(Boolean).map((square) => square.slice(1, square.indexOf('h'))));
    for (let i = 0; i < 7; i++) {
      expect(dark.has(`${4 + i} 4`)).toBe(true);
      expect(dark.has(`4 ${4 + i}`)).toBe(true);
    }
    expect(dark.has('5 5')).toBe(false);
    expect(dark.has('0 0')).toBe(false);
    expect(qrPath(`${URL_}x`).path).not.toBe(path);
  });

  it('is an image named for the unit, with a caption and a download', () => {
    renderWithProviders(<SurveyQr url={URL_} unitName="Hjemmetjenesten Ski" fileName="qr.svg" />);
    expect(screen.getByRole('img', { name: 'QR-kode til undersøkelsen for Hjemmetjenesten Ski' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Last ned QR-koden for Hjemmetjenesten Ski (SVG)' })).toBeInTheDocument();
  });
});
