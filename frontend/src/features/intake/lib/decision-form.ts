/** The decision (vedtak) form: outcome, scope, dates, contact, facts and considerations, and LEON/BEON when required. */
import { z } from 'zod';

import { isIsoDate } from '@/lib/dates';
import { schemaErrors } from '@/lib/use-api-form';

import { OUTCOMES, TRIED_STATUSES, type DecisionCreate, type DecisionRead, type DecisionUpdate, type Outcome, type TriedStatus } from '../api/types';

import type { ErrorKey, FormErrors, NumberRange } from './form-errors';

/** The scope a decision can state: up to every hour of seven weeks' days and nights (what the API accepts). */
export const SCOPE_AMOUNT_RANGE: NumberRange = { min: 0, max: 1176 };

export const DECISION_TEXT_LIMIT = 20000;

export type LowerLevelValues = { service_type: string; status: TriedStatus; why_not_enough: string };

export type DecisionFormValues = {
  outcome: Outcome | '';
  scope_amount: string;
  starts_on: string;
  ends_on: string;
  review_on: string;
  unit: string;
  contact: { name: string; unit: string; phone: string };
  facts: string;
  considerations: string;
  lower_levels: LowerLevelValues[];
  language: 'nb' | 'nn';
  place_available: boolean;
};

/** What the form needs to know about the service to check it. */
export type DecisionRules = { requiresLowerLevelReview: boolean; measured: boolean };

export function emptyDecision(language: 'nb' | 'nn' = 'nb'): DecisionFormValues {
  return {
    outcome: '',
    scope_amount: '',
    starts_on: '',
    ends_on: '',
    review_on: '',
    unit: '',
    contact: { name: '', unit: '', phone: '' },
    facts: '',
    considerations: '',
    lower_levels: [],
    language,
    place_available: true,
  };
}

export function emptyLowerLevel(): LowerLevelValues {
  return { service_type: '', status: 'tried', why_not_enough: '' };
}

export function decisionFields(values: DecisionFormValues): string[] {
  return [
    'service_type',
    'outcome',
    'scope_amount',
    'starts_on',
    'ends_on',
    'review_on',
    'unit',
    'contact',
    'contact.name',
    'contact.unit',
    'contact.phone',
    'facts',
    'considerations',
    'lower_levels',
    ...values.lower_levels.flatMap((_, index) => [
      `lower_levels.${index}.service_type`,
      `lower_levels.${index}.why_not_enough`,
    ]),
    'language',
  ];
}

const filled = (value: string) => value.trim() !== '';

/** A text the decision must give (facts, considerations): said, and not longer than the letter allows. */
const groundsText = z.string().refine(filled, 'required').max(DECISION_TEXT_LIMIT, 'tooLong');
/** An optional date: empty, or an ISO date. */
const optionalDate = z.string().refine((value) => value === '' || isIsoDate(value), 'date');

/** The client's checks of the decision; what a grant needs depends on the service (`rules`). */
export function decisionSchema(rules: DecisionRules): z.ZodType<DecisionFormValues, DecisionFormValues> {
  return z
    .object({
      outcome: z.union([z.enum(OUTCOMES), z.literal('')]).refine((value): boolean => value !== '', 'required'),
      scope_amount: z.string(),
      starts_on: optionalDate,
      ends_on: optionalDate,
      review_on: optionalDate,
      unit: z.string(),
      contact: z.object({ name: z.string(), unit: z.string(), phone: z.string() }),
      facts: groundsText,
      considerations: groundsText,
      lower_levels: z.array(
        z.object({
          service_type: z.string().refine(filled, 'required'),
          status: z.enum(TRIED_STATUSES),
          why_not_enough: z.string().refine(filled, 'required'),
        }),
      ),
      language: z.enum(['nb', 'nn']),
      place_available: z.boolean(),
    })
    .superRefine((values, ctx) => {
      const wrong = (path: (string | number)[], message: ErrorKey) => ctx.addIssue({ code: 'custom', path, message });
      const granting = values.outcome !== '' && values.outcome !== 'refused';
      if (granting && rules.measured) {
        const amount = values.scope_amount.trim().replace(',', '.');
        if (!amount) wrong(['scope_amount'], 'scopeAmount');
        else if (!/^\d+(\.\d+)?$/.test(amount) || Number(amount) > SCOPE_AMOUNT_RANGE.max) wrong(['scope_amount'], 'number');
      }
      if (granting && !values.starts_on) wrong(['starts_on'], 'required');
      if (values.outcome === 'refused') return;
      const started = isIsoDate(values.starts_on);
      if (started && isIsoDate(values.ends_on) && values.ends_on < values.starts_on) wrong(['ends_on'], 'endsBeforeStart');
      if (granting && values.review_on === '') wrong(['review_on'], 'reviewOn');
      else if (started && isIsoDate(values.review_on) && values.review_on < values.starts_on) wrong(['review_on'], 'reviewBeforeStart');
      if (granting && !filled(values.contact.name)) wrong(['contact', 'name'], 'contact');
      if (granting && rules.requiresLowerLevelReview && values.lower_levels.length === 0) wrong(['lower_levels'], 'lowerLevels');
    });
}

/** Field path → what is wrong with it (empty when the decision may be sent). */
export function validateDecision(values: DecisionFormValues, rules: DecisionRules): FormErrors {
  return schemaErrors(decisionSchema(rules), values) as FormErrors;
}

export function decisionServerErrorKey(path: string): ErrorKey {
  if (path === 'review_on') return 'reviewOn';
  if (path === 'starts_on') return 'required';
  if (path.startsWith('contact')) return 'contact';
  if (path === 'scope_amount') return 'scopeAmount';
  if (path === 'ends_on') return 'endsOn';
  if (path.startsWith('lower_levels')) return 'lowerLevels';
  if (path === 'service_type') return 'serviceNotApplied';
  return 'invalid';
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);

export function toDecisionCreate(applicationId: string, serviceType: string, values: DecisionFormValues): DecisionCreate {
  const contactGiven = values.contact.name.trim() || values.contact.unit.trim() || values.contact.phone.trim();
  // A refusal states no scope, period or unit, whatever was typed before the outcome changed.
  const refused = values.outcome === 'refused';
  const granted = (value: string | null) => (refused ? null : value);
  return {
    application_id: applicationId,
    service_type: serviceType,
    outcome: values.outcome as Outcome,
    scope_amount: !refused && values.scope_amount.trim() ? Number(values.scope_amount.trim().replace(',', '.')) : null,
    starts_on: granted(optional(values.starts_on)),
    ends_on: granted(optional(values.ends_on)),
    review_on: granted(optional(values.review_on)),
    unit: granted(optional(values.unit)),
    contact: contactGiven
      ? { name: values.contact.name.trim(), unit: optional(values.contact.unit), phone: optional(values.contact.phone) }
      : null,
    facts: values.facts.trim(),
    considerations: values.considerations.trim(),
    lower_levels: values.lower_levels.map((level) => ({
      service_type: level.service_type,
      status: level.status,
      why_not_enough: level.why_not_enough.trim(),
    })),
    language: values.language,
    place_available: refused ? true : values.place_available,
  };
}

/** The form filled from a stored draft, for «Endre utkastet». */
export function decisionValues(decision: DecisionRead): DecisionFormValues {
  const text = (value: string | null | undefined) => value ?? '';
  return {
    outcome: decision.outcome,
    scope_amount: decision.scope_amount === null || decision.scope_amount === undefined ? '' : String(decision.scope_amount).replace('.', ','),
    starts_on: text(decision.starts_on),
    ends_on: text(decision.ends_on),
    review_on: text(decision.review_on),
    unit: text(decision.unit),
    contact: { name: text(decision.contact?.name), unit: text(decision.contact?.unit), phone: text(decision.contact?.phone) },
    facts: decision.facts,
    considerations: decision.considerations,
    lower_levels: decision.lower_levels.map((level) => ({ service_type: level.service_type, status: level.status, why_not_enough: level.why_not_enough })),
    language: decision.language === 'nn' ? 'nn' : 'nb',
    place_available: decision.rights.place_available ?? true,
  };
}

/** The changed draft: the same fields as a new one, without the application and service it belongs to. */
export function toDecisionUpdate(values: DecisionFormValues): DecisionUpdate {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { application_id, service_type, replaces_id, ...fields } = toDecisionCreate('', '', values);
  return fields;
}
