/** The register-person form: its values, the fields in form order, client checks (a zod schema for `useApiForm`) and the request body. */
import { z } from 'zod';

import { schemaErrors } from '@/lib/use-api-form';

import { INFORMATION_SCOPES, REPRESENTATIVE_KINDS, type InformationScope, type PersonCreate, type PersonRead, type PersonUpdate, type RepresentativeKind } from '../api/types';

import { dateError } from './date-checks';
import type { ErrorKey, FormErrors } from './form-errors';
import { compactNationalId, hasElevenDigits } from './national-id';

export type RelativeValues = {
  name: string;
  relation: string;
  phone: string;
  email: string;
  is_next_of_kin: boolean;
  information_scope: InformationScope;
  can_help_with: string;
};

export type RepresentativeValues = {
  kind: RepresentativeKind | '';
  name: string;
  contact: string;
  scope: string;
  valid_from: string;
  valid_to: string;
};

/** Shaped like PersonCreate, so a field's path here is the path the API names in its errors. */
export type PersonFormValues = {
  national_id: string;
  given_name: string;
  family_name: string;
  address: { street: string; postcode: string; city: string };
  phone: string;
  preferred_language: string;
  needs_interpreter: boolean;
  interpreter_language: string;
  gp: { name: string; practice: string; phone: string };
  relatives: RelativeValues[];
  representatives: RepresentativeValues[];
};

export const MAX_RELATIVES = 20;
export const MAX_REPRESENTATIVES = 5;

export function emptyPerson(): PersonFormValues {
  return {
    national_id: '',
    given_name: '',
    family_name: '',
    address: { street: '', postcode: '', city: '' },
    phone: '',
    preferred_language: 'nb',
    needs_interpreter: false,
    interpreter_language: '',
    gp: { name: '', practice: '', phone: '' },
    relatives: [],
    representatives: [],
  };
}

export function emptyRelative(): RelativeValues {
  return { name: '', relation: '', phone: '', email: '', is_next_of_kin: false, information_scope: 'none', can_help_with: '' };
}

export function emptyRepresentative(): RepresentativeValues {
  return { kind: '', name: '', contact: '', scope: '', valid_from: '', valid_to: '' };
}

export const RELATIVE_FIELDS = ['name', 'relation', 'phone', 'email', 'is_next_of_kin', 'information_scope', 'can_help_with'] as const;
export const REPRESENTATIVE_FIELDS = ['kind', 'name', 'contact', 'scope', 'valid_from', 'valid_to'] as const;

/** Every field path of the form as it stands, top to bottom (the order of the error summary). */
export function personFields(values: PersonFormValues): string[] {
  return [
    'national_id',
    'given_name',
    'family_name',
    'address.street',
    'address.postcode',
    'address.city',
    'address',
    'phone',
    'preferred_language',
    'needs_interpreter',
    'interpreter_language',
    'gp.name',
    'gp.practice',
    'gp.phone',
    'gp',
    ...values.relatives.flatMap((_, i) => RELATIVE_FIELDS.map((field) => `relatives.${i}.${field}`)),
    'relatives',
    ...values.representatives.flatMap((_, i) => REPRESENTATIVE_FIELDS.map((field) => `representatives.${i}.${field}`)),
    'representatives',
  ];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A phone number as the API takes it: a Norwegian one has 8 digits (with or without +47 or 0047
 * before them), another country's starts with + (or 00) and its country code, 7 to 15 digits in
 * all (E.164). Spaces, hyphens, dots and brackets between the digits are allowed.
 */
export function isPhoneNumber(raw: string): boolean {
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  const national = compact.replace(/^(?:\+47|0047)/, '');
  if (!/^(?:\+|00)/.test(national)) return /^\d{8}$/.test(national);
  return /^(?:\+|00)[1-9]\d{6,14}$/.test(compact);
}

const text = z.string();
const required = z.string().refine((value) => value.trim() !== '', 'required');
/** An optional phone number: empty, or one `isPhoneNumber` takes. */
const phone = z.string().refine((value) => value.trim() === '' || isPhoneNumber(value), 'phone');

const relativeSchema = z.object({
  name: required,
  relation: required,
  phone,
  email: z.string().refine((value) => value.trim() === '' || EMAIL.test(value.trim()), 'email'),
  is_next_of_kin: z.boolean(),
  information_scope: z.enum(INFORMATION_SCOPES),
  can_help_with: text,
});

const representativeSchema = z
  .object({
    kind: z.union([z.enum(REPRESENTATIVE_KINDS), z.literal('')]).refine((value) => value !== '', 'representativeKind'),
    name: required,
    contact: text,
    scope: required,
    valid_from: text,
    valid_to: text,
  })
  .superRefine((representative, context) => {
    const fromError = dateError(representative.valid_from);
    const toError = dateError(representative.valid_to);
    if (fromError) context.addIssue({ code: 'custom', path: ['valid_from'], message: fromError });
    if (toError) context.addIssue({ code: 'custom', path: ['valid_to'], message: toError });
    else if (!fromError && representative.valid_from && representative.valid_to && representative.valid_to < representative.valid_from) {
      context.addIssue({ code: 'custom', path: ['valid_to'], message: 'validTo' });
    }
  });

/** What can be checked before sending (messages are error keys); the check digits of the national id are the API's to judge. */
export const personSchema: z.ZodType<PersonFormValues, PersonFormValues> = z.object({
  national_id: z
    .string()
    .refine((value) => value.trim() !== '', 'required')
    .refine((value) => value.trim() === '' || hasElevenDigits(value), 'nationalIdDigits'),
  given_name: required,
  family_name: required,
  address: z.object({
    street: text,
    postcode: z.string().refine((value) => value.trim() === '' || /^\d{4}$/.test(value.trim()), 'postcode'),
    city: text,
  }),
  phone,
  preferred_language: text,
  needs_interpreter: z.boolean(),
  interpreter_language: text,
  gp: z
    .object({ name: text, practice: text, phone })
    .superRefine((gp, context) => {
      if (!gp.name.trim() && (gp.practice.trim() || gp.phone.trim())) context.addIssue({ code: 'custom', path: ['name'], message: 'gpName' });
    }),
  relatives: z.array(relativeSchema).max(MAX_RELATIVES),
  representatives: z.array(representativeSchema).max(MAX_REPRESENTATIVES),
});

/** The schema's first message at each field, by path: for tests and plain checks. */
export function validatePerson(values: PersonFormValues): FormErrors {
  return schemaErrors(personSchema, values) as FormErrors;
}

/** The message for a field the API rejected: specific where the form knows the rule, general otherwise. */
export function personServerErrorKey(path: string): ErrorKey {
  if (path === 'national_id') return 'nationalIdInvalid';
  if (path === 'address.postcode') return 'postcode';
  if (/^relatives\.\d+\.email$/.test(path)) return 'email';
  if (path === 'phone' || path === 'gp.phone' || /^relatives\.\d+\.phone$/.test(path)) return 'phone';
  if (path === 'gp.name' || path === 'gp') return 'gpName';
  return 'invalid';
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);

export function toPersonCreate(values: PersonFormValues): PersonCreate {
  const gp = values.gp;
  return {
    national_id: compactNationalId(values.national_id),
    given_name: values.given_name.trim(),
    family_name: values.family_name.trim(),
    address: {
      street: values.address.street.trim(),
      postcode: values.address.postcode.trim(),
      city: values.address.city.trim(),
    },
    phone: optional(values.phone),
    preferred_language: values.preferred_language,
    needs_interpreter: values.needs_interpreter,
    interpreter_language: values.needs_interpreter ? optional(values.interpreter_language) : null,
    gp: gp.name.trim() ? { name: gp.name.trim(), practice: optional(gp.practice), phone: optional(gp.phone) } : null,
    relatives: values.relatives.map((relative) => ({
      name: relative.name.trim(),
      relation: relative.relation.trim(),
      phone: optional(relative.phone),
      email: optional(relative.email),
      is_next_of_kin: relative.is_next_of_kin,
      information_scope: relative.information_scope,
      can_help_with: optional(relative.can_help_with),
    })),
    representatives: values.representatives.map((representative) => ({
      kind: representative.kind as RepresentativeKind,
      name: representative.name.trim(),
      contact: optional(representative.contact),
      scope: representative.scope.trim(),
      valid_from: representative.valid_from || null,
      valid_to: representative.valid_to || null,
    })),
  };
}

/** The form filled from a stored person, for «Endre personopplysninger». */
export function personValues(person: PersonRead): PersonFormValues {
  const text = (value: string | null | undefined) => value ?? '';
  return {
    national_id: person.national_id,
    given_name: person.given_name,
    family_name: person.family_name,
    address: { street: text(person.address.street), postcode: text(person.address.postcode), city: text(person.address.city) },
    phone: text(person.phone),
    preferred_language: person.preferred_language,
    needs_interpreter: person.needs_interpreter,
    interpreter_language: text(person.interpreter_language),
    gp: { name: text(person.gp?.name), practice: text(person.gp?.practice), phone: text(person.gp?.phone) },
    relatives: person.relatives.map((relative) => ({
      name: relative.name,
      relation: relative.relation,
      phone: text(relative.phone),
      email: text(relative.email),
      is_next_of_kin: relative.is_next_of_kin ?? false,
      information_scope: relative.information_scope ?? 'none',
      can_help_with: text(relative.can_help_with),
    })),
    representatives: person.representatives.map((representative) => ({
      kind: representative.kind,
      name: representative.name,
      contact: text(representative.contact),
      scope: representative.scope,
      valid_from: text(representative.valid_from),
      valid_to: text(representative.valid_to),
    })),
  };
}

/** The correction of a stored person: everything but the national id, which does not change. */
export function toPersonUpdate(values: PersonFormValues): PersonUpdate {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { national_id, ...rest } = toPersonCreate(values);
  return rest;
}
