// End-to-end: deviations (avvik) in Debian's Chromium against a running Mestring. A helsepersonell
// in Nordre Follo reports a medication deviation on a tablet (768 px): unit from the token, the
// category, what happened, consequence and probability with the guidance, the risk score on the
// matrix. The unit's leader finds it in the queue, acknowledges it, records a direct cause and a
// corrective action, and closes it with the learning and the outcome for the reporter; the
// reporter then sees the outcome under «Mine meldinger». The report form, the deviation page (both
// roles), the queue, my reports and the statistics are checked with axe (WCAG 2.1 A/AA; a serious
// or critical violation fails) and may not scroll sideways at 1280, 768 and 375 px. The leader
// then starts a ROS analysis (a high risk refused approval until it has a measure) and publishes a
// procedure that they confirm as read and understood; both pages are checked the same way. On a
// tablet (768 px) the leader plans an internal audit against that procedure, records it with one
// non-conformity (which becomes a measure with its responsible and due date) and so completes it;
// the audit page is checked with axe.
//
//   MESTRING_E2E_URL=http://127.0.0.1:8000 node e2e/quality.e2e.mjs
import { BASE_URL, assert, checkAccessibility, checkWidths, run, signIn, step } from './harness.mjs';

const pad = (n) => String(n).padStart(2, '0');
const token = Math.random().toString(36).slice(2, 8);
const WHAT = `Dobbel dose blodtrykksmedisin gitt kl. 08 (${token}).`;
const OUTCOME = `Takk for meldingen. Dobbeltkontroll av dosett er innført (${token}).`;
const TABLET = { width: 768, height: 1024 };

/** `dd.mm.åååå` `days` days from today, as typed in a date field. */
function dateText(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** Another demo user: the session (in sessionStorage) is dropped first, so the sign-in page offers the users again. */
async function switchUser(page, role) {
  await page.evaluate(() => sessionStorage.clear());
  await signIn(page, { role });
}

async function checkPage(page, label) {
  await step(`${label}: no serious accessibility violations`, () => checkAccessibility(page, label), { blocking: false });
  await step(`${label} fits phone, tablet and desktop`, () => checkWidths(page, label), { blocking: false });
}

async function main(page) {
  let deviationUrl = '';
  console.log(`e2e: deviation marked ${token}`);

  await step('sign in as the helsepersonell in Nordre Follo', () => signIn(page, { role: /Helsepersonell/ }));

  await step('«Avvik» in the main menu leads to the quick report', async () => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Avvik' }).click();
    await page.waitForURL(`${BASE_URL}/avvik`);
    await page.getByRole('heading', { level: 1, name: 'Avvik' }).waitFor();
    await page.getByRole('link', { name: 'Meld nytt avvik' }).click();
    await page.waitForURL(`${BASE_URL}/avvik/ny`);
    await page.getByRole('heading', { level: 1, name: 'Meld avvik' }).waitFor();
  });

  await checkPage(page, 'deviation-report-form');

  await step('on a tablet: a medication deviation graded with the guidance shows its risk at once', async () => {
    await page.setViewportSize(TABLET);
    const unit = page.getByLabel('Enhet', { exact: true });
    await page.getByRole('option', { name: 'Hjemmetjenesten Ski' }).waitFor({ state: 'attached' });
    assert((await unit.inputValue()) === 'hjemmetjenesten-ski', `the unit is ${await unit.inputValue()}, not the user's own`);
    await page.getByLabel('Sted').fill('Medisinrom');
    await page.getByRole('radio', { name: 'Legemidler' }).check();
    await page.getByLabel('Hva skjedde?').fill(WHAT);
    await page.getByLabel('Hva ble gjort med en gang?').fill('Legen ringt, blodtrykk målt hver time.');
    const three = page.getByRole('radio', { name: /^3 – / }).first();
    await three.check();
    await page.getByText(/Eksempel: Dobbel dose blodtrykksmedisin/).waitFor();
    await page.getByRole('radio', { name: /^4 – / }).nth(1).check();
    await page.getByTestId('risk-result').getByText('Konsekvens 3 × sannsynlighet 4 = 12').waitFor();
    await page.getByTestId('risk-result').getByText('Høy risiko · 12').waitFor();
    const box = await page.getByRole('button', { name: 'Send avviket' }).boundingBox();
    assert(box && box.height >= 44, `the send button is ${box?.height} px high`);
    const radio = await page.getByRole('radio', { name: 'Legemidler' }).evaluate((el) => el.closest('.ds-field, label, div')?.getBoundingClientRect().height ?? 0);
    assert(radio >= 44, `a category choice is ${radio} px high`);
  });

  await step('tablet report form: no serious accessibility violations', () => checkAccessibility(page, 'deviation-report-form-filled'), { blocking: false });

  await step('sending opens the deviation, reported with the score', async () => {
    await page.getByRole('button', { name: 'Send avviket' }).click();
    await page.waitForURL(/\/avvik\/[0-9a-f-]{36}$/);
    deviationUrl = page.url();
    await page.getByText('Avviket er meldt.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Avvik: Legemidler' }).waitFor();
    await page.getByTestId('deviation-status').getByText('Meldt').waitFor();
    await page.getByText(WHAT).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await checkPage(page, 'deviation-page-reporter');

  await step('the leader of the unit finds it in the queue', async () => {
    await switchUser(page, /Leder/);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Avvik' }).click();
    await page.getByRole('navigation', { name: 'Avvik' }).getByRole('link', { name: 'Behandling' }).click();
    await page.waitForURL(`${BASE_URL}/avvik/behandling`);
    const row = page.getByTestId('queue').getByRole('row').filter({ hasText: token });
    await row.waitFor();
    await row.getByText('Høy risiko · 12').waitFor();
  });

  await checkPage(page, 'deviation-queue');

  await step('the leader acknowledges it', async () => {
    await page.getByTestId('queue').getByRole('row').filter({ hasText: token }).getByRole('link', { name: 'Legemidler' }).click();
    await page.waitForURL(deviationUrl);
    await page.getByRole('button', { name: 'Motta avviket' }).click();
    await page.getByTestId('deviation-status').getByText('Mottatt').waitFor();
  });

  await step('the leader records a direct cause', async () => {
    const form = page.getByRole('form', { name: 'Årsaker' });
    await form.getByLabel('Hva som ble funnet').fill('Dosetten var fylt med to døgns medisin i samme rom.');
    await form.getByLabel('Årsakskategori').selectOption('routines');
    await form.getByLabel('Beskrivelse').fill('Ingen dobbeltkontroll når dosetten fylles.');
    await form.getByRole('button', { name: 'Lagre årsaker' }).click();
    await page.getByTestId('deviation-status').getByText('Undersøkt').waitFor();
  });

  await step('the leader adds a corrective action with its responsible and due date', async () => {
    const form = page.getByRole('form', { name: 'Nytt tiltak' });
    await form.getByLabel('Tiltak').fill(`Innføre dobbeltkontroll av dosett (${token}).`);
    await form.getByLabel('Ansvarlig').fill('Fagsykepleier');
    await form.getByLabel('Frist').fill(dateText(30));
    await form.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page.getByTestId('actions').getByRole('cell', { name: `Innføre dobbeltkontroll av dosett (${token}).`, exact: true }).waitFor();
    await page.getByTestId('actions').getByRole('cell', { name: dateText(30) }).waitFor();
  });

  await checkPage(page, 'deviation-page-leader');

  await step('the leader closes it with the learning and the outcome for the reporter', async () => {
    const form = page.getByRole('form', { name: 'Lukk avviket' });
    await form.getByLabel('Læring').fill('Dosett fylles med dobbeltkontroll; tatt opp på personalmøte.');
    await form.getByLabel('Utfall til melderen').fill(OUTCOME);
    await form.getByRole('button', { name: 'Lukk avviket' }).click();
    await page.getByTestId('deviation-status').getByText('Lukket').waitFor();
    await page.getByTestId('outcome').getByText(OUTCOME).waitFor();
  });

  await step('the leader starts a ROS analysis for the unit and grades a hazard on the risk matrix', async () => {
    await page.getByRole('navigation', { name: 'Avvik' }).getByRole('link', { name: 'ROS', exact: true }).click();
    await page.waitForURL(`${BASE_URL}/kvalitet/ros`);
    const form = page.getByRole('form', { name: 'Ny ROS-analyse' });
    await form.getByLabel('Tittel', { exact: true }).fill(`ROS legemiddelhåndtering (${token})`);
    await form.getByLabel('Hva analysen omfatter').fill('Fylling og kontroll av dosett i hjemmetjenesten.');
    await form.getByRole('button', { name: 'Opprett analysen' }).click();
    await page.getByRole('heading', { level: 1, name: `ROS legemiddelhåndtering (${token})` }).waitFor();
    const hazard = page.getByRole('form', { name: 'Ny fare' });
    await hazard.getByLabel('Uønsket hendelse').fill(`Dosett fylt med feil dose (${token})`);
    await hazard.getByLabel('Konsekvens').selectOption('4');
    await hazard.getByLabel('Sannsynlighet').selectOption('4');
    await hazard.getByRole('button', { name: 'Legg til faren' }).click();
    await page.getByTestId('hazard').getByText('Høy risiko · 16').waitFor();
    await page.getByTestId('needs-measure').waitFor();
  });

  await step('the approval is refused until the high risk has a measure, then given', async () => {
    await page.getByRole('button', { name: 'Godkjenn analysen' }).click();
    await page.getByTestId('approve-refused').waitFor();
    const measure = page.getByRole('form', { name: /^Tiltak for/ });
    await measure.getByLabel('Tiltak').fill('Dobbeltkontroll når dosetten fylles.');
    await measure.getByLabel('Ansvarlig').fill('Fagsykepleier');
    await measure.getByLabel('Frist').fill(dateText(30));
    await measure.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page.getByTestId('hazard').getByRole('cell', { name: 'Dobbeltkontroll når dosetten fylles.', exact: true }).waitFor();
    await page.getByTestId('needs-measure').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Godkjenn analysen' }).click();
    await page.getByTestId('ros-status').getByText('Godkjent').waitFor();
  });

  await checkPage(page, 'ros-analysis');

  await step('the leader publishes a procedure and confirms it as read and understood', async () => {
    await page.getByRole('navigation', { name: 'Avvik' }).getByRole('link', { name: 'Prosedyrer' }).click();
    await page.waitForURL(`${BASE_URL}/kvalitet/prosedyrer`);
    await page.getByTestId('procedure-list').waitFor();
    await page.getByRole('link', { name: 'Ny prosedyre' }).click();
    await page.waitForURL(`${BASE_URL}/kvalitet/prosedyrer/ny`);
    await page.getByLabel('Tittel', { exact: true }).fill(`Fylling av dosett (${token})`);
    await page.getByLabel('Godkjent av').fill('Kommuneoverlege');
    await page.getByLabel('Revideres innen').fill(dateText(365));
    await page.getByLabel('Prosedyreteksten').fill('1. Fyll dosetten etter legemiddellisten.\n2. En kollega kontrollerer.');
    await page.getByRole('button', { name: 'Publiser prosedyren' }).click();
    await page.getByRole('heading', { level: 1, name: `Fylling av dosett (${token})` }).waitFor();
    await page.getByRole('button', { name: 'Jeg har lest og forstått versjon 1' }).click();
    await page.getByTestId('confirmed').getByText('Du bekreftet versjon 1.').waitFor();
    await page.getByTestId('readers-count').waitFor();
  });

  await checkPage(page, 'procedure-page');

  await step('on a tablet the leader plans an internal audit against the procedure', async () => {
    await page.setViewportSize(TABLET);
    await page.getByRole('navigation', { name: 'Avvik' }).getByRole('link', { name: 'Internrevisjon' }).click();
    await page.waitForURL(`${BASE_URL}/kvalitet/internrevisjon`);
    const form = page.getByTestId('plan-audit');
    await form.getByLabel('Prosedyre', { exact: true }).selectOption({ label: `Fylling av dosett (${token})` });
    await form.getByLabel('Planlagt dato').fill(dateText(0));
    await form.getByLabel('Utvalg som skal sjekkes').fill('Ti dosetter fylt denne uken.');
    await form.getByRole('button', { name: 'Planlegg', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Internrevisjon: Fylling av dosett (${token})` }).waitFor();
    await page.getByTestId('audit-status').getByText('Planlagt').waitFor();
  });

  await step('the leader records the audit with one non-conformity, which completes it', async () => {
    const form = page.getByTestId('audit-record');
    await form.getByLabel('Funn', { exact: true }).fill(`Åtte av ti dosetter dobbeltkontrollert (${token}).`);
    await form.getByRole('button', { name: 'Legg til avvik fra prosedyren' }).click();
    await form.getByLabel('Avvik fra prosedyren 1', { exact: true }).fill('To dosetter uten kontrollsignatur.');
    await form.getByLabel('Tiltak for avvik 1').fill('Signaturfelt på dosettlisten.');
    await form.getByLabel('Ansvarlig for tiltak 1').fill('Fagsykepleier');
    await form.getByLabel('Frist for tiltak 1').fill(dateText(14));
    await form.getByRole('button', { name: 'Registrer og fullfør revisjonen' }).click();
    await page.getByTestId('audit-status').getByText('Gjennomført').waitFor();
    const measures = page.getByTestId('audit-measures');
    await measures.getByRole('cell', { name: 'To dosetter uten kontrollsignatur.', exact: true }).waitFor();
    await measures.getByRole('cell', { name: dateText(14) }).waitFor();
  });

  await step('audit page at 768 px: no serious accessibility violations', () => checkAccessibility(page, 'audit-page'), { blocking: false });
  await step('audit page fits phone, tablet and desktop', () => checkWidths(page, 'audit-page'), { blocking: false });
  await page.setViewportSize({ width: 1280, height: 900 });

  await step('the leader’s statistics show the numbers beside each chart', async () => {
    await page.getByRole('navigation', { name: 'Avvik' }).getByRole('link', { name: 'Statistikk' }).click();
    await page.waitForURL(`${BASE_URL}/avvik/statistikk`);
    await page.getByTestId('by-category').getByRole('table').waitFor();
    await page.getByTestId('heat-map').getByRole('table').first().waitFor();
    await page.getByTestId('trend-chart').getByRole('table').waitFor();
  });

  await checkPage(page, 'deviation-statistics');

  await step('the reporter sees the outcome under «Mine meldinger»', async () => {
    await switchUser(page, /Helsepersonell/);
    await page.goto(`${BASE_URL}/avvik`);
    const row = page.getByTestId('my-deviations').getByRole('row').filter({ hasText: token });
    await row.getByText('Lukket').first().waitFor();
    await row.getByRole('link', { name: 'Legemidler' }).click();
    await page.waitForURL(deviationUrl);
    await page.getByTestId('outcome').getByText(OUTCOME).waitFor();
  });

  await checkPage(page, 'deviation-outcome-reporter');
}

run(main, { totalTimeoutMs: 260_000 });
