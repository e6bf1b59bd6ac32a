import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import { AssessmentFormPage } from './assessment-form-page';

const REFERRAL_ID = '11111111-1111-1111-1111-111111111111';
const PERSON_ID = '22222222-2222-2222-2222-222222222222';
const ASSESSMENT_ID = '33333333-3333-3333-3333-333333333333';

const referral = {
  id: REFERRAL_ID,
  version: 1,
  person_id: PERSON_ID,
  person_name: 'Kari Nordmann',
  source: 'intake_screening',
  application_id: null,
  requested: [],
  note: null,
  unit: 'hjemmetjenesten-ski',
  received_on: '2026-01-10',
  status: 'open',
  referred_by_name: 'Tildelingskontoret',
  person: { id: PERSON_ID, given_name: 'Kari', family_name: 'Nordmann', birth_date: '1944-05-15', national_id_masked: '158544*****', city: 'Ski' },
};

function stub(post: (request: Request) => Response | Promise<Response>, legal?: (request: Request) => Response | Promise<Response>) {
  return stubApi({
    [`GET /api/welfaretech/v1/referrals/${REFERRAL_ID}`]: () => jsonResponse(referral),
    'POST /api/welfaretech/v1/assessments': post,
    [`POST /api/welfaretech/v1/assessments/${ASSESSMENT_ID}/legal-decisions`]: legal ?? (() => jsonResponse({}, 500)),
  });
}

const route = { path: '/velferdsteknologi/henvisninger/:referralId/kartlegging', route: `/velferdsteknologi/henvisninger/${REFERRAL_ID}/kartlegging` };

const group = (name: string) => screen.getByRole('group', { name: new RegExp(`^${name.replace(/[?]/g, '\\?')}`) });
async function answer(groupName: string, choice: string) {
  await userEvent.click(within(group(groupName)).getByRole('radio', { name: choice }));
}

/** Everything but the capacity to consent. */
async function fillBasics() {
  await userEvent.type(screen.getByLabelText('Mål 1'), 'Bo hjemme');
  await userEvent.click(within(group('Behov')).getByRole('checkbox', { name: 'Fallrisiko' }));
  for (const name of ['Kan bruke en alarmknapp', 'Hører alarmen', 'Ser skjermen', 'Forstår hvordan enheten brukes']) await answer(name, 'Ja');
  await userEvent.type(screen.getByLabelText(/^Bolig/), 'Enebolig');
  for (const name of ['Mobildekning', 'Bredbånd', 'Komfyr', 'Nøkkelboks']) await answer(name, 'Nei');
}

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['velferdsteknolog']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AssessmentFormPage', { timeout: 60_000 }, () => {
  it('asks «Hva er viktig for deg?» first and lists what is missing at each field', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stub(post);
    renderWithProviders(<AssessmentFormPage />, route);
    const form = await screen.findByRole('form', { name: 'Kartlegging for velferdsteknologi' });
    expect(within(form).getAllByRole('textbox')[0]).toBe(screen.getByLabelText('Mål 1'));

    await userEvent.click(screen.getByRole('button', { name: 'Lagre kartleggingen' }));

    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getAllByRole('link')[0]).toHaveTextContent('Skriv minst ett mål i personens egne ord.');
    expect(group('Behov')).toHaveTextContent('Velg minst ett behov.');
    expect(group('Har personen samtykkekompetanse?')).toHaveTextContent('Velg et svar for «Har personen samtykkekompetanse?».');
    expect(post).not.toHaveBeenCalled();
  });

  it('without capacity asks for all eight reflection steps and guards the § 4-6 a decision', async () => {
    const post = vi.fn(() => jsonResponse({}, 500));
    stub(post);
    renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByLabelText('Mål 1');
    expect(screen.queryByRole('heading', { name: 'Etisk refleksjon i åtte steg' })).not.toBeInTheDocument();

    await fillBasics();
    await answer('Har personen samtykkekompetanse?', 'Nei');
    expect(screen.getByRole('heading', { name: 'Etisk refleksjon i åtte steg' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^1\. Tema og situasjon/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^8\. Oppfølging/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Registrer vedtaket nå' }));
    expect(screen.getByLabelText(/^Nødvendig for å hindre eller begrense fare for skade/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre kartleggingen' }));

    const summary = await screen.findByTestId('error-summary');
    const text = summary.textContent ?? '';
    expect(text).toContain('Fyll ut steget «Tema og situasjon» i den etiske refleksjonen.');
    expect(text).toContain('Beskriv hvordan vilkåret «Nærmeste pårørende er hørt» er oppfylt.');
    expect(text).toContain('Teknologien kan ikke brukes når personen motsetter seg den (pbrl. § 4-6 a).');
    expect(text).toContain('Velg hvilken teknologi vedtaket gjelder.');
    expect(text).toContain('Skriv Gjelder til som dd.mm.åååå.');
    expect(post).not.toHaveBeenCalled();
  });

  it('warns that nothing can be activated while the capacity is unclear', async () => {
    stub(() => jsonResponse({}, 500));
    renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByLabelText('Mål 1');
    await answer('Har personen samtykkekompetanse?', 'Uavklart');
    expect(screen.getByTestId('capacity-unclear')).toHaveTextContent('kan ingen teknologi tas i bruk før den er vurdert');
    expect(screen.queryByRole('checkbox', { name: 'Registrer vedtaket nå' })).not.toBeInTheDocument();
  });

  it('places a 422 at its field in the form’s own words', async () => {
    let sent: unknown;
    stub(async (request) => {
      sent = await request.json();
      return validationProblem([{ field: 'body.assessed_on', message: 'An assessment is recorded when it is done' }]);
    });
    renderWithProviders(<AssessmentFormPage />, route);
    await screen.findByLabelText('Mål 1');
    await fillBasics();
    await answer('Har personen samtykkekompetanse?', 'Ja');
    await answer('Samtykker personen til teknologien?', 'Ja');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre kartleggingen' }));

    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getByRole('link')).toHaveAttribute('href', '#assessment-assessed_on');
    expect(summary).toHaveTextContent('Kartlagt dato kan ikke være fram i tid.');
    expect(screen.queryByText(/recorded when it is done/)).not.toBeInTheDocument();
    expect(sent).toMatchObject({
      referral_id: REFERRAL_ID,
      needs: ['fall_risk'],
      own_goals: ['Bo hjemme'],
      consent_capacity: 'yes',
      consent_given: true,
      ethical_reflection: null,
      abilities: { can_use_button: true },
      environment: { housing: 'Enebolig', has_power: true, has_broadband: false },
    });
  });
});
