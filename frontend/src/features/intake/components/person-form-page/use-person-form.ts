/**
 * The person form on `useApiForm` (react-hook-form + the zod `personSchema`), with controlled
 * inputs: relatives and representatives are added and removed by index, so every input shows
 * the value stored at its path now. A change is checked again once the form has been sent, so a
 * message (the API's too) goes away as soon as its field is right.
 */
import type { ChangeEvent } from 'react';
import type { Path } from 'react-hook-form';

import { useApiForm, type ApiForm } from '@/lib/use-api-form';

import { personFields, personSchema, type PersonFormValues } from '../../lib/person-form';

export type PersonForm = ApiForm<PersonFormValues> & {
  values: PersonFormValues;
  /** Set the value at `path` (a field, or a whole group) as the user changed it. */
  change: (path: string, value: unknown) => void;
  /** Props for a text input or select at `path`. */
  text: (path: string) => {
    id: string;
    name: string;
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  };
  /** Props for a checkbox at `path`. */
  checkbox: (path: string) => { id: string; name: string; checked: boolean; onChange: (event: ChangeEvent<HTMLInputElement>) => void };
};

const textOf = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function usePersonForm(initial: () => PersonFormValues): PersonForm {
  const form = useApiForm<PersonFormValues>({ form: 'person', schema: personSchema, initial, fields: personFields });
  const values = form.watch();
  const change = (path: string, value: unknown) => {
    const name = path as Path<PersonFormValues>;
    form.setValue(name, value as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    // Before the first send, only an error the API placed here goes (nothing new turns red).
    if (!form.formState.isSubmitted) form.clearErrors(name);
  };
  const at = (path: string): unknown => form.getValues(path as Path<PersonFormValues>);
  return Object.assign(form, {
    values,
    change,
    text: (path: string) => ({
      id: form.id(path),
      name: path,
      value: textOf(at(path)),
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => change(path, event.target.value),
    }),
    checkbox: (path: string) => ({
      id: form.id(path),
      name: path,
      checked: Boolean(at(path)),
      onChange: (event: ChangeEvent<HTMLInputElement>) => change(path, event.target.checked),
    }),
  });
}
