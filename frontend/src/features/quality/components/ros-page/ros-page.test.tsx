import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAs } from '@/test/fixtures';
import { jsonResponse, renderWithProviders, setLanguage, stubApi, validationProblem } from '@/test/render';

import { units } from '../../test/fixtures';
import { ROS_ID, ros } from '../../test/system-fixtures';

import { RosPage } from './ros-page';

const route = { path: '/kvalitet/ros/:id', route: `/kvalitet/ros/${ROS_ID}` };
const path = `/api/quality/v1/ros-analyses/${ROS_ID}`;

beforeEach(async () => {
  await setLanguage('nb');
  signInAs(['leder']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RosPage', () => {
  it('marks a high risk without a measure and says why the approval is refused', async () => {
    let ifMatch: string | null = null;
    stubApi({
      'GET /api/catalogue/v1/units': () => jsonResponse(units),
      [`GET ${path}`]: () => jsonResponse(ros()),
      [`POST ${path}/approve`]: (request) => {
        ifMatch = request.headers.get('If-Match');
        return validationProblem([{ field: 'hazards.0', message: 'high risk without a measure' }]);
      },
    });
    renderWithProviders(<RosPage />, route);

    const hazard = await screen.findByTestId('hazard');
    expect(within(hazard).getByText('Høy risiko · 16')).toBeInTheDocument();
    expect(within(hazard).getByTestId('needs-measure')).toHaveTextContent('Høy risiko uten tiltak');
    expect(within(hazard).getByText('Bekreftet av 2 avvik')).toBeInTheDocument();
    expect(screen.getByText('Hjemmetjenesten Ski · 20.11.2026')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Godkjenn analysen' }));

    expect(await screen.findByTestId('approve-refused')).toHaveTextContent('«Feil dose ved bytte av multidose»');
    expect(ifMatch).toBe('"3"');
  });

  it('is not offered to an employee without a leader role', async () => {
    signInAs(['helsepersonell']);
    stubApi({});
    renderWithProviders(<RosPage />, route);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeInTheDocument();
  });
});
