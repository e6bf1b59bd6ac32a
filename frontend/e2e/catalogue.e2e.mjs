// End-to-end: sign in, the staircase and a service, in Debian's Chromium against a running Mestring.
//
//   MESTRING_E2E_URL=http://127.0.0.1:8000 node e2e/catalogue.e2e.mjs
//
// Env: MESTRING_E2E_URL (base URL of a running system, required) and CHROMIUM_PATH (default
// /usr/bin/chromium). It signs in as the caseworker of Nordre Follo (saksbehandler-nordrefollo),
// found by municipality and role as a person would. Screenshots at 1280, 768 and 375 px go to
// e2e/artifacts/, and no page may scroll sideways at those widths. Every page is checked with axe
// (WCAG 2.1 A/AA): a serious or critical violation fails the run. The last line is
// «e2e: N passed, M failed»; the exit code is non-zero on any failure.
import { BASE_URL, assert, checkAccessibility, checkWidths, run, signIn, step } from './harness.mjs';

async function main(page) {


  await step('sign-in page lists the demo users by municipality', async () => {
    await page.goto(`${BASE_URL}/logg-inn`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn som demobruker' }).waitFor();
    assert((await page.locator('html').getAttribute('lang')) === 'nb', 'html lang is not nb');
    const nordreFollo = page.getByRole('region', { name: 'Nordre Follo kommune' });
    await nordreFollo.getByRole('button', { name: /Saksbehandler/ }).first().waitFor();
    await page.getByRole('region', { name: 'Selbu kommune' }).getByRole('button').first().waitFor();
  });

  await step('sign-in page: no serious accessibility violations', () => checkAccessibility(page, 'sign-in'), {
    blocking: false,
  });
  await step('sign-in page fits phone, tablet and desktop', () => checkWidths(page, 'sign-in'), { blocking: false });

  await step('sign in as the caseworker in Nordre Follo', async () => {
    await signIn(page);
    const banner = page.getByRole('banner');
    await banner.getByTestId('municipality-name').filter({ hasText: 'Nordre Follo' }).waitFor();
    await banner.getByText('Saksbehandler', { exact: true }).waitFor();
  });

  await step('home: no serious accessibility violations', () => checkAccessibility(page, 'home'), { blocking: false });

  await step('the staircase shows the levels, lowest first, with their services', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tjenestekatalog' }).click();
    await page.waitForURL(`${BASE_URL}/tjenester`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const staircase = page.getByRole('list', { name: 'Nivåer i trappen' });
    await staircase.waitFor();
    const steps = staircase.locator(':scope > li');
    const count = await steps.count();
    assert(count >= 2, `expected several levels, found ${count}`);
    await steps.first().getByText(/^Trinn 1 av \d+$/).waitFor();
    await steps.last().getByText(new RegExp(`^Trinn ${count} av ${count}$`)).waitFor();
    const links = staircase.getByRole('link');
    assert((await links.count()) >= 1, 'no service links on the staircase');
    await staircase.getByText(/Krever vedtak|Uten vedtak/).first().waitFor();
  });

  await step('staircase: no serious accessibility violations', () => checkAccessibility(page, 'staircase'), {
    blocking: false,
  });
  await step('staircase fits phone, tablet and desktop', () => checkWidths(page, 'staircase'), { blocking: false });

  await step('a service shows its facts and its allocation criteria', async () => {
    const staircase = page.getByRole('list', { name: 'Nivåer i trappen' });
    const preferred = staircase.locator('a[href="/tjenester/hjemmesykepleie"]');
    const link = (await preferred.count()) > 0 ? preferred : staircase.getByRole('link').first();
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await page.waitForURL(/\/tjenester\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tildelingskriterier' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Versjonshistorikk' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Om tjenesten' }).waitFor();
  });

  // At every width, so the units' table is checked at 375 px too (where it scrolls within its region).
  for (const width of [1280, 768, 375]) {
    await step(`service: no serious accessibility violations at ${width} px`, async () => {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.waitForTimeout(150);
      try {
        await checkAccessibility(page, `service-${width}`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    }, { blocking: false });
  }
  await step('service page fits phone, tablet and desktop', () => checkWidths(page, 'service'), { blocking: false });

  await step('the language picker switches to English and sets <html lang>', async () => {
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'Allocation criteria' }).waitFor();
    assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
    // English is a chunk of its own: after a reload the app waits for it before it shows anything.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Allocation criteria' }).waitFor();
    assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not en after a reload');
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { level: 2, name: 'Tildelingskriterier' }).waitFor();
  });

  await step('an unknown service says «Fant ikke tjenesten»', async () => {
    await page.goto(`${BASE_URL}/tjenester/finnes-ikke-e2e`);
    await page.getByRole('heading', { level: 1, name: 'Fant ikke tjenesten' }).waitFor();
  });

  await step('sign out goes back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(`${BASE_URL}/logg-inn`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn som demobruker' }).waitFor();
    await page.goto(`${BASE_URL}/tjenester`);
    await page.waitForURL(`${BASE_URL}/logg-inn`);
  });
}

run(main, { totalTimeoutMs: 110_000 });
