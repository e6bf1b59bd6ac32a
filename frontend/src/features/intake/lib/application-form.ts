/** The application form: «Hva er viktig for deg?» first, then how it came in, the services and urgency. */
import { z } from 'zod';

import { isIsoDate, osloToday } from '@/lib/dates';
import { schemaErrors } from '@/lib/use-api-form';

import { APPLICANT_KINDS, CHANNELS, URGENCIES, type ApplicantKind, type ApplicationCreate, type Channel, type Urgency } from '../api/types';

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

/** The client's checks of an application (for `useApiForm`); messages are error keys. */
export function applicationSchema(today: string = osloToday()): z.ZodType<ApplicationFormValues, ApplicationFormValues> {
  return z.object({
    what_matters: z.string().max(WHAT_MATTERS_LIMIT, 'tooLong'),
    channel: z.union([z.enum(CHANNELS), z.literal('')]).refine((value): boolean => value !== '', 'required'),
    received_on: z
      .string()
      .refine(isIsoDate, 'receivedOn')
      .refine((value) => !isIsoDate(value) || value <= today, 'receivedOnFuture'),
    applicant_kind: z.enum(APPLICANT_KINDS),
    applicant_name: z.string(),
    services: z.array(z.string()).min(1, 'services').max(MAX_SERVICES, 'tooManyServices'),
    notes: z.record(z.string(), z.string()),
    urgency: z.enum(URGENCIES),
    consent_to_obtain_information: z.boolean(),
  });
}

export function validateApplication(values: ApplicationFormValues, today: string = osloToday()): FormErrors {
  return schemaErrors(applicationSchema(today), values) as FormErrors;
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
