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
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.MESTRING_E2E_URL ?? '').replace(/\/+$/, '');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT_MS = 20_000;
const TOTAL_TIMEOUT_MS = 110_000;
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 768, height: 1024 },
  { width: 375, height: 812 },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

const results = [];
let browser;

function summaryAndExit(code) {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(code ?? (failed > 0 ? 1 : 0));
}

const watchdog = setTimeout(async () => {
  console.error(`e2e: the whole run exceeded ${TOTAL_TIMEOUT_MS / 1000} s`);
  results.push({ name: 'whole run within time limit', status: 'failed' });
  await browser?.close().catch(() => {});
  summaryAndExit(1);
}, TOTAL_TIMEOUT_MS);
watchdog.unref();

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let blocked = false;
let currentPage;

/**
 * Runs one step. After a failed step the rest are skipped rather than run into timeouts,
 * except checks marked `blocking: false` (axe, widths), whose failure does not stop the run,
 * and `always` ones.
 */
async function step(name, fn, { blocking = true, always = false } = {}) {
  if (blocked && !always) {
    results.push({ name, status: 'skipped' });
    console.log(`- skip  ${name}`);
    return;
  }
  const started = Date.now();
  try {
    await withTimeout(fn(), STEP_TIMEOUT_MS, name);
    results.push({ name, status: 'passed' });
    console.log(`✔ pass  ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, status: 'failed' });
    console.log(`✘ FAIL  ${name}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' / ') : error}`);
    const shot = join(ARTIFACTS, `failure-${results.length}.png`);
    await currentPage?.screenshot({ path: shot, fullPage: true }).then(() => console.log(`        screenshot: ${shot}`)).catch(() => {});
    if (blocking) blocked = true;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function checkAccessibility(page, label) {
  const report = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const blocking = report.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  for (const violation of report.violations) {
    const mark = BLOCKING_IMPACTS.has(violation.impact ?? '') ? '!!' : '  ';
    console.log(`   ${mark} axe ${label}: [${violation.impact}] ${violation.id}: ${violation.help}`);
    for (const node of violation.nodes.slice(0, 5)) console.log(`        at ${node.target.join(' ')}`);
  }
  assert(blocking.length === 0, `${blocking.length} serious/critical axe violation(s) on ${label}`);
}

/** Screenshots at phone, tablet and desktop width, and no horizontal scrolling at any of them. */
async function checkWidths(page, label) {
  const overflowing = [];
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ARTIFACTS, `${label}-${size.width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) overflowing.push(`${size.width}px (+${overflow}px)`);
  }
  await page.setViewportSize(WIDTHS[0]);
  assert(overflowing.length === 0, `${label} scrolls sideways at ${overflowing.join(', ')}`);
}

async function main() {
  if (!BASE_URL) {
    console.error('e2e: set MESTRING_E2E_URL to the base URL of a running Mestring, e.g. http://127.0.0.1:8000');
    results.push({ name: 'configuration', status: 'failed' });
    summaryAndExit(2);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  console.log(`e2e: ${BASE_URL} with ${CHROMIUM_PATH}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
  const context = await browser.newContext({ viewport: WIDTHS[0], locale: 'nb-NO' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  currentPage = page;
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await step('sign-in page lists the demo users by municipality', async () => {
    await page.goto(`${BASE_URL}/logg-inn`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn som demobruker' }).waitFor();
    assert((await page.locator('html').getAttribute('lang')) === 'nb', 'html lang is not nb');
    const nordreFollo = page.getByRole('region', { name: 'Nordre Follo kommune' });
    await nordreFollo.getByRole('button', { name: /Saksbehandler/ }).waitFor();
    await page.getByRole('region', { name: 'Selbu kommune' }).getByRole('button').first().waitFor();
  });

  await step('sign-in page: no serious accessibility violations', () => checkAccessibility(page, 'sign-in'), {
    blocking: false,
  });
  await step('sign-in page fits phone, tablet and desktop', () => checkWidths(page, 'sign-in'), { blocking: false });

  await step('sign in as the caseworker in Nordre Follo', async () => {
    const region = page.getByRole('region', { name: 'Nordre Follo kommune' });
    await region.getByRole('button', { name: /Saksbehandler/ }).click();
    await page.waitForURL(`${BASE_URL}/`);
    await page.getByRole('heading', { level: 1, name: /^Velkommen/ }).waitFor();
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

  await step('service: no serious accessibility violations', () => checkAccessibility(page, 'service'), {
    blocking: false,
  });
  await step('service page fits phone, tablet and desktop', () => checkWidths(page, 'service'), { blocking: false });

  await step('the language picker switches to English and sets <html lang>', async () => {
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'Allocation criteria' }).waitFor();
    assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
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

  await step('no uncaught errors in the page', async () => {
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  }, { always: true });

  await browser.close();
  summaryAndExit();
}

main().catch(async (error) => {
  console.error(`e2e: ${error instanceof Error ? error.stack : error}`);
  results.push({ name: 'run', status: 'failed' });
  await browser?.close().catch(() => {});
  summaryAndExit(1);
});
