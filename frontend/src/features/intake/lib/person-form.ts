/** The register-person form: its values, the fields in form order, client checks and the request body. */
import type { InformationScope, PersonCreate, PersonRead, PersonUpdate, RepresentativeKind } from '../api/types';

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

/** What can be checked before sending; the check digits of the national id are the API's to judge. */
export function validatePerson(values: PersonFormValues): FormErrors {
  const errors: FormErrors = {};
  const set = (path: string, key: ErrorKey) => {
    if (!(path in errors)) errors[path] = key;
  };
  if (!values.national_id.trim()) set('national_id', 'required');
  else if (!hasElevenDigits(values.national_id)) set('national_id', 'nationalIdDigits');
  if (!values.given_name.trim()) set('given_name', 'required');
  if (!values.family_name.trim()) set('family_name', 'required');
  if (values.address.postcode.trim() && !/^\d{4}$/.test(values.address.postcode.trim())) set('address.postcode', 'postcode');
  const gp = values.gp;
  if (!gp.name.trim() && (gp.practice.trim() || gp.phone.trim())) set('gp.name', 'gpName');
  values.relatives.forEach((relative, i) => {
    if (!relative.name.trim()) set(`relatives.${i}.name`, 'required');
    if (!relative.relation.trim()) set(`relatives.${i}.relation`, 'required');
    if (relative.email.trim() && !EMAIL.test(relative.email.trim())) set(`relatives.${i}.email`, 'email');
  });
  values.representatives.forEach((representative, i) => {
    if (!representative.kind) set(`representatives.${i}.kind`, 'representativeKind');
    if (!representative.name.trim()) set(`representatives.${i}.name`, 'required');
    if (!representative.scope.trim()) set(`representatives.${i}.scope`, 'required');
    const fromError = dateError(representative.valid_from);
    const toError = dateError(representative.valid_to);
    if (fromError) set(`representatives.${i}.valid_from`, fromError);
    if (toError) set(`representatives.${i}.valid_to`, toError);
    else if (!fromError && representative.valid_from && representative.valid_to && representative.valid_to < representative.valid_from) {
      set(`representatives.${i}.valid_to`, 'validTo');
    }
  });
  return errors;
}

/** The message for a field the API rejected: specific where the form knows the rule, general otherwise. */
export function personServerErrorKey(path: string): ErrorKey {
  if (path === 'national_id') return 'nationalIdInvalid';
  if (path === 'address.postcode') return 'postcode';
  if (/^relatives\.\d+\.email$/.test(path)) return 'email';
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
