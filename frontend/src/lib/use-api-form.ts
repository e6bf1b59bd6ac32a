/**
 * The state of a form that posts to one of the APIs: react-hook-form with a zod schema for the
 * client's checks, and the API's 422 field errors (`errors[].field`) placed at the form's inputs
 * with setError. Checks run on submit, then again as a field changes, so a message goes away as
 * soon as the field is right; an API error goes when its field changes. Messages are keys (the
 * form translates them); `attempt` grows on every submit that fails, so the error summary shows
 * (and takes focus) again.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type BaseSyntheticEvent } from 'react';
import { useForm, useWatch, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';

import { fieldId, inFormOrder, matchFieldErrors } from './field-errors';

type Options<V extends FieldValues> = {
  /** Prefix of the input ids: `person` → `person-national_id`. */
  form: string;
  schema: z.ZodType<V, V>;
  initial: V | (() => V);
  /** The form's fields top to bottom: where an API error can land, and the summary's order. */
  fields: (values: V) => string[];
};

/** Every error in react-hook-form's nested errors, by dotted path (a field array's `root` is the array's own). */
export function flattenErrors(errors: FieldErrors, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (value === null || typeof value !== 'object') continue;
    const path = key === 'root' && prefix ? prefix : prefix ? `${prefix}.${key}` : key;
    const node = value as Record<string, unknown>;
    if (typeof node.message === 'string' && typeof node.type === 'string') result[path] = node.message;
    else if (key !== 'ref') Object.assign(result, flattenErrors(node as FieldErrors, path));
  }
  return result;
}

export type ApiForm<V extends FieldValues> = UseFormReturn<V> & {
  /** The id of the input at `path`, for labels and the error summary. */
  id: (path: string) => string;
  /** The message key at `path`, if any. */
  errorAt: (path: string) => string | undefined;
  /** The errors as [path, key] in the order of the form. */
  orderedErrors: () => [string, string][];
  attempt: number;
  /** onSubmit for the form element: checks the values and calls `send` only when they pass. */
  submitWith: (send: (values: V) => void) => (event?: BaseSyntheticEvent) => void;
  /**
   * Places a failed request's field errors at the form's inputs, each with the key `keyFor` gives.
   * True when every error found a field; what found none is for the caller to show as a problem of the whole form.
   */
  showServerErrors: (error: unknown, keyFor: (path: string) => string) => boolean;
};

export function useApiForm<V extends FieldValues>({ form, schema, initial, fields }: Options<V>): ApiForm<V> {
  const [defaultValues] = useState(initial);
  const methods = useForm<V>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // The error summary takes focus and links to each field.
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const errors = flattenErrors(methods.formState.errors);
  const values = useWatch({ control: methods.control }) as V;

  const submitWith = (send: (values: V) => void) => (event?: BaseSyntheticEvent) => {
    void methods.handleSubmit(
      (checked) => send(checked),
      () => setAttempt((n) => n + 1),
    )(event);
  };

  const showServerErrors = (error: unknown, keyFor: (path: string) => string): boolean => {
    const { byField, unmatched } = matchFieldErrors(error, fields(methods.getValues()));
    const paths = Object.keys(byField);
    for (const path of paths) methods.setError(path as Path<V>, { type: 'server', message: keyFor(path) });
    setAttempt((n) => n + 1);
    return paths.length > 0 && unmatched.length === 0;
  };

  return {
    ...methods,
    id: (path: string) => fieldId(form, path),
    errorAt: (path: string) => errors[path],
    orderedErrors: () => inFormOrder(errors, fields(values)),
    attempt,
    submitWith,
    showServerErrors,
  };
}

/** The first message of a schema at each path (`relatives.0.name`), or {} when the values pass: for tests and plain checks. */
export function schemaErrors<V>(schema: z.ZodType<V, V>, values: V): Record<string, string> {
  const result = schema.safeParse(values);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}
