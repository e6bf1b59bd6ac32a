import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FieldMessage, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';

import { useRecordInvestigation } from '../../api/deviation-steps';
import { CAUSE_CATEGORIES, type CauseCategory, type DeviationRead } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';

import styles from './deviation-page.module.css';
import { StepProblem } from './step-problem';
import { useStepForm } from './use-step-form';

type CauseValues = { category: CauseCategory | ''; kind: 'direct' | 'underlying'; description: string };
type Values = { investigation: string; causes: CauseValues[] };

const filled = (value: string) => value.trim() !== '';

const schema = z
  .object({
    investigation: z.string().refine(filled, 'required').max(10000, 'tooLong'),
    causes: z.array(
      z.object({
        category: z.string().refine(filled, 'required'),
        kind: z.enum(['direct', 'underlying']),
        description: z.string().refine(filled, 'required').max(2000, 'tooLong'),
      }),
    ),
  })
  .superRefine((values, ctx) => {
    if (!values.causes.some((cause) => cause.kind === 'direct')) ctx.addIssue({ code: 'custom', path: ['causes'], message: 'directCause' satisfies ErrorKey });
  }) as unknown as z.ZodType<Values, Values>;

const emptyCause = (): CauseValues => ({ category: '', kind: 'direct', description: '' });

function fields(values: Values): string[] {
  return ['investigation', 'causes', ...values.causes.flatMap((_, i) => [`causes.${i}.category`, `causes.${i}.kind`, `causes.${i}.description`])];
}

/** The investigation: what was found, and the causes (at least one direct) in the fixed categories. */
export function InvestigationForm({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const record = useRecordInvestigation();
  const labels: Record<string, string> = { investigation: t('quality.investigation.text'), causes: t('quality.investigation.causes') };
  const step = useStepForm<Values>({
    form: 'investigation',
    deviationId: deviation.id,
    schema,
    initial: () => ({
      investigation: deviation.investigation ?? '',
      causes:
        deviation.causes.length > 0
          ? deviation.causes.map((cause) => ({ category: cause.category, kind: cause.is_underlying ? 'underlying' : 'direct', description: cause.description }))
          : [emptyCause()],
    }),
    fields,
    labelOf: (path) => {
      const match = /^causes\.(\d+)\.(\w+)$/.exec(path);
      if (!match) return labels[path] ?? path;
      const field = match[2] === 'category' ? t('quality.investigation.category') : match[2] === 'kind' ? t('quality.investigation.kind') : t('quality.investigation.description');
      return t('quality.report.fieldIn', { field, group: t('quality.investigation.cause', { number: Number(match[1]) + 1 }) });
    },
    serverKey: (path) => (path === 'causes' ? 'directCause' : 'invalid'),
  });
  const causes = useFieldArray({ control: step.form.control, name: 'causes' });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    record.mutate(
      {
        id: deviation.id,
        version: deviation.version,
        body: {
          investigation: values.investigation.trim(),
          causes: values.causes.map((cause) => ({
            category: cause.category as CauseCategory,
            is_underlying: cause.kind === 'underlying',
            description: cause.description.trim(),
          })),
        },
      },
      { onError: step.onError },
    );
  });
  return (
    <FormSection heading={t('quality.investigation.heading')} headingId="investigation-heading">
      <Paragraph data-size="sm">{t('quality.investigation.intro')}</Paragraph>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="investigation-heading">
          <TextField name="investigation" label={t('quality.investigation.text')} description={t('quality.investigation.textDescription')} multiline rows={4} maxLength={10000} aria-required />
          <div id={step.form.id('causes')} className={styles.causes}>
            {causes.fields.map((item, index) => (
              <Fieldset key={item.id} className={styles.cause}>
                <Fieldset.Legend>{t('quality.investigation.cause', { number: index + 1 })}</Fieldset.Legend>
                <SelectField
                  name={`causes.${index}.category`}
                  label={t('quality.investigation.category')}
                  placeholder={t('quality.form.choose')}
                  options={CAUSE_CATEGORIES.map((value) => ({ value, label: t(`quality.causeCategory.${value}`) }))}
                  required
                />
                <RadioGroup
                  name={`causes.${index}.kind`}
                  legend={t('quality.investigation.kind')}
                  choices={[
                    { value: 'direct', label: t('quality.investigation.direct') },
                    { value: 'underlying', label: t('quality.investigation.underlying') },
                  ]}
                />
                <TextField name={`causes.${index}.description`} label={t('quality.investigation.description')} multiline rows={2} maxLength={2000} aria-required />
                {causes.fields.length > 1 ? (
                  <div>
                    <Button type="button" variant="tertiary" onClick={() => causes.remove(index)}>
                      <TrashIcon aria-hidden fontSize="1.5em" />
                      {t('quality.investigation.removeCause', { number: index + 1 })}
                    </Button>
                  </div>
                ) : null}
              </Fieldset>
            ))}
            <FieldMessage name="causes" />
          </div>
          {causes.fields.length < 20 ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => causes.append(emptyCause())}>
                <PlusIcon aria-hidden fontSize="1.5em" />
                {t('quality.investigation.addCause')}
              </Button>
            </div>
          ) : null}
          {step.problem ? <StepProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={record.isPending} disabled={record.isPending}>
              {t('quality.investigation.submit')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}
