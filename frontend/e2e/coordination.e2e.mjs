// End-to-end: coordination in Debian's Chromium against a running Mestring — a koordinator
// takes a request from the koordinerende enhet's inbox, a draft individual plan opens; the
// koordinator writes two goals in the person's own words and a measure, records the person's
// consent, calls an ansvarsgruppe meeting, writes its minutes with a decision (which becomes a
// measure) and approves them, and activates the plan; then the print view for the person and
// the worklist.
//
//   MESTRING_E2E_URL=http://127.0.0.1:8000 node e2e/coordination.e2e.mjs
//
// The person and the request are prepared through the APIs as the caseworker of Nordre Follo
// (a synthetic national id, so the script can run again and again against the same database);
// everything after that is done in the browser as the demo koordinator (koordinator-nordrefollo).
// The inbox, the plan page and the print view are checked with axe (WCAG 2.1 A/AA; a serious or
// critical violation fails) and at 375, 768 and 1280 px with no sideways scrolling.
import { BASE_URL, assert, checkPage, run, signIn, step } from './harness.mjs';

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const pad = (n, width = 2) => String(n).padStart(width, '0');
const randomInt = (min, max) => min + Math.floor(Math.random() * (max - min + 1));

function checkDigit(digits, weights) {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? null : String(digit);
}

/** A Tenor-style synthetic fødselsnummer (birth month + 80) with valid check digits. */
function syntheticNationalId() {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const base = `${pad(randomInt(1, 28))}${pad(randomInt(1, 12) + 80)}${pad(randomInt(40, 99))}${pad(randomInt(0, 499), 3)}`;
    const first = checkDigit(base, WEIGHTS_1);
    if (first === null) continue;
    const second = checkDigit(base + first, WEIGHTS_2);
    if (second !== null) return base + first + second;
  }
  throw new Error('no synthetic national id found');
}

function isoDaysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function api(method, path, token, body) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

async function tokenFor(username) {
  const response = await fetch(`${BASE_URL}/api/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  assert(response.ok, `no token for ${username}`);
  return (await response.json()).access_token;
}

async function main(page) {
  const token = Math.random().toString(36).slice(2, 8);
  const person = { given: 'Sigrid', family: `Koordli ${token}` };
  const fullName = `${person.given} ${person.family}`;

  await step('a relative’s request for an individual plan is waiting in the inbox (prepared through the APIs)', async () => {
    const caseworker = await tokenFor('saksbehandler-nordrefollo');
    const registered = await api('POST', '/api/intake/v1/persons', caseworker, {
      national_id: syntheticNationalId(),
      given_name: person.given,
      family_name: person.family,
      address: { street: 'Kirkeveien 3', postcode: '1400', city: 'Ski' },
    });
    await api('POST', '/api/coordination/v1/requests', caseworker, {
      person_id: registered.id,
      source: 'relative',
      wants_plan: true,
      wants_coordinator: true,
      received_on: isoDaysFromToday(-400),
      submitted_by: 'Datter',
      description: `Mor har hjemmesykepleie og dagsenter, og ingen som holder i trådene (${token}).`,
    });
  });

  await step('sign in as the koordinator in Nordre Follo', () => signIn(page, { role: /Koordinator/ }));

  await step('«Koordinering» in the main menu opens the inbox, longest waiting first', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Koordinering' }).click();
    await page.waitForURL(`${BASE_URL}/koordinering`);
    await page.getByRole('heading', { level: 1, name: 'Koordinerende enhet' }).waitFor();
    const first = page.getByTestId('inbox').getByRole('heading', { level: 2 }).first();
    await first.waitFor();
    assert(((await first.textContent()) ?? '').includes(fullName), 'the request that waited longest is not first');
  });

  await checkPage(page, 'coordination-inbox', { title: 'inbox' });

  await step('the koordinator takes the request: granted with reasons, a draft plan opens', async () => {
    await page.getByRole('button', { name: `Vurder henvendelsen for ${fullName}` }).click();
    const form = page.getByRole('form', { name: `Ta saken for ${fullName}` });
    await form.getByLabel(/Begrunnelse/).fill('Langvarige tjenester fra hjemmesykepleien og dagsenteret.');
    await form.getByRole('button', { name: 'Innvilg og bli koordinator' }).click();
    await page.waitForURL(/\/koordinering\/planer\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `Individuell plan for ${fullName}` }).waitFor();
    assert((await page.getByTestId('plan-status').textContent())?.includes('Utkast'), 'the plan is not a draft');
  });

  await step('two goals in the person’s own words and a measure are saved as a new version', async () => {
    const form = page.getByRole('form', { name: 'Rediger planen' });
    await form.getByRole('button', { name: 'Legg til mål' }).click();
    await form.getByLabel('Livsområde for mål 1').selectOption('daily_living');
    await form.getByLabel('Mål 1 med personens egne ord').fill('Jeg vil gå tur med hunden hver dag.');
    await form.getByRole('button', { name: 'Legg til mål' }).click();
    await form.getByLabel('Livsområde for mål 2').selectOption('social');
    await form.getByLabel('Mål 2 med personens egne ord').fill('Jeg vil synge i koret på torsdager.');
    await form.getByRole('button', { name: 'Legg til tiltak' }).click();
    await form.getByLabel('Tiltak 1').fill('Følge til koret');
    await form.getByLabel('Hvem har ansvaret').selectOption('relative');
    await form.getByLabel('Ansvarlig enhet eller instans').fill('Datter');
    await form.getByLabel('Frist').fill(isoDaysFromToday(30));
    await form.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await page.getByText('Lagret som versjon 2.').waitFor();
  });

  await step('the person’s consent is recorded', async () => {
    const form = page.getByRole('form', { name: 'Registrer personens samtykke' });
    await form.getByRole('button', { name: 'Registrer personens samtykke' }).click();
    await page.getByTestId('consents').getByText('Gjelder', { exact: true }).waitFor();
  });

  await step('an ansvarsgruppe meeting is held: minutes with a decision, approved by the koordinator', async () => {
    const call = page.getByRole('form', { name: 'Kall inn til møte' });
    await call.getByLabel('Saker').fill('Hvordan går det?\nMål og tiltak');
    await call.getByRole('button', { name: 'Kall inn til møte' }).click();
    const minutes = page.getByRole('form', { name: 'Referat fra møtet' });
    await minutes.waitFor();
    await minutes.getByLabel('Referat', { exact: true }).fill('Vi gikk gjennom målene. Sigrid vil begynne i koret.');
    await minutes.getByRole('button', { name: 'Legg til vedtak' }).click();
    await minutes.getByLabel('Vedtak 1').fill('Søke om støttekontakt');
    await minutes.getByLabel('Ansvarlig enhet eller instans').fill('Tildelingskontoret');
    await minutes.getByLabel('Ansvarlig person').fill('Ingrid Solberg');
    await minutes.getByLabel('Frist').fill(isoDaysFromToday(14));
    await minutes.getByRole('button', { name: 'Lagre referat' }).click();
    await page.getByRole('button', { name: 'Godkjenn referatet' }).click();
    await page.getByTestId('meeting').getByText('Referat godkjent').waitFor();
    await page.getByRole('form', { name: 'Rediger planen' }).getByLabel('Tiltak 2').waitFor();
  });

  await step('the plan is activated (it has consent and goals)', async () => {
    await page.getByRole('button', { name: 'Ta planen i bruk' }).click();
    await page.getByTestId('plan-status').getByText('Aktiv').waitFor();
  });

  await step('the versions can be compared', async () => {
    const changes = page.getByTestId('changes');
    await changes.waitFor();
    assert((await changes.textContent())?.includes('Utkast'), 'the comparison does not show the status change');
  });

  await checkPage(page, 'coordination-plan', { title: 'plan page' });

  await step('the print view speaks to the person in plain words', async () => {
    await page.getByRole('link', { name: 'Utskrift for personen' }).click();
    await page.getByRole('heading', { level: 1, name: `Min plan – ${fullName}` }).waitFor();
    await page.getByText('«Jeg vil gå tur med hunden hver dag.»').waitFor();
    await page.getByText(/Martin Haugen er koordinatoren din/).waitFor();
  });

  await checkPage(page, 'coordination-print', { title: 'print view' });

  await step('the worklist shows the caseload with the new plan', async () => {
    await page.goto(`${BASE_URL}/koordinering/arbeidsliste`);
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste for koordinering' }).waitFor();
    await page.getByTestId('caseload').getByRole('link', { name: fullName }).waitFor();
  });

  await checkPage(page, 'coordination-worklist', { title: 'worklist' });
}

run(main, { totalTimeoutMs: 150_000 });
