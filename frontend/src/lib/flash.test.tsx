import { act, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';

import { SuccessMessage } from '@/components/success-message/success-message';

import { useFlash, withFlash } from './flash';

function Page() {
  const flash = useFlash<{ kind: 'saved' }>();
  return (
    <>
      <h1>Page</h1>
      {flash?.kind === 'saved' ? <SuccessMessage>Saved</SuccessMessage> : null}
    </>
  );
}

function setUp() {
  const router = createMemoryRouter(
    [
      { path: '/a/:id', element: <Page /> },
      { path: '/b', element: <p>elsewhere</p> },
    ],
    { initialEntries: [{ pathname: '/a/1', state: withFlash({ kind: 'saved' }) }] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('useFlash and SuccessMessage', () => {
  it('shows the message once, with focus, and takes it out of the history entry', async () => {
    const router = setUp();
    const message = await screen.findByText('Saved');
    await waitFor(() => expect(message.closest('[data-flash]')).toHaveFocus());
    await waitFor(() => expect(router.state.location.state).toBeNull());
    expect(screen.getByText('Saved')).toBeInTheDocument();

    await act(() => router.navigate('/b'));
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('heading', { name: 'Page' })).toBeInTheDocument();
    expect(screen.queryByText('Saved')).not.toBeInTheDocument();
  });

  it('does not carry over to another record on the same route', async () => {
    const router = setUp();
    await screen.findByText('Saved');
    await act(() => router.navigate('/a/2'));
    expect(screen.queryByText('Saved')).not.toBeInTheDocument();
  });
});
