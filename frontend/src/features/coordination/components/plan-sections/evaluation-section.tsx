import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FormKit, SelectField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { ProblemAlert } from '@/components/query-state/query-state';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useEvaluatePlan } from '../../api/meetings';
import { GOAL_RESULTS, type GoalResult, type PlanRead } from '../../api/types';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

type EvaluationValues = { evaluated_on: string; next_evaluation_on: string; results: { goal_id: string; result: GoalResult | '' }[] };
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const schema: z.ZodType<EvaluationValues, EvaluationValues> = z.object({
  evaluated_on: z.string().refine((v) => ISO.test(v), 'date'),
  next_evaluation_on: z.string().refine((v) => ISO.test(v), 'date'),
  results: z.array(z.object({ goal_id: z.string(), result: z.union([z.enum(GOAL_RESULTS), z.literal('')]) })),
});

/** Evaluate the active plan: each goal reached, partly or not, and the next evaluation date. */
export function EvaluationSection({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const evaluate = useEvaluatePlan();
  const form = useApiForm<EvaluationValues>({
    form: 'evaluation',
    schema,
    initial: () => ({ evaluated_on: osloToday(), next_evaluation_on: '', results: plan.goals.map((g) => ({ goal_id: g.id ?? '', result: '' })) }),
    fields: (values) => ['evaluated_on', ...values.results.map((_, i) => `results.${i}.result`), 'next_evaluation_on'],
  });
  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  const onSubmit = form.submitWith((values) =>
    evaluate.mutate({
      planId: plan.id,
      version: plan.version,
      body: {
        evaluated_on: values.evaluated_on,
        next_evaluation_on: values.next_evaluation_on,
        results: values.results.filter((r) => r.result !== '').map((r) => ({ goal_id: r.goal_id, result: r.result as GoalResult })),
      },
    }),
  );
  if (plan.status !== 'active' || !plan.may_edit || plan.goals.length === 0) return null;
  return (
    <FormSection heading={t('coordination.evaluation.heading')} description={t('coordination.evaluation.help')}>
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.evaluation.heading')}>
          <DateField name="evaluated_on" label={t('coordination.evaluation.date')} />
          {plan.goals.map((goal, index) => (
            <SelectField
              key={goal.id}
              name={`results.${index}.result`}
              label={t('coordination.evaluation.goal', { goal: goal.text })}
              options={[{ value: '', label: t('coordination.evaluation.notNow') }, ...GOAL_RESULTS.map((r) => ({ value: r, label: tx(`coordination.evaluation.result.${r}`) }))]}
            />
          ))}
          <DateField name="next_evaluation_on" label={t('coordination.planForm.nextEvaluation')} />
          {evaluate.isError ? <ProblemAlert error={evaluate.error} /> : null}
          <div>
            <Button type="submit" variant="secondary" disabled={evaluate.isPending}>
              {t('coordination.evaluation.record')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}
