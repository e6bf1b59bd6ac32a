// The end-to-end harness both e2e scripts share: Debian's Chromium through playwright-core,
// steps with a time limit each and a watchdog over the whole run, axe (WCAG 2.1 A/AA; a serious
// or critical violation fails), screenshots at 1280, 768 and 375 px with no sideways scrolling,
// signing in as a demo user, and the closing line «e2e: N passed, M failed» (exit code non-zero
// on any failure).
//
// Env: MESTRING_E2E_URL (base URL of a running system, required) and CHROMIUM_PATH (default
// /usr/bin/chromium). Screenshots go to e2e/artifacts/.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.MESTRING_E2E_URL ?? '').replace(/\/+$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const STEP_TIMEOUT_MS = 20_000;
export const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 768, height: 1024 },
  { width: 375, height: 812 },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

const results = [];
let browser;
let blocked = false;
let currentPage;

function summaryAndExit(code) {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(code ?? (failed > 0 ? 1 : 0));
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs one step. After a failed step the rest are skipped rather than run into timeouts,
 * except checks marked `blocking: false` (axe, widths), whose failure does not stop the run,
 * and `always` ones.
 */
export async function step(name, fn, { blocking = true, always = false } = {}) {
  if (blocked && !always) {
    results.push({ name, status: 'skipped' });
    console.log(`- skip  ${name}`);
    return;
  }
  const started = Date.now();
  try {
    await withTimeout(fn(), STEP_TIMEOUT_MS);
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

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** `skipFrames`: selectors of frames axe leaves out (the sandboxed letter preview, which runs no scripts). */
export async function checkAccessibility(page, label, skipFrames = []) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of skipFrames) builder = builder.exclude(selector);
  const report = await builder.analyze();
  const blocking = report.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  for (const violation of report.violations) {
    const mark = BLOCKING_IMPACTS.has(violation.impact ?? '') ? '!!' : '  ';
    console.log(`   ${mark} axe ${label}: [${violation.impact}] ${violation.id}: ${violation.help}`);
    for (const node of violation.nodes.slice(0, 5)) console.log(`        at ${node.target.join(' ')}`);
  }
  assert(blocking.length === 0, `${blocking.length} serious/critical axe violation(s) on ${label}`);
}

/** Screenshots at phone, tablet and desktop width, and no horizontal scrolling at any of them. */
export async function checkWidths(page, label) {
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

/** The axe check and the three widths of one page, neither of which stops the run. */
export async function checkPage(page, label, { title = label, skipFrames = [] } = {}) {
  await step(`${title}: no serious accessibility violations`, () => checkAccessibility(page, label, skipFrames), { blocking: false });
  await step(`${title} fits phone, tablet and desktop`, () => checkWidths(page, label), { blocking: false });
}

/** Signs in from the sign-in page as the demo user of `municipality` with `role`, found as a person would. */
export async function signIn(page, { municipality = 'Nordre Follo', role = /Saksbehandler/ } = {}) {
  await page.goto(`${BASE_URL}/logg-inn`);
  const region = page.getByRole('region', { name: `${municipality} kommune` });
  // The first user listed in the role (the demo has two caseworkers per municipality).
  await region.getByRole('button', { name: role }).first().click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByRole('heading', { level: 1, name: /^Velkommen/ }).waitFor();
}

/**
 * Runs a script: checks the configuration, starts Chromium with one page (nb-NO, desktop width),
 * calls `body(page)`, then checks that the page threw no uncaught errors and prints the summary.
 * The watchdog fails the run when it takes longer than `totalTimeoutMs`.
 */
export function run(body, { totalTimeoutMs }) {
  const watchdog = setTimeout(async () => {
    console.error(`e2e: the whole run exceeded ${totalTimeoutMs / 1000} s`);
    results.push({ name: 'whole run within time limit', status: 'failed' });
    await browser?.close().catch(() => {});
    summaryAndExit(1);
  }, totalTimeoutMs);
  watchdog.unref();

  const main = async () => {
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

    await body(page);

    await step(
      'no uncaught errors in the page',
      async () => {
        assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
      },
      { always: true },
    );

    await browser.close();
    summaryAndExit();
  };

  main().catch(async (error) => {
    console.error(`e2e: ${error instanceof Error ? error.stack : error}`);
    results.push({ name: 'run', status: 'failed' });
    await browser?.close().catch(() => {});
    summaryAndExit(1);
  });
}
