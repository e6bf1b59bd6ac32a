import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';

import { useCloseDeviation, useReopenDeviation } from '../../api/deviation-steps';
import type { DeviationRead } from '../../api/types';

import { StepProblem } from './step-problem';
import { useStepForm } from './use-step-form';

const filled = (value: string) => value.trim() !== '';

type CloseValues = { learning_summary: string; outcome_for_reporter: string };
const closeSchema = z.object({
  learning_summary: z.string().refine(filled, 'required').max(10000, 'tooLong'),
  outcome_for_reporter: z.string().refine(filled, 'required').max(5000, 'tooLong'),
});

/** «Lukk avviket»: what the unit has learnt, and the outcome the reporter is told. */
export function CloseForm({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const close = useCloseDeviation();
  const labels: Record<string, string> = {
    learning_summary: t('quality.close.learningSummary'),
    outcome_for_reporter: t('quality.close.outcome'),
  };
  const step = useStepForm<CloseValues>({
    form: 'close',
    deviationId: deviation.id,
    schema: closeSchema,
    initial: { learning_summary: deviation.learning_summary ?? '', outcome_for_reporter: deviation.outcome_for_reporter ?? '' },
    fields: () => ['learning_summary', 'outcome_for_reporter'],
    labelOf: (path) => labels[path] ?? path,
    serverKey: () => 'required',
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    close.mutate(
      { id: deviation.id, version: deviation.version, body: { learning_summary: values.learning_summary.trim(), outcome_for_reporter: values.outcome_for_reporter.trim() } },
      { onError: step.onError },
    );
  });
  return (
    <FormSection heading={t('quality.close.heading')} headingId="close-heading">
      <Paragraph data-size="sm">{t('quality.close.intro')}</Paragraph>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="close-heading">
          <TextField name="learning_summary" label={t('quality.close.learningSummary')} description={t('quality.close.learningSummaryDescription')} multiline rows={4} maxLength={10000} aria-required />
          <TextField name="outcome_for_reporter" label={t('quality.close.outcome')} description={t('quality.close.outcomeDescription')} multiline rows={3} maxLength={5000} aria-required />
          {step.problem ? <StepProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={close.isPending} disabled={close.isPending}>
              {t('quality.close.submit')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

type ReopenValues = { reason: string };
const reopenSchema = z.object({ reason: z.string().refine(filled, 'required').max(2000, 'tooLong') });

/** «Gjenåpne»: a closed deviation comes back to investigation, with the reason kept. */
export function ReopenForm({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const reopen = useReopenDeviation();
  const step = useStepForm<ReopenValues>({
    form: 'reopen',
    deviationId: deviation.id,
    schema: reopenSchema,
    initial: { reason: '' },
    fields: () => ['reason'],
    labelOf: () => t('quality.reopen.reason'),
    serverKey: () => 'required',
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    reopen.mutate({ id: deviation.id, version: deviation.version, body: { reason: values.reason.trim() } }, { onError: step.onError });
  });
  return (
    <FormSection heading={t('quality.reopen.heading')} headingId="reopen-heading">
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="reopen-heading">
          <TextField name="reason" label={t('quality.reopen.reason')} description={t('quality.reopen.reasonDescription')} multiline rows={2} maxLength={2000} aria-required />
          {step.problem ? <StepProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" variant="secondary" loading={reopen.isPending} disabled={reopen.isPending}>
              {t('quality.reopen.submit')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}
