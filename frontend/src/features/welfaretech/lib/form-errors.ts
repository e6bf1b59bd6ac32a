/** The messages welfaretech's forms show at a field; each is `welfaretech.errors.<key>` in the locales. */
import { ApiProblem } from '@/lib/problem';

export const ERROR_KEYS = [
  'required',
  'choose',
  'invalid',
  'tooLong',
  'date',
  'future',
  'needs',
  'goals',
  'consentGiven',
  'consentWithoutCapacity',
  'reflection',
  'condition',
  'resists',
  'kinds',
  'validFrom',
  'validUntil',
  'validUntilMax',
  'renewalUntil',
  'decisionEndedOn',
  'reason',
  'provider',
  'trialWeeks',
  'device',
  'alarmTest',
  'checklist',
  'minutes',
  'number',
  'week',
  'baselineWeek',
  'feltSafety',
  'installedOn',
  'endedOn',
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

/** A problem whose field errors are moved under `prefix` (`body.conditions.x` → `body.legal.conditions.x`), for a part of a bigger form. */
export function underPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiProblem) || !error.problem.errors) return error;
  return new ApiProblem(error.status, {
    ...error.problem,
    errors: error.problem.errors.map((item) => ({
      ...item,
      field: item.field.startsWith('body.') ? `body.${prefix}.${item.field.slice('body.'.length)}` : item.field,
    })),
  });
}
