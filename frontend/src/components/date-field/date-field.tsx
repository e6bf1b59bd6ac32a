/**
 * The one date field of every form: typed as `dd.mm.åååå` whatever the browser's locale (a mask
 * from imask puts the dots in), held as `YYYY-MM-DD`. Designsystemet has no date field, and the
 * native `<input type=date>` shows the browser's own format, so a date would look different from
 * machine to machine.
 */
import { Textfield } from '@digdir/designsystemet-react';
import IMask, { type InputMask } from 'imask';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useController } from 'react-hook-form';

import { fromDateText, toDateText } from '@/lib/dates';

import { useFormKit } from '../form-kit/form-kit';

import styles from './date-field.module.css';

type DateInputProps = {
  id?: string;
  name?: string;
  label: ReactNode;
  description?: ReactNode;
  /** `YYYY-MM-DD`, '' or text that is not (yet) a date. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  required?: boolean;
  className?: string;
};

/** A date input on its own, for a form that keeps its own state. */
export function DateInput({ id, name, label, description, value, onChange, onBlur, error, required, className }: DateInputProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const mask = useRef<InputMask<{ mask: string }> | null>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    if (!input.current) return;
    const created = IMask(input.current, { mask: '00.00.0000', lazy: true });
    created.value = toDateText(value);
    created.on('accept', () => latest.current(fromDateText(created.value)));
    mask.current = created;
    return () => {
      created.destroy();
      mask.current = null;
    };
    // The mask is made once; a new value from outside comes in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = mask.current;
    if (current && fromDateText(current.value) !== value) current.value = toDateText(value);
  }, [value]);

  const format = t('dateField.format');
  return (
    <Textfield
      ref={input}
      id={id}
      name={name}
      label={label}
      description={description ? <>{description} {t('dateField.formatHint', { format })}</> : t('dateField.formatHint', { format })}
      defaultValue={toDateText(value)}
      onBlur={onBlur}
      error={error}
      inputMode="numeric"
      autoComplete="off"
      aria-required={required || undefined}
      className={className ? `${styles.field} ${className}` : styles.field}
      data-date-field=""
    />
  );
}

type DateFieldProps = Omit<DateInputProps, 'id' | 'name' | 'value' | 'onChange' | 'onBlur' | 'error'> & { name: string };

/** A date input bound to the form kit's form by its path. */
export function DateField({ name, ...props }: DateFieldProps) {
  const { form, message } = useFormKit();
  const { field } = useController({ name, control: form.control });
  return (
    <DateInput
      {...props}
      id={form.id(name)}
      name={name}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={message(name)}
    />
  );
}
