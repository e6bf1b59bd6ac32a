/**
 * A quality-system form: useApiForm with zod, messages from `quality.errors` (the deviation forms'
 * words) or `quality.system.errors`, an error summary, and a failed request's 422 placed at its
 * fields (anything else kept as a problem of the whole form).
 */
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

import { useApiForm } from '@/lib/use-api-form';

import { isErrorKey } from '../../lib/form-errors';

const SYSTEM_KEYS = ['textOrLink', 'link', 'reviewAfterValid', 'participants', 'deadlineBeforeReceived'] as const;
type SystemKey = (typeof SYSTEM_KEYS)[number];
const isSystemKey = (value: string): value is SystemKey => (SYSTEM_KEYS as readonly string[]).includes(value);

type Options<V extends FieldValues> = {
  form: string;
  schema: z.ZodType<V, V>;
  initial: V | (() => V);
  fields: (values: V) => string[];
  labels: Record<string, string>;
};

export function useSystemForm<V extends FieldValues>({ form: name, schema, initial, fields, labels }: Options<V>) {
  const { t } = useTranslation();
  const form = useApiForm<V>({ form: name, schema, initial, fields });
  const [problem, setProblem] = useState<unknown>(null);
  const labelOf = (path: string) => labels[path] ?? labels[path.split('.').pop() ?? path] ?? path;

  const message = (path: string): string | undefined => {
    const key = form.errorAt(path);
    if (!key) return undefined;
    if (isSystemKey(key)) return t(`quality.system.errors.${key}`, { field: labelOf(path) });
    return t(`quality.errors.${isErrorKey(key) ? key : 'invalid'}`, { field: labelOf(path) });
  };
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const onError = (error: unknown) => {
    const placed = form.showServerErrors(error, () => 'invalid');
    setProblem(placed ? null : error);
  };
  return { form, message, summary, problem, setProblem, onError };
}

export const filled = (value: string) => value.trim() !== '';
