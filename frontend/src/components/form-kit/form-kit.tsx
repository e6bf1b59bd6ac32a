/**
 * The shared form kit: inputs on Designsystemet, bound to a form from `useApiForm` by their path.
 * A form wraps its inputs in <FormKit form={form} message={message}>; each input then takes its
 * id, value and error from the form, and `message` turns the error's key into the form's own words.
 */
import { Checkbox, Field, Label, Select, Textfield, ValidationMessage, type CheckboxProps, type TextfieldProps } from '@digdir/designsystemet-react';
import { createContext, useContext, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';

import type { ApiForm } from '@/lib/use-api-form';

import styles from './form-kit.module.css';

type Kit = {
  form: ApiForm<FieldValues>;
  /** The translated message at `path`, or undefined when the field is right. */
  message: (path: string) => string | undefined;
};

const FormKitContext = createContext<Kit | null>(null);

export function FormKit<V extends FieldValues>({
  form,
  message,
  children,
}: {
  form: ApiForm<V>;
  message: (path: string) => string | undefined;
  children: ReactNode;
}) {
  return <FormKitContext value={{ form: form as unknown as ApiForm<FieldValues>, message }}>{children}</FormKitContext>;
}

export function useFormKit(): Kit {
  const kit = useContext(FormKitContext);
  if (!kit) throw new Error('A form kit input must stand inside <FormKit>.');
  return kit;
}

/** Omit over each member of a union (Textfield's props are an input's or a textarea's). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type TextFieldProps = {
  name: string;
  /** A group the field stands in (`contact`): its message shows here when the field has none of its own. */
  group?: string;
} & DistributiveOmit<TextfieldProps, 'name' | 'id' | 'error' | 'value' | 'onChange'>;

/** A text input (or a textarea with `multiline`) with its label, description and error. */
export function TextField({ name, group, ...props }: TextFieldProps) {
  const { form, message } = useFormKit();
  const error = message(name) ?? (group === undefined ? undefined : message(group));
  return <Textfield {...props} {...form.register(name)} id={form.id(name)} error={error} />;
}

export type SelectOption = { value: string; label: ReactNode; disabled?: boolean };

type SelectFieldProps = {
  name: string;
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first, disabled «Velg» option for a field without a default. */
  placeholder?: string;
  required?: boolean;
};

/** A native select with its label and error. */
export function SelectField({ name, label, options, placeholder, required }: SelectFieldProps) {
  const { form, message } = useFormKit();
  const error = message(name);
  return (
    <Field>
      <Label>{label}</Label>
      <Select {...form.register(name)} id={form.id(name)} aria-required={required || undefined} aria-invalid={error ? true : undefined}>
        {placeholder !== undefined ? (
          <Select.Option value="" disabled>
            {placeholder}
          </Select.Option>
        ) : null}
        {options.map((option) => (
          <Select.Option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

type CheckboxFieldProps = { name: string } & Omit<CheckboxProps, 'name' | 'id' | 'checked' | 'onChange' | 'value'>;

/** The class that gives a radio or checkbox its tap target. */
export const choiceClass = styles.choice;

/** One checkbox for a yes/no value. */
export function CheckboxField({ name, ...props }: CheckboxFieldProps) {
  const { form } = useFormKit();
  return <Checkbox className={styles.choice} {...(props as CheckboxProps)} {...form.register(name)} id={form.id(name)} />;
}

/** A message for a whole group or a part of the form that has no input of its own. */
export function FieldMessage({ name }: { name: string }) {
  const { message } = useFormKit();
  const error = message(name);
  return error ? <ValidationMessage>{error}</ValidationMessage> : null;
}
