/**
 * State of one of intake's forms: values, the client's checks, the API's field errors placed at
 * their inputs, and the error summary. Client checks run on submit, then again on every change,
 * so a message goes away as soon as the field is right; an API error goes when its field changes.
 */
import { useCallback, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';

import { fieldId, inFormOrder, matchFieldErrors } from '@/lib/field-errors';

import type { ErrorKey, FormErrors } from './form-errors';
import { getPath, setPath } from './paths';

type Options<V> = {
  /** Prefix of the input ids: `person` → `person-national_id`. */
  form: string;
  initial: V | (() => V);
  fields: (values: V) => string[];
  validate: (values: V) => FormErrors;
};

/** The errors in `shown` that `current` still finds, with `current`'s message. */
export function stillWrong(shown: FormErrors, current: FormErrors): FormErrors {
  const result: FormErrors = {};
  for (const path of Object.keys(shown)) {
    const key = current[path];
    if (key) result[path] = key;
  }
  return result;
}

/** A stored value as an input's text. */
const textOf = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function useFormState<V>({ form, initial, fields, validate }: Options<V>) {
  const [values, setValues] = useState<V>(initial);
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  /** Grows on every submit with errors, so the summary shows (and takes focus) again. */
  const [attempt, setAttempt] = useState(0);

  const update = useCallback(
    (next: (current: V) => V, changedPath?: string) => {
      const updated = next(values);
      setValues(updated);
      // Between submits a message only goes away (or changes) as the field is put right;
      // new ones wait for the next submit, so a group just added is not red at once.
      if (submitted) setClientErrors((shown) => stillWrong(shown, validate(updated)));
      if (changedPath !== undefined) {
        setServerErrors((current) => {
          const affected = Object.keys(current).filter(
            (path) => path === changedPath || changedPath.startsWith(`${path}.`) || path.startsWith(`${changedPath}.`),
          );
          if (affected.length === 0) return current;
          const copy = { ...current };
          for (const path of affected) delete copy[path];
          return copy;
        });
      }
    },
    [values, submitted, validate],
  );

  const change = useCallback((path: string, value: unknown) => update((current) => setPath(current, path, value), path), [update]);

  const errors = useMemo<FormErrors>(() => ({ ...serverErrors, ...clientErrors }), [serverErrors, clientErrors]);
  const orderedFields = useMemo(() => fields(values), [fields, values]);

  /** onSubmit for the form: checks the values, and calls `send` only when they pass. */
  const handleSubmit = (send: (values: V) => void) => (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setSubmitted(true);
    setClientErrors(found);
    setServerErrors({});
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    send(values);
  };

  /**
   * Places the API's field errors at the form's inputs. Returns true when at least one found a
   * field; what found none is for the caller to show as a problem of the whole form.
   */
  const showServerErrors = (error: unknown, keyFor: (path: string) => ErrorKey, extra: FormErrors = {}): boolean => {
    const { byField, unmatched } = matchFieldErrors(error, orderedFields);
    const placed: FormErrors = { ...extra };
    for (const path of Object.keys(byField)) placed[path] = keyFor(path);
    setServerErrors(placed);
    setAttempt((n) => n + 1);
    return Object.keys(placed).length > 0 && unmatched.length === 0;
  };

  const id = (path: string) => fieldId(form, path);

  return {
    values,
    setValues: update,
    change,
    errors,
    attempt,
    id,
    /** The errors in the order of the form, for the summary. */
    orderedErrors: () => inFormOrder(errors, orderedFields),
    handleSubmit,
    showServerErrors,
    /** Props for a text input (Designsystemet Textfield) at `path`. */
    text: (path: string) => ({
      id: id(path),
      name: path,
      value: textOf(getPath(values, path)),
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => change(path, event.target.value),
    }),
    /** Props for a checkbox at `path`. */
    checkbox: (path: string) => ({
      id: id(path),
      name: path,
      checked: Boolean(getPath(values, path)),
      onChange: (event: ChangeEvent<HTMLInputElement>) => change(path, event.target.checked),
    }),
  };
}

export type FormState<V> = ReturnType<typeof useFormState<V>>;
