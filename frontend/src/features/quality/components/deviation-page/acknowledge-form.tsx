import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';

import { useAcknowledgeDeviation } from '../../api/deviation-steps';
import type { DeviationRead } from '../../api/types';

import { StepProblem } from './step-problem';
import { useStepForm } from './use-step-form';

type Values = { note: string };
const schema = z.object({ note: z.string().max(2000, 'tooLong') });

/** «Motta avviket»: the leader has received the report (an optional note). */
export function AcknowledgeForm({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeDeviation();
  const step = useStepForm<Values>({
    form: 'acknowledge',
    deviationId: deviation.id,
    schema,
    initial: { note: '' },
    fields: () => ['note'],
    labelOf: () => t('quality.acknowledge.note'),
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    acknowledge.mutate({ id: deviation.id, version: deviation.version, body: { note: values.note.trim() || null } }, { onError: step.onError });
  });
  return (
    <FormSection heading={t('quality.acknowledge.heading')} headingId="acknowledge-heading">
      <Paragraph data-size="sm">{t('quality.acknowledge.intro')}</Paragraph>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="acknowledge-heading">
          <TextField name="note" label={t('quality.acknowledge.note')} multiline rows={2} maxLength={2000} />
          {step.problem ? <StepProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={acknowledge.isPending} disabled={acknowledge.isPending}>
              {t('quality.acknowledge.submit')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}
