// End-to-end: user and relatives' surveys in Debian's Chromium against a running Mestring. The
// kvalitetsleder in Nordre Follo makes a survey for Hjemmetjenesten Ski from the starter questions
// and makes the unit's link. The link is opened in fresh browser contexts with no sign-in (as a
// user or relative would on a phone, 375 px) and answered five times; the kvalitetsleder then sees
// the results with the numbers behind them (n, the distribution and mean, the free texts). The
// list, the form, the survey page and the answering page are checked with axe (WCAG 2.1 A/AA; a
// serious or critical violation fails) and may not scroll sideways at 1280, 768 and 375 px.
//
//   MESTRING_E2E_URL=http://127.0.0.1:8000 node e2e/surveys.e2e.mjs
import { BASE_URL, assert, checkAccessibility, checkWidths, run, signIn, step } from './harness.mjs';

const token = Math.random().toString(36).slice(2, 8);
const TITLE = `Hvordan opplever du hjemmetjenesten? (${token})`;
const PHONE = { width: 375, height: 800 };
const GRADES = [5, 4, 4, 3, 5];

async function checkPage(page, label) {
  await step(`${label}: no serious accessibility violations`, () => checkAccessibility(page, label), { blocking: false });
  await step(`${label} fits phone, tablet and desktop`, () => checkWidths(page, label), { blocking: false });
}

/** The answering page in a fresh context (no session): axe and the three widths, before anyone answers. */
async function checkAnswerPage(browser, link) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'nb-NO' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  try {
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await checkAccessibility(page, 'survey-answer-page');
    await checkWidths(page, 'survey-answer-page');
  } finally {
    await context.close();
  }
}

/** One anonymous answer through the link, in a browser context of its own: no token, no session. */
async function answerOnce(browser, link, grade, index) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'nb-NO' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert((await page.evaluate(() => sessionStorage.getItem('mestring.token'))) === null, 'the answering page has a session');
    const safe = page.getByRole('group', { name: /Føler du deg trygg når du får hjelp fra oss\?/ });
    const choice = safe.getByRole('radio', { name: new RegExp(`^${grade}`) });
    await choice.check();
    const box = await choice.evaluate((el) => el.closest('label, .ds-field')?.getBoundingClientRect().height ?? 0);
    assert(box >= 44, `a scale choice is ${box} px high on a phone`);
    await page.getByRole('group', { name: /Har de som hjelper deg nok tid\?/ }).getByRole('radio', { name: grade >= 4 ? 'Ja' : 'Nei' }).check();
    await page.getByRole('textbox', { name: /Er det noe du vil fortelle oss/ }).fill(`Svar ${index + 1}: kom for sent på søndag (${token}).`);
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await page.getByRole('heading', { level: 1, name: 'Takk for svaret!' }).waitFor();
    if (index === 0) {
      await checkAccessibility(page, 'survey-answer-thanks');
      await checkWidths(page, 'survey-answer-thanks');
    }
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

async function main(page) {
  let link = '';
  console.log(`e2e: survey marked ${token}`);

  await step('sign in as the kvalitetsleder in Nordre Follo', () => signIn(page, { role: /Kvalitetsleder/ }));

  await step('«Undersøkelser» under «Avvik» lists the surveys, the demo ones too', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Avvik' }).click();
    await page.getByRole('navigation', { name: 'Avvik' }).getByRole('link', { name: 'Undersøkelser' }).click();
    await page.waitForURL(`${BASE_URL}/avvik/undersokelser`);
    await page.getByRole('heading', { level: 1, name: 'Bruker- og pårørendeundersøkelser' }).waitFor();
    await page.getByTestId('surveys').getByRole('link', { name: 'Hvordan opplever du hjemmetjenesten?', exact: true }).waitFor();
  });

  await checkPage(page, 'survey-list');

  await step('a new survey for Hjemmetjenesten Ski starts from the starter questions', async () => {
    await page.getByRole('link', { name: 'Ny undersøkelse' }).click();
    await page.waitForURL(`${BASE_URL}/avvik/undersokelser/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny undersøkelse' }).waitFor();
    await page.getByRole('option', { name: 'Hjemmetjenesten Ski' }).waitFor({ state: 'attached' });
    await page.getByLabel('Enhet', { exact: true }).selectOption('hjemmetjenesten-ski');
    await page.getByLabel('Tittel (bokmål)').fill(TITLE);
    await page.getByLabel('Tittel (nynorsk)').fill(`Korleis opplever du heimetenesta? (${token})`);
    await page.getByLabel('Innledning (bokmål)').fill('Svarene hjelper oss å gjøre tjenesten bedre. Svaret er anonymt.');
    assert((await page.getByLabel('Spørsmål 1 (bokmål)').inputValue()) === 'Føler du deg trygg når du får hjelp fra oss?', 'the starter question is missing');
  });

  await checkPage(page, 'survey-form');

  await step('creating it opens the survey; the unit’s link is made', async () => {
    await page.getByRole('button', { name: 'Lag undersøkelsen' }).click();
    await page.waitForURL(/\/avvik\/undersokelser\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByTestId('survey-state').getByText('Åpen for svar').waitFor();
    await page.getByTestId('make-link').click();
    const anchor = page.getByTestId('survey-link').first();
    await anchor.waitFor();
    link = (await anchor.getAttribute('href')) ?? '';
    assert(link.startsWith(`${BASE_URL}/svar/3207/`), `the link is ${link}`);
    await page.getByTestId('results-suppressed').waitFor();
  });

  await checkPage(page, 'survey-page-empty');

  const browser = page.context().browser();
  await step('the answering page, opened without signing in: no serious accessibility violations and no sideways scrolling', async () => {
    assert(browser, 'no browser');
    await checkAnswerPage(browser, link);
  });
  for (const [index, grade] of GRADES.entries()) {
    await step(`person ${index + 1} of ${GRADES.length} answers through the link on a phone, without signing in`, async () => {
      assert(browser, 'no browser');
      await answerOnce(browser, link, grade, index);
    });
  }

  await step('the kvalitetsleder sees the results with the numbers behind them', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByTestId('results-n').getByText('5', { exact: true }).waitFor();
    assert((await page.getByTestId('results-suppressed').count()) === 0, 'five answers are still suppressed');
    const safe = page.getByTestId('result-q1');
    await safe.getByText('5 har svart.').waitFor();
    await page.getByTestId('mean-q1').getByText('Gjennomsnitt: 4,2 av 5').waitFor();
    await safe.getByRole('row').filter({ hasText: /^4/ }).getByRole('cell', { name: '2', exact: true }).waitFor();
    await page.getByTestId('result-q4').getByText(`Svar 1: kom for sent på søndag (${token}).`).waitFor();
  });

  await checkPage(page, 'survey-page-results');

  await step('a free text is reported as a deviation of the unit', async () => {
    const text = page.getByTestId('result-q4').getByRole('listitem').filter({ hasText: `Svar 1: kom for sent på søndag (${token}).` });
    await text.getByRole('button', { name: 'Meld som avvik' }).click();
    const form = text.getByRole('form', { name: 'Meld tilbakemeldingen som avvik' });
    await form.getByLabel('Type avvik').selectOption('service_not_delivered');
    await form.getByRole('button', { name: 'Meld avvik' }).click();
    await text.getByRole('link', { name: 'Meldt som avvik – se avviket' }).click();
    await page.waitForURL(/\/avvik\/[0-9a-f-]{36}$/);
    await page.getByText(`Svar 1: kom for sent på søndag (${token}).`, { exact: false }).waitFor();
  });

}

run(main, { totalTimeoutMs: 220_000 });
