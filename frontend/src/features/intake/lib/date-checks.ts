/** The checks every date in intake's forms shares: a real date, and not in the future where it is something that happened. */
import { isIsoDate, osloToday } from '@/lib/dates';

import type { ErrorKey } from './form-errors';

type Options = {
  /** An empty field is wrong (otherwise it passes). */
  required?: boolean;
  /** It records something that happened, so it cannot lie after today. */
  past?: boolean;
  today?: string;
};

/** What is wrong with a date field's value, if anything. */
export function dateError(value: string, { required = false, past = false, today = osloToday() }: Options = {}): ErrorKey | undefined {
  if (value === '') return required ? 'required' : undefined;
  if (!isIsoDate(value)) return 'date';
  if (past && value > today) return 'future';
  return undefined;
}

/** The delivery's dates: both real, neither in the future, and received no earlier than sent. */
export function deliveryErrors(sentOn: string, receivedOn: string, today?: string): { sent_on?: ErrorKey; received_on?: ErrorKey } {
  const sent = dateError(sentOn, { required: true, past: true, today });
  const received = dateError(receivedOn, { required: true, past: true, today });
  if (!sent && !received && receivedOn < sentOn) return { received_on: 'receivedBeforeSent' };
  return { sent_on: sent, received_on: received };
}
