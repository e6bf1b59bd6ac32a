// End-to-end: intake in Debian's Chromium against a running Mestring — find and register a
// person, open the person page, register an application and see its interim reply deadline;
// then record an assessment, write a decision for «Hjemmesykepleie», make it, register its
// delivery (appeal deadline) and download the decision letter as a PDF; then the worklist, and
// the decision is put into force («Sett i verk»); the home page's counts; the leader (leder-nordrefollo)
// offers a place on the waiting list and records it accepted. On the way: at 768 px the assessment's answers
// are saved as a draft and survive a reload; a decision sent for approval offers its sender no «Godkjenn» and
// the API refuses them (403); the second caseworker (saksbehandler2-nordrefollo) approves it in a dialog. It starts by searching for the demo surname «Hansen» and opening the first result.
//
//   MESTRING_E2E_URL=http://127.0.0.1:8000 node e2e/intake.e2e.mjs
//
// Env: MESTRING_E2E_URL (base URL of a running system, required) and CHROMIUM_PATH (default
// /usr/bin/chromium). It signs in as the caseworker of Nordre Follo (saksbehandler-nordrefollo)
// and registers a new person with a synthetic national id (Tenor: birth month + 80, valid mod-11
// check digits), so it can run again and again against the same database. The search page, the
// person form, the person page, the application form, the assessment form, the decision form and
// the decision page (the sandboxed letter preview left out) are checked with axe (WCAG 2.1 A/AA; a
// serious or critical violation fails) and screenshotted at 1280, 768 and 375 px into
// e2e/artifacts/, where no page may scroll sideways. The last line is «e2e: N passed, M failed»;
// the exit code is non-zero on any failure.
import { readFileSync } from 'node:fs';

import { BASE_URL, assert, checkAccessibility, checkPage, checkWidths, run, signIn, step } from './harness.mjs';


/** axe at phone, tablet and desktop width (a layout that only breaks small is still a violation). */
async function checkAccessibilityAtWidths(page, label, skip = [], widths = [375, 768, 1280]) {
  const failures = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.waitForTimeout(150);
    try {
      await checkAccessibility(page, `${label}-${width}`, skip);
    } catch (error) {
      failures.push(String(error?.message ?? error));
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assert(failures.length === 0, failures.join('; '));
}

/** Signs out and in again as the demo user of Nordre Follo named `name` (the app returns to the page it was on). */
async function switchUser(page, name) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/logg-inn/);
  await page.getByRole('region', { name: 'Nordre Follo kommune' }).getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('banner').getByText(name, { exact: true }).waitFor();
}

/** A call to intake's API with the signed-in user's token, for what the test sets up around the screens. */
async function api(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const token = sessionStorage.getItem('mestring.token');
      const response = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, etag: response.headers.get('ETag'), body: await response.json().catch(() => null) };
    },
    { method, path, body, headers },
  );
}

// ---------------------------------------------------------------------------------------------
// Test data: a synthetic person nobody real can have.

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 check digit for `digits` with `weights`; null when it would be 10 (no such number). */
function checkDigit(digits, weights) {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? null : String(digit);
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const randomInt = (min, max) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * A Tenor-style synthetic fødselsnummer: DD (MM + 80) YY, an individual number 000–499 (births
 * 1900–1999) and two check digits; a candidate whose check digit computes to 10 is skipped.
 */
function syntheticNationalId() {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const year = randomInt(1930, 1999);
    const month = randomInt(1, 12);
    const day = randomInt(1, 28);
    const individual = randomInt(0, 499);
    const base = `${pad(day)}${pad(month + 80)}${pad(year % 100)}${pad(individual, 3)}`;
    const first = checkDigit(base, WEIGHTS_1);
    if (first === null) continue;
    const second = checkDigit(base + first, WEIGHTS_2);
    if (second === null) continue;
    return { value: base + first + second, birthDate: `${year}-${pad(month)}-${pad(day)}` };
  }
  throw new Error('no synthetic national id found');
}

/** The same number with its last digit changed: 11 digits, wrong check digit. */
function withWrongCheckDigit(nationalId) {
  const last = Number(nationalId[10]);
  return nationalId.slice(0, 10) + String((last + 1) % 10);
}

function randomWord(length) {
  const letters = 'bcdfghjklmnprstv';
  let word = '';
  for (let i = 0; i < length; i++) word += letters[randomInt(0, letters.length - 1)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `YYYY-MM-DD` one calendar month after today (fvl § 11 a), the 31st clamped to the month's end. */
function oneMonthFromToday() {
  const now = new Date();
  const year = now.getFullYear() + (now.getMonth() === 11 ? 1 : 0);
  const month = (now.getMonth() + 1) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(now.getDate(), lastDay))}`;
}

function longNorwegianDate(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** `YYYY-MM-DD` `months` calendar months from today (the day clamped to the month's end). */
/** `YYYY-MM-DD` as a date field takes it: `dd.mm.åååå`. */
function asTyped(iso) {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

function inMonths(months) {
  const now = new Date();
  const target = new Date(Date.UTC(now.getFullYear(), now.getMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${target.getUTCFullYear()}-${pad(target.getUTCMonth() + 1)}-${pad(Math.min(now.getDate(), lastDay))}`;
}

const escapeRegExp = (value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------

async function main(page) {

  const nationalId = syntheticNationalId();
  const token = randomWord(7);
  const person = { given: 'Åse', family: `Nordli ${token}` };
  const fullName = `${person.given} ${person.family}`;
  const whatMatters = `Jeg vil bo hjemme og gå tur til butikken selv (${token}).`;
  const dueDate = longNorwegianDate(oneMonthFromToday());
  console.log(`e2e: registering ${fullName}, ${nationalId.value}; interim reply due ${dueDate}`);

  let personUrl = '';

  await step('sign in as the caseworker in Nordre Follo', () => signIn(page));

  await step('a search for the demo surname «Hansen» opens the first result’s person page', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Personer' }).click();
    await page.waitForURL(`${BASE_URL}/personer`);
    await page.getByRole('searchbox', { name: /Navn eller fødselsnummer/ }).fill('Hansen');
    const links = page.getByTestId('person-results').getByRole('link', { name: /Hansen/ });
    await links.first().waitFor();
    assert((await links.count()) >= 1, 'no result for «Hansen»');
    const name = ((await links.first().textContent()) ?? '').trim();
    await links.first().click();
    await page.waitForURL(/\/personer\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert(await page.getByRole('heading', { level: 1, name }).isVisible(), `the heading «${name}» is not visible`);
  });

  await step('«Personer» in the main menu opens the person search', async () => {
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Personer' }).click();
    await page.waitForURL(`${BASE_URL}/personer`);
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.getByRole('searchbox', { name: /Navn eller fødselsnummer/ }).waitFor();
    await page.getByText('Skriv inn navn eller fødselsnummer for å søke.').waitFor();
  });

  await step('a search nobody matches says so', async () => {
    await page.getByRole('searchbox').fill(`Zzq${token}`);
    await page.getByText(`Ingen personer passer til «Zzq${token}».`).waitFor();
    await page.getByRole('link', { name: 'Registrer en ny person' }).waitFor();
  });

  await step('search page: no serious accessibility violations', () => checkAccessibility(page, 'person-search'), {
    blocking: false,
  });
  await step('search page fits phone, tablet and desktop', () => checkWidths(page, 'person-search'), { blocking: false });

  await step('«Registrer ny person» opens the person form', async () => {
    await page.getByRole('link', { name: 'Registrer ny person', exact: true }).click();
    await page.waitForURL(`${BASE_URL}/personer/ny`);
    await page.getByRole('heading', { level: 1, name: 'Registrer ny person' }).waitFor();
  });

  await step('an empty form gets an error summary that takes focus', async () => {
    await page.getByRole('button', { name: 'Registrer person' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Fødselsnummer eller D-nummer må fylles ut.' }).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="error-summary"]') !== null);
    assert(focused, 'the error summary does not have focus');
    await summary.getByRole('link', { name: 'Fødselsnummer eller D-nummer må fylles ut.' }).click();
    const input = page.getByLabel('Fødselsnummer eller D-nummer');
    assert(await input.evaluate((el) => el === document.activeElement), 'the summary link did not move focus to the input');
  });

  await step('person form (with errors): no serious accessibility violations', () => checkAccessibility(page, 'person-form'), {
    blocking: false,
  });

  await step('a wrong check digit comes back from the API at the national id field', async () => {
    await page.getByLabel('Fødselsnummer eller D-nummer').fill(withWrongCheckDigit(nationalId.value));
    await page.getByLabel('Fornavn').fill(person.given);
    await page.getByLabel('Etternavn').fill(person.family);
    await page.getByRole('button', { name: 'Registrer person' }).click();
    const message = 'Fødselsnummeret er ikke gyldig. Sjekk at alle sifrene er riktige.';
    await page.getByTestId('error-summary').getByRole('link', { name: message }).waitFor();
    const input = page.getByLabel('Fødselsnummer eller D-nummer');
    assert((await input.getAttribute('aria-invalid')) === 'true', 'the national id input is not marked invalid');
    const description = await input.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    assert(description.includes(message), `the input is not described by the message (${description})`);
  });

  await step('fill in contact, interpreter, GP, a relative and a guardian', async () => {
    await page.getByLabel('Fødselsnummer eller D-nummer').fill(nationalId.value);
    await page.getByLabel('Gateadresse').fill('Kirkeveien 12');
    await page.getByLabel('Postnummer').fill('1400');
    await page.getByLabel('Poststed').fill('Ski');
    await page.getByLabel('Telefon', { exact: true }).fill('64 85 00 00');
    await page.getByLabel('Trenger tolk', { exact: true }).check();
    await page.getByLabel('Tolkespråk').fill('nordsamisk');
    await page.getByLabel('Fastlegens navn').fill('Kari Lege');
    await page.getByLabel('Legekontor', { exact: true }).fill('Ski legesenter');
    await page.getByRole('button', { name: 'Legg til pårørende' }).click();
    const relative = page.getByRole('group', { name: 'Pårørende 1' });
    await relative.getByLabel('Navn', { exact: true }).fill('Ola Nordli');
    await relative.getByLabel(/^Relasjon/).fill('sønn');
    await relative.getByLabel(/^Nærmeste pårørende/).check();
    await relative.getByRole('radio', { name: /^Praktiske opplysninger/ }).check();
    await page.getByRole('button', { name: 'Legg til verge eller fullmektig' }).click();
    const guardian = page.getByRole('group', { name: 'Verge eller fullmektig 1' });
    await guardian.getByLabel(/^Type/).selectOption('guardian');
    await guardian.getByLabel('Navn', { exact: true }).fill('Per Verge');
    await guardian.getByLabel(/^Hva gjelder/).fill('Økonomi');
  });

  await step('person form fits phone, tablet and desktop', () => checkWidths(page, 'person-form'), { blocking: false });

  await step('registering opens the new person page, with the full national id', async () => {
    await page.getByRole('button', { name: 'Registrer person' }).click();
    await page.waitForURL(/\/personer\/[0-9a-f-]{36}$/);
    personUrl = page.url();
    await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
    await page.getByText('Personen er registrert.').waitFor();
    const shown = (await page.getByTestId('national-id').textContent())?.replace(/\s/g, '');
    assert(shown === nationalId.value, `national id shown as ${shown}`);
  });

  await step('the person is found by part of the name', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Personer' }).click();
    await page.waitForURL(`${BASE_URL}/personer`);
    await page.getByRole('searchbox').fill(`nordli ${token.slice(0, 4).toLowerCase()}`);
    const results = page.getByTestId('person-results');
    const link = results.getByRole('link', { name: fullName });
    await link.waitFor();
    const row = results.getByRole('row').filter({ has: page.getByRole('link', { name: fullName }) });
    const masked = `${nationalId.value.slice(0, 6)}*****`;
    await row.getByText(masked).waitFor();
    await row.getByRole('cell', { name: 'Ski', exact: true }).waitFor();
    assert(!(await results.textContent())?.includes(nationalId.value), 'the full national id is shown in the results');
  });

  await step('search results: no serious accessibility violations', () => checkAccessibility(page, 'person-results'), {
    blocking: false,
  });
  await step('search results fit phone, tablet and desktop', () => checkWidths(page, 'person-results'), { blocking: false });

  await step('the result opens the person page with contact, GP, relatives and guardian', async () => {
    await page.getByTestId('person-results').getByRole('link', { name: fullName }).click();
    await page.waitForURL(personUrl);
    await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
    await page.getByText('Trenger tolk: nordsamisk').waitFor();
    await page.getByText('Kari Lege').waitFor();
    await page.getByRole('heading', { level: 3, name: /Ola Nordli/ }).waitFor();
    await page.getByText('Praktiske opplysninger').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Per Verge' }).waitFor();
    await page.getByText('Ingen søknader er registrert.').waitFor();
  });

  await step('person page: no serious accessibility violations', () => checkAccessibility(page, 'person-page'), {
    blocking: false,
  });

  await step('«Ny søknad» opens the application form, «Hva er viktig for deg?» first', async () => {
    await page.getByRole('link', { name: 'Ny søknad' }).click();
    await page.waitForURL(`${personUrl}/soknad/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny søknad' }).waitFor();
    await page.getByRole('checkbox', { name: 'Hjemmesykepleie' }).waitFor();
    const first = await page
      .getByRole('form', { name: 'Ny søknad' })
      .locator('input:not([type=hidden]), textarea, select')
      .first()
      .getAttribute('name');
    assert(first === 'what_matters', `the first field is ${first}`);
  });

  await step('application form: no serious accessibility violations', () => checkAccessibility(page, 'application-form'), {
    blocking: false,
  });
  await step('application form fits phone, tablet and desktop', () => checkWidths(page, 'application-form'), {
    blocking: false,
  });

  await step('register an application for «Hjemmesykepleie»', async () => {
    await page.getByLabel('Hva er viktig for deg?').fill(whatMatters);
    await page.getByLabel('Hvordan kom søknaden inn?').selectOption('phone');
    await page.getByRole('checkbox', { name: 'Hjemmesykepleie' }).check();
    await page.getByLabel(/^Personen samtykker/).check();
    await page.getByRole('button', { name: 'Registrer søknad' }).click();
    await page.waitForURL(personUrl);
  });

  await step('the person page shows the application with its interim reply date', async () => {
    const created = page.getByTestId('application-created');
    await created.waitFor();
    await created.getByText(new RegExp(escapeRegExp(dueDate))).waitFor();
    const card = page.getByTestId('application-card').filter({ hasText: whatMatters });
    await card.waitFor();
    await card.getByRole('heading', { level: 3, name: 'Hjemmesykepleie' }).waitFor();
    await card.getByText('Mottatt', { exact: true }).first().waitFor();
    await card.getByText(dueDate).waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-kind="application.received"]').waitFor();
    await timeline.locator('[data-kind="application.interim_reply_due"]').getByText(dueDate).waitFor();
  });

  // The access log is read by leaders and the caseworker of the person's open case: here, once the application is in.
  await step('the access log shows who looked', async () => {
    await page.getByText('Vis tilgangsloggen').click();
    const log = page.getByTestId('access-log');
    await log.waitFor();
    await log.getByRole('row').filter({ hasText: 'Registrering: personopplysninger' }).first().waitFor();
    await log.getByRole('row').filter({ hasText: 'Saksbehandler' }).first().waitFor();
  }, { blocking: false });

  await step('person page (with application): no serious accessibility violations', () => checkAccessibility(page, 'person-page-application'), {
    blocking: false,
  });
  await step('person page fits phone, tablet and desktop', () => checkWidths(page, 'person-page'), { blocking: false });

  // -------------------------------------------------------------------------------------------
  // Assessment, decision, letter.

  let decisionUrl = '';

  await step('«Kartlegg behov» opens the assessment form, «Hva er viktig for deg?» first', async () => {
    const card = page.getByTestId('application-card').filter({ hasText: whatMatters });
    await card.getByRole('link', { name: 'Kartlegg behov' }).click();
    await page.waitForURL(/\/soknad\/[0-9a-f-]{36}\/kartlegging$/);
    await page.getByRole('heading', { level: 1, name: 'Kartlegging' }).waitFor();
    await page.locator('fieldset[id^="assessment-scores-"]').first().waitFor();
    const first = await page
      .getByRole('form', { name: 'Kartlegging' })
      .locator('input:not([type=hidden]), textarea, select')
      .first()
      .getAttribute('name');
    assert(first === 'what_matters.0.text', `the first field is ${first}`);
  });

  await step('assessment form: no serious accessibility violations', () => checkAccessibility(page, 'assessment-form'), {
    blocking: false,
  });
  await step('assessment form fits phone, tablet and desktop', () => checkWidths(page, 'assessment-form'), { blocking: false });

  await step('at 768 px the answers are saved as a draft as you go, and survive a reload', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    // «Hva er viktig for deg?» starts from what the application said.
    const prefilled = await page.getByLabel('Mål 1').inputValue();
    assert(prefilled === whatMatters, `Mål 1 starts as «${prefilled}»`);
    await page.getByLabel('Mål 1').fill(`Gå tur med hunden hver dag (${token}).`);
    const first = page.locator('fieldset[id^="assessment-scores-"]').first();
    await first.locator('input[data-score="2"]').check();
    await page.getByTestId('draft-status').and(page.locator('[data-status="saved"]')).waitFor({ timeout: 15_000 });
    const bar = await page.getByTestId('save-bar').boundingBox();
    assert(bar && bar.y + bar.height <= 1024 + 1, 'the save bar is not at the bottom of the screen');
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    const restored = await page.getByLabel('Mål 1').inputValue();
    assert(restored === `Gå tur med hunden hver dag (${token}).`, `after the reload Mål 1 is «${restored}»`);
    assert(await page.locator('fieldset[id^="assessment-scores-"]').first().locator('input[data-score="2"]').isChecked(), 'the score was not restored');
    const small = await page.getByTestId('save-bar').getByRole('button').evaluateAll((buttons) =>
      buttons.map((b) => b.getBoundingClientRect()).filter((r) => r.height < 44).length,
    );
    assert(small === 0, `${small} button(s) in the save bar are under 44 px tall`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  // The assessment is long: one width per step, the score rows (checked at 1280 px above) left out to keep within the step's time.
  for (const width of [768, 375]) {
    await step(`assessment form with a draft: no serious accessibility violations at ${width} px`, () => checkAccessibilityAtWidths(page, 'assessment-draft', ['fieldset[id^="assessment-scores-"]'], [width]), {
      blocking: false,
    });
  }

  await step('record an assessment: what matters, every score and the rest', async () => {
    await page.getByLabel('Mål 1').fill(`Gå tur med hunden hver dag (${token}).`);
    await page.getByRole('button', { name: 'Legg til et mål' }).click();
    await page.getByLabel('Mål 2').fill('Lage middag selv.');
    const variables = page.locator('fieldset[id^="assessment-scores-"]');
    const count = await variables.count();
    assert(count >= 10, `only ${count} functional variables`);
    for (let i = 0; i < count; i++) {
      const fieldset = variables.nth(i);
      const score = (await fieldset.locator('input[data-score="3"]').count()) > 0 ? '3' : '2';
      await fieldset.locator(`input[data-score="${score}"]`).check();
    }
    await page.getByLabel('Personens egne ressurser').fill('Klarer seg godt med hjelpemidler.');
    await page.getByLabel('Nettverk', { exact: true }).fill('Sønn i nærheten.');
    await page.getByLabel('Hva pårørende bidrar med').fill('Handler en gang i uka.');
    await page.locator('input[name="housing.stairs"][value="yes"]').check();
    await page.locator('input[name="rehabilitation_potential"][value="yes"]').check();
    await page.getByLabel('Personen er positiv til velferdsteknologi').check();
    await page.getByRole('checkbox', { name: 'Trygghetsalarm' }).check();
    await page.locator('input[name="nutrition_risk"][value="some"]').check();
    await page.locator('input[name="fall_risk"][value="high"]').check();
    await page.getByLabel('Vurdert behov (timer per uke)').fill('4');
    await page.getByRole('button', { name: 'Lagre kartleggingen' }).click();
    const result = page.getByTestId('assessment-result');
    await result.waitFor();
    const level = (await result.getByTestId('need-level').textContent()) ?? '';
    assert(/bistandsbehov/.test(level), `need level shown as «${level}»`);
    await result.getByText('Sett i gang fallforebygging').waitFor();
  });

  await step('«Skriv vedtak» opens the decision form with suggestions and the service rules', async () => {
    await page.getByTestId('assessment-result').getByRole('link', { name: 'Skriv vedtak: Hjemmesykepleie' }).click();
    await page.waitForURL(/\/vedtak\/ny\?tjeneste=hjemmesykepleie$/);
    await page.getByRole('heading', { level: 1, name: /^Nytt vedtak/ }).waitFor();
    await page.getByTestId('suggestion').first().waitFor();
    await page.getByTestId('service-rules').waitFor();
    await page.getByLabel('Omfang (Besøk per dag)').waitFor();
  });

  await step('decision form: no serious accessibility violations', () => checkAccessibility(page, 'decision-form'), {
    blocking: false,
  });
  await step('decision form fits phone, tablet and desktop', () => checkWidths(page, 'decision-form'), { blocking: false });

  await step('save the decision as a draft', async () => {
    await page.getByRole('radio', { name: 'Innvilget', exact: true }).check();
    await page.getByLabel('Omfang (Besøk per dag)').fill('2');
    // Dates are typed dd.mm.åååå whatever the browser's locale.
    await page.getByLabel('Fra dato').fill(asTyped(inMonths(0)));
    await page.getByLabel('Evalueres innen').fill(asTyped(inMonths(3)));
    // «Utførende enhet» is a choice of the catalogue's units for the service (free text only where it lists none).
    const unit = page.getByLabel('Utførende enhet');
    if ((await unit.evaluate((element) => element.tagName)) === 'SELECT') await unit.selectOption({ index: 1 });
    else await unit.fill('Hjemmesykepleien Ski');
    await page.getByLabel('Navn', { exact: true }).fill('Kari Kontakt');
    await page.getByLabel('Telefon', { exact: true }).fill('64 85 00 01');
    await page.getByLabel('Faktiske forhold', { exact: true }).fill(`Kartleggingen viser behov for hjelp med legemidler og stell (${token}).`);
    await page.getByLabel('Vurdering', { exact: true }).fill('Kriteriene for hjemmesykepleie er oppfylt. Lavere nivå er ikke nok.');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await page.waitForURL(/\/vedtak\/[0-9a-f-]{36}$/);
    decisionUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Vedtak: Hjemmesykepleie' }).waitFor();
    await page.getByTestId('decision-status').getByText('Utkast').waitFor();
    await page.getByTestId('letter-preview').waitFor();
  });

  await step('decision page: no serious accessibility violations', () => checkAccessibility(page, 'decision-page', ['[data-testid="letter-preview"]']), {
    blocking: false,
  });

  await step('sent for approval, the sender sees no «Godkjenn» (another caseworker approves), and the API refuses them', async () => {
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await page.getByTestId('decision-status').getByText('Til godkjenning').waitFor();
    await page.getByTestId('approval-by-another').waitFor();
    assert((await page.getByRole('button', { name: 'Godkjenn og fatt vedtak' }).count()) === 0, 'the sender is offered «Godkjenn»');
    const id = decisionUrl.split('/').pop();
    const read = await api(page, 'GET', `/api/intake/v1/decisions/${id}`);
    const refused = await api(page, 'POST', `/api/intake/v1/decisions/${id}/make`, undefined, { 'If-Match': read.etag });
    assert(refused.status === 403, `the sender's own approval answered ${refused.status}`);
  });

  await step('the second caseworker of Nordre Follo (Henrik Lunde) signs in and is offered «Godkjenn»', async () => {
    await switchUser(page, 'Henrik Lunde');
    await page.goto(decisionUrl);
    await page.getByTestId('decision-status').getByText('Til godkjenning').waitFor();
    assert((await page.getByTestId('approval-by-another').count()) === 0, 'the second caseworker is told another must approve');
    await page.getByRole('button', { name: 'Godkjenn og fatt vedtak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Godkjenne og fatte vedtaket?' });
    await dialog.waitFor();
    // Measure contrast once the dialog has faded in, not half-way through its animation.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    await checkAccessibility(page, 'approve-decision-dialog', ['[data-testid="letter-preview"]']);
    await dialog.getByRole('button', { name: 'Godkjenn og fatt vedtak' }).click();
    await page.getByTestId('decision-status').getByText('Fattet').waitFor();
  });

  await step('the first caseworker signs in again and finds the decision made', async () => {
    await switchUser(page, 'Ingrid Solberg');
    await page.goto(decisionUrl);
    await page.getByTestId('decision-status').getByText('Fattet').waitFor();
  });

  await step('«Registrer utsending» shows the appeal deadline', async () => {
    await page.getByLabel('Hvordan ble vedtaket sendt?').selectOption('post');
    await page.getByRole('button', { name: 'Registrer utsending' }).click();
    const done = page.getByTestId('delivery-done');
    await done.waitFor();
    await done.getByText(/^Klagefristen er \d{1,2}\. \p{L}+ \d{4}\.$/u).waitFor();
    await page.getByTestId('appeal-deadline').waitFor();
  });

  await step('«Last ned vedtaksbrev (PDF)» downloads a PDF', async () => {
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => /\/decisions\/[0-9a-f-]{36}\/letter$/.test(r.url()) && r.request().headers().accept === 'application/pdf'),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned vedtaksbrev (PDF)' }).click(),
    ]);
    assert(response.status() === 200, `the letter answered ${response.status()}`);
    assert((response.headers()['content-type'] ?? '').startsWith('application/pdf'), `content type ${response.headers()['content-type']}`);
    const body = readFileSync(await download.path());
    assert(body.length > 500 && body.subarray(0, 5).toString() === '%PDF-', `not a PDF (${body.length} bytes)`);
    assert(download.suggestedFilename().endsWith('.pdf'), `download named ${download.suggestedFilename()}`);
  });

  await step('decision page (sent): no serious accessibility violations', () => checkAccessibility(page, 'decision-page-sent', ['[data-testid="letter-preview"]']), {
    blocking: false,
  });
  await step('decision page fits phone, tablet and desktop', () => checkWidths(page, 'decision-page'), { blocking: false });

  await step('the person page lists the decision with its status', async () => {
    await page.getByRole('link', { name: `Tilbake til ${fullName}` }).click();
    await page.waitForURL(personUrl);
    const card = page.getByTestId('decision-card').filter({ hasText: 'Hjemmesykepleie' });
    await card.getByText('Sendt', { exact: true }).waitFor();
    await card.getByRole('link', { name: 'Hjemmesykepleie' }).waitFor();
  });

  await step('«Arbeidsliste» in the main menu lists tasks, overdue first with «Forfalt»', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Arbeidsliste' }).click();
    await page.waitForURL(`${BASE_URL}/arbeidsliste`);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    // The scope lives in the address (?vis=all): the radio is checked once the page has moved.
    await page.getByRole('radio', { name: 'Alle' }).click();
    await page.waitForURL(/[?&]vis=all/);
    await page.getByRole('radio', { name: 'Alle', checked: true }).waitFor();
    await page.getByTestId('worklist-counts').waitFor();
    const cards = page.getByTestId('worklist').getByTestId('worklist-item');
    await cards.first().waitFor();
    const overdue = await cards.evaluateAll((elements) => elements.map((card) => card.hasAttribute('data-overdue')));
    assert(overdue.length <= 20, `the worklist shows ${overdue.length} cards on one page`);
    const firstOnTime = overdue.indexOf(false);
    assert(firstOnTime === -1 || !overdue.slice(firstOnTime).includes(true), 'an overdue task comes after one on time');
    if (overdue[0]) await cards.first().getByText('Forfalt', { exact: true }).waitFor();
    // Twenty at a time: «Vis flere» asks the API for the next page and adds it below.
    const more = page.getByTestId('worklist-more');
    if ((await more.count()) > 0) {
      await more.click();
      await page.waitForFunction((shown) => document.querySelectorAll('[data-testid="worklist-item"]').length > shown, overdue.length);
    }
    // A kind of task chosen is kept in the address (?type=…) and asked of the API.
    const chip = page.getByRole('group', { name: 'Type oppgave' }).getByRole('checkbox').first();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/intake/v1/worklist') && r.url().includes('kind=')),
      // A click, not check(): the box is checked once the address has changed, a moment later.
      chip.click(),
    ]);
    assert(response.status() === 200, `the worklist filtered by kind answered ${response.status()}`);
    await page.waitForURL(/[?&]type=[a-z_]+/);
    await page.getByRole('group', { name: 'Type oppgave' }).getByRole('checkbox', { checked: true }).first().click();
    await page.waitForURL((url) => !url.search.includes('type='));
  });

  await step('the worklist at 375 px: cards, no sideways scrolling, and not a page of 19,000 px', async () => {
    // One page of tasks, as it opens (the step above asked for more).
    await page.reload();
    await page.getByTestId('worklist').getByTestId('worklist-item').first().waitFor();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(150);
    const { overflow, height } = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight,
    }));
    await page.setViewportSize({ width: 1280, height: 900 });
    assert(overflow <= 1, `the worklist scrolls sideways by ${overflow}px at 375 px`);
    assert(height < 8000, `the worklist is ${height}px tall at 375 px`);
  });

  await step('worklist: no serious accessibility violations', () => checkAccessibility(page, 'worklist'), { blocking: false });
  await step('worklist fits phone, tablet and desktop', () => checkWidths(page, 'worklist'), { blocking: false });

  await step('«Sett i verk» on the sent decision shows «Iverksatt»', async () => {
    await page.goto(decisionUrl);
    await page.getByRole('heading', { level: 1, name: 'Vedtak: Hjemmesykepleie' }).waitFor();
    await page.getByTestId('decision-status').getByText('Sendt', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sett i verk' }).click();
    await page.getByTestId('decision-status').getByText('Iverksatt', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Registrer evaluering' }).waitFor();
  });

  await step('the home page shows the caseworker’s counts from the worklist', async () => {
    await page.goto(`${BASE_URL}/`);
    const summary = page.getByTestId('worklist-summary');
    await summary.getByTestId('count-overdue').waitFor();
    await summary.getByText('venter på godkjenning').waitFor();
  });

  await step('the leader of Nordre Follo signs in', async () => {
    // Signed in again, the app returns to the page it was on, so not the harness's signIn (which waits for «/»).
    await switchUser(page, 'Kari Nordby');
  });

  let offered = false;
  await step('the leader offers a place on the waiting list and records it accepted (with If-Match)', async () => {
    await page.goto(`${BASE_URL}/venteliste`);
    await page.getByRole('heading', { level: 1, name: 'Venteliste' }).waitFor();
    const waiting = page.getByTestId('waiting-entry').and(page.locator('[data-status="waiting"]'));
    await page.getByTestId('waiting-list').or(page.getByText('Ingen står på venteliste.')).first().waitFor();
    if ((await waiting.count()) === 0) return; // the demo data has nobody waiting in the leader's view
    const entry = waiting.first();
    const name = (await entry.getByRole('heading').innerText()).trim();
    await entry.getByRole('button', { name: /^Tilby plass/ }).click();
    const form = page.getByRole('form', { name: `Tilby plass for ${name}` });
    await form.getByLabel('Enhet som tilbys').fill('Ski sykehjem');
    await form.getByRole('button', { name: 'Tilby plass' }).click();
    const card = page.getByTestId('waiting-entry').filter({ has: page.getByRole('heading', { name }) });
    await card.getByText('Tilbudt plass', { exact: true }).waitFor();
    await card.getByRole('button', { name: /^Takket ja/ }).click();
    // An accepted place leaves the list of those waiting; the page says the list is updated.
    await card.waitFor({ state: 'detached' });
    await page.getByText('Ventelisten er oppdatert.').waitFor();
    offered = true;
  });

  if (offered) await page.getByTestId('waiting-list').or(page.getByText('Ingen står på venteliste.')).first().waitFor();
  for (const width of [1280, 768, 375]) {
    await step(`waiting list (leader): no serious accessibility violations at ${width} px`, () => checkAccessibilityAtWidths(page, 'waiting-list-leader', [], [width]), {
      blocking: false,
    });
  }
  await step('waiting list fits phone, tablet and desktop', () => checkWidths(page, 'waiting-list-leader'), { blocking: false });

  // Nødtilgang: a clinician whose unit serves a person not at all is told why and may open
  // emergency access with a category and a reason; the leader of the unit reviews it.
  const stranger = { given: 'Nils', family: `Brekke ${randomWord(7)}` };
  const reason = `Personen falt i trappen og trenger hjelp nå (${token}).`;
  let strangerUrl = '';
  await step('the caseworker registers a person no unit serves', async () => {
    await switchUser(page, 'Ingrid Solberg');
    const body = { national_id: syntheticNationalId().value, given_name: stranger.given, family_name: stranger.family };
    const created = await api(page, 'POST', '/api/intake/v1/persons', body, { 'Idempotency-Key': crypto.randomUUID() });
    assert(created.status === 201, `registering: ${created.status} ${JSON.stringify(created.body)}`);
    strangerUrl = `${BASE_URL}/personer/${created.body.id}`;
  });

  await step('the clinician without a relation is told why, and the dialog asks for a category and a reason', async () => {
    await switchUser(page, 'Aisha Rahman');
    await page.goto(strangerUrl);
    const gate = page.getByTestId('emergency-gate');
    await gate.getByRole('heading', { level: 1, name: 'Du har ikke tjenstlig behov' }).waitFor();
    await gate.getByRole('button', { name: 'Åpne nødtilgang' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Åpne nødtilgang i/ }).click();
    await dialog.getByText('Velg hvorfor du trenger tilgang').first().waitFor();
  });
  await checkPage(page, 'emergency-access-dialog', { title: 'emergency access dialog (with errors)' });

  await step('with «Akutt hjelp» and a sentence of reason the person opens', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^Akutt hjelp/ }).check();
    await dialog.getByRole('textbox', { name: 'Begrunnelse' }).fill(reason);
    await dialog.getByRole('button', { name: /^Åpne nødtilgang i/ }).click();
    await page.getByTestId('emergency-gate').waitFor({ state: 'detached' });
    await page.getByText(stranger.family).first().waitFor();
  });

  await step('the leader finds it under «Nødtilgang», with the reason, and approves it', async () => {
    await switchUser(page, 'Kari Nordby');
    await page.getByRole('navigation').getByRole('link', { name: 'Nødtilgang' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nødtilganger og uvanlig bruk' }).waitFor();
    const card = page.getByTestId('emergency-access').filter({ hasText: reason });
    await card.getByText('Aisha Rahman').waitFor();
    await card.getByRole('button', { name: 'Godkjenn' }).click();
    // Approved, it leaves the list of those awaiting review; «Alle» shows it approved by the leader.
    await card.waitFor({ state: 'detached' });
    await page.getByLabel('Vis', { exact: true }).selectOption('all');
    await card.getByText('Gjennomgått av Kari Nordby').waitFor();
  });
  await checkPage(page, 'emergency-access-review', { title: 'emergency access review' });
}

run(main, { totalTimeoutMs: 300_000 });
