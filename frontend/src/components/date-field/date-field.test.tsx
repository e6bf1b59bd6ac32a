import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';

import { fromDateText, isIsoDate, osloToday, toDateText } from '@/lib/dates';
import { setLanguage } from '@/test/render';

import { DateInput } from './date-field';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateInput label="Fra dato" value={value} onChange={setValue} />
      <output data-testid="held">{value}</output>
      <button type="button" onClick={() => setValue('2027-01-31')}>
        set
      </button>
    </>
  );
}

beforeEach(async () => {
  await setLanguage('nb');
});

describe('dates as typed', () => {
  it('reads dd.mm.åååå as a calendar date and keeps anything else as text', () => {
    expect(fromDateText('05.03.2026')).toBe('2026-03-05');
    expect(fromDateText('5.3.2026')).toBe('2026-03-05');
    expect(fromDateText('31.02.2026')).toBe('31.02.2026');
    expect(fromDateText('05.03')).toBe('05.03');
    expect(fromDateText('')).toBe('');
    expect(toDateText('2026-03-05')).toBe('05.03.2026');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('takes today from Norwegian clocks, not the browser’s time zone', () => {
    expect(osloToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(osloToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('DateInput', () => {
  it('shows dd.mm.åååå with the dots put in, and holds the ISO date', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Fra dato');
    expect(input).not.toHaveAttribute('type', 'date');
    expect(input).toHaveAccessibleDescription('Skriv datoen som dd.mm.åååå.');

    await userEvent.type(input, '05032026');

    expect(input).toHaveValue('05.03.2026');
    expect(screen.getByTestId('held')).toHaveTextContent('2026-03-05');
  });

  it('holds a date that does not exist as text, for the form to call invalid', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('Fra dato'), '31022026');
    expect(screen.getByTestId('held')).toHaveTextContent('31.02.2026');
  });

  it('shows a value set from outside in the same format', async () => {
    render(<Harness initial="2026-12-01" />);
    const input = screen.getByLabelText('Fra dato');
    expect(input).toHaveValue('01.12.2026');
    await userEvent.click(screen.getByRole('button', { name: 'set' }));
    expect(input).toHaveValue('31.01.2027');
  });
});
