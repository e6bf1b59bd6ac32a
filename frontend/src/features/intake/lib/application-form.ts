/** The application form: «Hva er viktig for deg?» first, then how it came in, the services and urgency. */
import { isIsoDate, osloToday } from '@/lib/dates';

import type { ApplicantKind, ApplicationCreate, Channel, Urgency } from '../api/types';

import type { ErrorKey, FormErrors } from './form-errors';

export const MAX_SERVICES = 10;
export const WHAT_MATTERS_LIMIT = 5000;

export type ApplicationFormValues = {
  what_matters: string;
  channel: Channel | '';
  received_on: string;
  applicant_kind: ApplicantKind;
  applicant_name: string;
  /** Service type codes, in the order they were ticked. */
  services: string[];
  /** A note per ticked service, by code. */
  notes: Record<string, string>;
  urgency: Urgency;
  consent_to_obtain_information: boolean;
};

export function emptyApplication(today: string = osloToday()): ApplicationFormValues {
  return {
    what_matters: '',
    channel: '',
    received_on: today,
    applicant_kind: 'self',
    applicant_name: '',
    services: [],
    notes: {},
    urgency: 'normal',
    consent_to_obtain_information: false,
  };
}

/** The fields top to bottom; the API's `services.N.…` errors land on the services group. */
export function applicationFields(): string[] {
  return [
    'what_matters',
    'channel',
    'received_on',
    'applicant_kind',
    'applicant_name',
    'services',
    'urgency',
    'consent_to_obtain_information',
  ];
}

export function validateApplication(values: ApplicationFormValues, today: string = osloToday()): FormErrors {
  const errors: FormErrors = {};
  if (values.what_matters.length > WHAT_MATTERS_LIMIT) errors.what_matters = 'tooLong';
  if (!values.channel) errors.channel = 'required';
  if (!isIsoDate(values.received_on)) errors.received_on = 'receivedOn';
  else if (values.received_on > today) errors.received_on = 'receivedOnFuture';
  if (values.services.length === 0) errors.services = 'services';
  else if (values.services.length > MAX_SERVICES) errors.services = 'tooManyServices';
  return errors;
}

export function applicationServerErrorKey(path: string): ErrorKey {
  if (path === 'services') return 'unknownService';
  if (path === 'received_on') return 'receivedOn';
  return 'invalid';
}

const optional = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

export function toApplicationCreate(personId: string, values: ApplicationFormValues): ApplicationCreate {
  return {
    person_id: personId,
    what_matters: optional(values.what_matters),
    channel: values.channel as Channel,
    received_on: values.received_on,
    applicant_kind: values.applicant_kind,
    applicant_name: values.applicant_kind === 'self' ? null : optional(values.applicant_name),
    services: values.services.map((code) => ({ service_type: code, note: optional(values.notes[code]) })),
    urgency: values.urgency,
    consent_to_obtain_information: values.consent_to_obtain_information,
  };
}
