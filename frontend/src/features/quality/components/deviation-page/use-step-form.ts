/** A handling step's small form: checks on submit, a 422 placed at its field, a 412 read again so the latest shows. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

import { queryKeys } from '@/lib/query-keys';
import { useApiForm } from '@/lib/use-api-form';

import { isErrorKey, type ErrorKey } from '../../lib/form-errors';

import { isStale } from './step-problem';

type Options<V extends FieldValues> = {
  form: string;
  deviationId: string;
  schema: z.ZodType<V, V>;
  initial: V | (() => V);
  fields: (values: V) => string[];
  /** The field's label, for messages that name it. */
  labelOf: (path: string) => string;
  serverKey?: (path: string) => ErrorKey;
};

export function useStepForm<V extends FieldValues>({ form: name, deviationId, schema, initial, fields, labelOf, serverKey }: Options<V>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<V>({ form: name, schema, initial, fields });
  const [problem, setProblem] = useState<unknown>(null);

  const message = (path: string): string | undefined => {
    const key = form.errorAt(path);
    if (!key) return undefined;
    return t(`quality.errors.${isErrorKey(key) ? key : 'invalid'}`, { field: labelOf(path) });
  };

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));

  /** For a mutation's onError: a 422 at its fields, anything else as a problem (a 412 reads the deviation again). */
  const onError = (error: unknown) => {
    const placed = form.showServerErrors(error, serverKey ?? (() => 'invalid'));
    setProblem(placed ? null : error);
    if (isStale(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.quality.deviation(deviationId) });
  };

  return { form, message, summary, problem, setProblem, onError };
}
