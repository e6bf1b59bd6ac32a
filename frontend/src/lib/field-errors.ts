/**
 * A 422 problem names the fields it rejects (`errors[].field`, e.g. `body.national_id` or
 * `body.relatives.0.name`). These helpers put each error at the closest field a form has,
 * so the message shows at the right input and in the error summary.
 */
import { ApiProblem, type ProblemFieldError } from './problem';

/** The form field a server path points to: `body.address.postcode` → `address.postcode`; null outside the body. */
export function toFieldPath(serverField: string): string | null {
  const [location, ...rest] = serverField.split('.');
  if (location !== 'body' || rest.length === 0) return null;
  return rest.join('.');
}

/** The id of the input for a field path: `relatives.0.name` → `person-relatives-0-name`. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/\./g, '-')}`;
}

/** The deepest of `fields` that `path` is, or lies inside (`services.0.service_type` → `services`). */
export function closestField(path: string, fields: readonly string[]): string | null {
  let best: string | null = null;
  for (const field of fields) {
    if (path === field || path.startsWith(`${field}.`)) {
      if (best === null || field.length > best.length) best = field;
    }
  }
  return best;
}

export type MatchedFieldErrors = {
  /** The first server error for each form field, by the field's path. */
  byField: Record<string, ProblemFieldError>;
  /** Errors no field of the form can show (outside the body, or a field the form does not have). */
  unmatched: ProblemFieldError[];
};

/** The field errors of a failed request, placed at the form's fields; empty for anything but a problem with `errors`. */
export function matchFieldErrors(error: unknown, fields: readonly string[]): MatchedFieldErrors {
  const result: MatchedFieldErrors = { byField: {}, unmatched: [] };
  if (!(error instanceof ApiProblem)) return result;
  for (const item of error.problem.errors ?? []) {
    if (typeof item?.field !== 'string') continue;
    const path = toFieldPath(item.field);
    const field = path === null ? null : closestField(path, fields);
    if (field === null) result.unmatched.push(item);
    else if (!(field in result.byField)) result.byField[field] = item;
  }
  return result;
}

/** Orders field errors as the fields stand in the form, so the summary reads top to bottom. */
export function inFormOrder<T>(errors: Record<string, T>, fields: readonly string[]): [string, T][] {
  return fields.filter((field) => field in errors).map((field) => [field, errors[field] as T]);
}
