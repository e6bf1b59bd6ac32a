// End-to-end: coordination in Debian's Chromium against a running Mestring — a clinician reports a
// need for coordination on a tablet and it reaches the koordinerende enhet's inbox; a koordinator
// takes a request from the koordinerende enhet's inbox, a draft individual plan opens; the
// koordinator writes two goals in the person's own words and two measures (one for a unit from the
// catalogue, owned by the koordinator by name), records the person's
// consent, calls an ansvarsgruppe meeting, writes its minutes with a decision (which becomes a
// measure) and approves them, and activates the plan; then the print view for the person and
// the worklist.
//
//   MESTRING_E2E_URL=http://127.0.0.1:8000 node e2e/coordination.e2e.mjs
//
// The person (with a guardian and a daughter) and the request are prepared through the APIs as the
// caseworker of Nordre Follo, the decision through intake's import as the integration user, and a
// leaving koordinator with one person of their own through coordination's API (synthetic national
// ids and names marked with a random token, so the script can run again and again against the same
// database); everything else is done in the browser as the demo koordinator
// (koordinator-nordrefollo). Every screen is checked with axe (WCAG 2.1 A/AA; a serious or
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

/** dd.mm.åååå, as a person types a date in the shared date field. */
function dateText(days) {
  const [year, month, day] = isoDaysFromToday(days).split('-');
  return `${day}.${month}.${year}`;
}

/** Reloads until `locator` shows (the feed consumer polls intake with back-off). */
async function reloadUntil(page, locator, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await locator.isVisible().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('gave up waiting after reloading');
    await page.waitForTimeout(2_000);
    await page.reload();
    await locator.waitFor({ timeout: 5_000 }).catch(() => {});
  }
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
  const nationalId = syntheticNationalId();
  const guardian = `Per Verge ${token}`;
  const daughter = `Kari Koordli ${token}`;
  const leaving = { sub: `koordinator-slutter-${token}`, name: `Lise Slutter ${token}` };
  const successor = { sub: `koordinator-ny-${token}`, name: `Nils Etterfølger ${token}` };

  await step('a relative’s request for an individual plan is waiting in the inbox (prepared through the APIs)', async () => {
    const caseworker = await tokenFor('saksbehandler-nordrefollo');
    const registered = await api('POST', '/api/intake/v1/persons', caseworker, {
      national_id: nationalId,
      given_name: person.given,
      family_name: person.family,
      address: { street: 'Kirkeveien 3', postcode: '1400', city: 'Ski' },
      relatives: [{ name: daughter, relation: 'datter', is_next_of_kin: true, information_scope: 'health' }],
      representatives: [{ kind: 'guardian', name: guardian, scope: 'Personlige forhold og helse' }],
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

  const reported = { given: 'Ragnhild', family: `Meldeplikt ${token}` };
  const reportedName = `${reported.given} ${reported.family}`;
  await step('a person the home nursing unit serves (prepared through the APIs: registered, a decision imported)', async () => {
    const caseworker = await tokenFor('saksbehandler-nordrefollo');
    const integration = await tokenFor('systemintegrasjon-nordrefollo');
    const nationalIdReported = syntheticNationalId();
    await api('POST', '/api/intake/v1/persons', caseworker, {
      national_id: nationalIdReported,
      given_name: reported.given,
      family_name: reported.family,
      address: { street: 'Kirkeveien 7', postcode: '1400', city: 'Ski' },
    });
    await api('POST', '/api/intake/v1/imports', integration, {
      source_system: `e2e-meld-${token}`,
      decisions: [
        {
          reference: `e2e-meld-${token}`,
          national_id: nationalIdReported,
          service_type: 'hjemmesykepleie',
          outcome: 'granted',
          status: 'made',
          starts_on: isoDaysFromToday(-60),
          unit: 'hjemmetjenesten-ski',
          made_on: isoDaysFromToday(-60),
        },
      ],
    });
  });

  await step('sign in as the helsepersonell in Nordre Follo, on a tablet (768 px)', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, { role: /Helsepersonell/ });
  });

  await step('the clinician reports the need from «Koordinering» → «Meld behov»: the person found among those the unit serves', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Koordinering' }).click();
    await page.getByRole('navigation', { name: 'Koordinering' }).getByRole('link', { name: 'Meld behov' }).click();
    await page.waitForURL(`${BASE_URL}/koordinering/meld-behov`);
    const form = page.getByRole('form', { name: 'Meld behov for koordinering' });
    await form.getByRole('button', { name: 'Send til koordinerende enhet' }).click();
    await form.getByText('Velg personen det gjelder').first().waitFor();
    await form.getByLabel('Søk etter personen').fill(reported.family);
    await form.getByRole('radio', { name: reportedName }).check();
    await form.getByLabel('Beskriv behovet').fill(`Hjemmesykepleie, fysioterapi og dagsenter uten noen som holder i trådene (${token}).`);
    await form.getByRole('button', { name: 'Send til koordinerende enhet' }).click();
    const sent = page.getByTestId('report-sent');
    await sent.getByText(`Behovet for ${reportedName} er meldt til koordinerende enhet.`, { exact: false }).waitFor();
    assert(await sent.evaluate((element) => element === document.activeElement), 'the success message does not have focus');
  });

  await checkPage(page, 'coordination-report', { title: 'report a need' });

  await step('sign in as the koordinator in Nordre Follo', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => sessionStorage.clear());
    await signIn(page, { role: /Koordinator/ });
  });

  await step('«Koordinering» in the main menu opens the inbox, longest waiting first', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Koordinering' }).click();
    await page.waitForURL(`${BASE_URL}/koordinering`);
    await page.getByRole('heading', { level: 1, name: 'Koordinerende enhet' }).waitFor();
    const first = page.getByTestId('inbox').getByRole('heading', { level: 2 }).first();
    await first.waitFor();
    assert(((await first.textContent()) ?? '').includes(fullName), 'the request that waited longest is not first');
    const reportedCard = page.getByTestId('inbox').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: reportedName }) });
    await reportedCard.getByText('Meldt av ansatt').waitFor();
    await reportedCard.getByText('Fra: Aisha Rahman', { exact: false }).waitFor();
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
    await form.getByLabel('Frist').fill(dateText(30));
    await form.getByRole('button', { name: 'Legg til tiltak' }).click();
    await form.getByLabel('Tiltak 2').fill('Opptrening etter fall');
    await form.getByLabel('Hvem har ansvaret').nth(1).selectOption('unit');
    await form.getByLabel('Ansvarlig enhet eller instans').nth(1).selectOption('hjemmetjenesten-ski');
    await form.getByLabel('Ansatt som har oppgaven').nth(1).selectOption({ label: 'Martin Haugen (deg)' });
    await form.getByLabel('Frist').nth(1).fill(dateText(3));
    await form.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await page.getByText('Lagret som versjon 2.').waitFor();
  });

  await step('the person’s consent is recorded', async () => {
    const form = page.getByRole('form', { name: 'Registrer samtykke' });
    await form.getByRole('button', { name: 'Registrer samtykke' }).click();
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
    await minutes.getByLabel('Hvem har ansvaret').selectOption('unit');
    await minutes.getByLabel('Ansvarlig enhet eller instans').selectOption('hjemmetjenesten-ski');
    await minutes.getByLabel('Ansvarlig person').fill('Ingrid Solberg');
    await minutes.getByLabel('Frist').fill(dateText(14));
    await minutes.getByRole('button', { name: 'Lagre referat' }).click();
    await page.getByRole('button', { name: 'Godkjenn referatet' }).click();
    await page.getByTestId('meeting').getByText('Referat godkjent').waitFor();
    await page.getByRole('form', { name: 'Rediger planen' }).getByLabel('Tiltak 3').waitFor();
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

  await step('a guardian from intake’s register consents within the mandate the koordinator has read', async () => {
    const form = page.getByRole('form', { name: 'Registrer samtykke' });
    await form.getByLabel('Hvem gir samtykket?').selectOption('guardian');
    await form.getByLabel('Verge eller fullmektig').selectOption({ label: guardian });
    await form.getByTestId('mandate').getByText('«Personlige forhold og helse»').waitFor();
    await form.getByRole('button', { name: 'Registrer samtykke' }).click();
    await form.getByText('Bekreft at fullmakten dekker personlige forhold eller helse').first().waitFor();
    await form.getByLabel('Jeg har lest mandatet, og det dekker personlige forhold eller helse').check();
    await form.getByRole('button', { name: 'Registrer samtykke' }).click();
    await page.getByTestId('consents').getByText(`${guardian} (verge) samtykket`, { exact: false }).waitFor();
    await page.getByTestId('consents').getByText(/bekreftet av Martin Haugen/).waitFor();
  });

  await step('the guardian’s consent is withdrawn, and the form says what sharing it closes', async () => {
    await page.getByRole('button', { name: `Trekk samtykket fra ${guardian}` }).click();
    const form = page.getByRole('form', { name: `Trekk samtykket fra ${guardian}` });
    await form.getByText(/stenges denne delingen: tjenestene som gir hjelp/).waitFor();
    await form.getByLabel('Grunn (valgfritt)').fill('Vergen ønsker ikke at planen deles.');
    await form.getByRole('button', { name: 'Trekk samtykket' }).click();
    await page.getByTestId('consents').getByText('Grunn: Vergen ønsker ikke at planen deles.').waitFor();
  });

  await step('an innledningssamtale with the daughter is planned and held, with what was agreed (Ottestad)', async () => {
    const plan = page.getByRole('form', { name: 'Planlegg samtale' });
    await plan.getByLabel('Pårørende').selectOption({ label: `${daughter} (datter) – kan få vite: helseopplysninger` });
    await plan.getByLabel('Fase').selectOption('introduction');
    await plan.getByRole('button', { name: 'Planlegg samtale' }).click();
    const held = page.getByRole('form', { name: `Samtalen med ${daughter} (Innledningsfase) er gjennomført` });
    await held.getByLabel('Dette ble avtalt').fill('Datter ringer koordinatoren hver fredag og blir med på ansvarsgruppemøtene.');
    await held.getByRole('button', { name: 'Lagre samtalen' }).click();
    await page.getByTestId('conversation').getByText('Gjennomført', { exact: true }).first().waitFor();
    await page.getByTestId('conversation').getByText(/Datter ringer koordinatoren hver fredag/).waitFor();
  });

  let serviceName = '';
  await step('a decision made in intake arrives through the feed as a measure named by its service', async () => {
    const integration = await tokenFor('systemintegrasjon-nordrefollo');
    const catalogue = await api('GET', '/api/catalogue/v1/service-types/hjemmesykepleie', integration);
    serviceName = catalogue.name.nb;
    await api('POST', '/api/intake/v1/imports', integration, {
      source_system: `e2e-${token}`,
      decisions: [
        {
          reference: `e2e-${token}`,
          national_id: nationalId,
          service_type: 'hjemmesykepleie',
          outcome: 'granted',
          status: 'made',
          starts_on: isoDaysFromToday(0),
          unit: 'hjemmetjenesten-ski',
          made_on: isoDaysFromToday(0),
        },
      ],
    });
    await page.getByRole('link', { name: 'Personens egen visning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planen min' }).waitFor();
    await reloadUntil(page, page.getByTestId('my-plan').getByText(`${serviceName}.`, { exact: true }));
    assert(!(await page.getByTestId('my-plan').textContent())?.includes('hjemmesykepleie.'), 'the measure shows the service code');
  });

  await step('the person’s own view: my goals, my team and how to reach them, the next meeting, in plain words', async () => {
    await page.getByText('«Jeg vil gå tur med hunden hver dag.»').waitFor();
    await page.getByTestId('my-team').getByRole('heading', { name: 'Martin Haugen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Neste gang vi møtes' }).waitFor();
    await page.getByRole('button', { name: 'Skriv ut' }).waitFor();
  });

  await checkPage(page, 'coordination-my-plan', { title: 'the person’s own view' });

  await step('back to the plan', async () => {
    await page.getByRole('link', { name: 'Tilbake til planen' }).click();
    await page.getByRole('heading', { level: 1, name: `Individuell plan for ${fullName}` }).waitFor();
    await page.getByTestId('coordinator-history').getByText(/^Martin Haugen, koordinator, fra /).waitFor();
  });

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

  await step('the measure the koordinator owns by name, due in three days, is on their worklist', async () => {
    await page.getByText(/^Tiltak med frist snart/).first().waitFor();
    await page.getByText('Opptrening etter fall', { exact: false }).first().waitFor();
  });

  await step('the home nursing unit has no primærkontakt for the person: one is named from the worklist', async () => {
    const open = page.getByRole('button', { name: `Navngi primærkontakt for ${fullName}` });
    await reloadUntil(page, open);
    await page.getByRole('link', { name: `Meld behov for koordinering for ${fullName}` }).waitFor();
    await open.click();
    const form = page.getByRole('form', { name: /^Primærkontakt for / });
    await form.getByLabel('Primærkontakt', { exact: true }).fill('Aisha Rahman');
    await form.getByLabel('Fra dato').fill(dateText(0));
    await form.getByRole('button', { name: 'Lagre primærkontakt' }).click();
    await page.getByTestId('primary-contact-named').waitFor();
    assert(!(await open.isVisible()), 'the row is still on the worklist');
  });

  await checkPage(page, 'coordination-worklist', { title: 'worklist' });

  await step('a leaving koordinator follows one person (prepared through the API)', async () => {
    const koordinator = await tokenFor('koordinator-nordrefollo');
    const caseworker = await tokenFor('saksbehandler-nordrefollo');
    const other = await api('POST', '/api/intake/v1/persons', caseworker, {
      national_id: syntheticNationalId(),
      given_name: 'Odd',
      family_name: `Overført ${token}`,
      address: { street: 'Kirkeveien 5', postcode: '1400', city: 'Ski' },
    });
    await api('POST', `/api/coordination/v1/persons/${other.id}/coordinators`, koordinator, {
      sub: leaving.sub,
      name: leaving.name,
      kind: 'coordinator',
      from_date: isoDaysFromToday(-30),
    });
  });

  await step('the overview shows «antall aktive IP» and who needs a koordinator', async () => {
    await page.getByRole('navigation', { name: 'Koordinering' }).getByRole('link', { name: 'Oversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oversikt for koordinerende enhet' }).waitFor();
    const active = Number(await page.getByTestId('active-plans').textContent());
    assert(active >= 1, `antall aktive IP is ${active}`);
    await page.getByTestId('caseloads').getByRole('rowheader', { name: leaving.name }).waitFor();
  });

  await step('the leaving koordinator’s persons move to the successor in one step', async () => {
    const form = page.getByRole('form', { name: 'Overfør til ny koordinator' });
    await form.getByLabel('Koordinator som går av').selectOption(leaving.sub);
    await form.getByLabel('Navn på ny koordinator').fill(successor.name);
    await form.getByLabel('Brukernavn til ny koordinator').fill(successor.sub);
    await form.getByLabel('Gjelder fra').fill(dateText(0));
    await form.getByRole('button', { name: 'Overfør alle' }).click();
    await page.getByTestId('hand-over-done').getByText(`1 person er flyttet til ${successor.name}.`).waitFor();
    await page.getByTestId('caseloads').getByRole('rowheader', { name: successor.name }).waitFor();
    await page.getByTestId('recent-hand-overs').getByText(new RegExp(`Overført ${token}: ${leaving.name}`)).waitFor();
  });

  await checkPage(page, 'coordination-overview', { title: 'overview' });

  await step('the plan is closed with a reason and kept as history', async () => {
    await page.goto(`${BASE_URL}/koordinering/arbeidsliste`);
    await page.getByTestId('caseload').getByRole('link', { name: fullName }).click();
    await page.getByRole('heading', { level: 1, name: `Individuell plan for ${fullName}` }).waitFor();
    await page.getByRole('button', { name: 'Avslutt planen' }).click();
    const form = page.getByRole('form', { name: 'Avslutt planen' });
    await form.getByLabel('Hvorfor avsluttes planen?').fill('Sigrid har flyttet til en annen kommune.');
    await form.getByRole('button', { name: 'Avslutt planen nå' }).click();
    await page.getByTestId('plan-status').getByText('Avsluttet').waitFor();
    await page.getByTestId('plan-closed').getByText(/Sigrid har flyttet til en annen kommune/).waitFor();
  });
}

run(main, { totalTimeoutMs: 300_000 });
