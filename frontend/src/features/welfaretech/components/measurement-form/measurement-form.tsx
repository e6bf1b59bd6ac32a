import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { ProblemAlert } from '@/components/query-state/query-state';
import { ApiProblem } from '@/lib/problem';
import { useApiForm } from '@/lib/use-api-form';

import { useRecordMeasurement } from '../../api/benefits';
import type { MeasurementKind } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';
import { emptyMeasurement, measurementFields, measurementSchema, NUMBER_FIELDS, toMeasurementCreate, type MeasurementFormValues } from '../../lib/measurement-form';

import styles from './measurement-form.module.css';

/** The baseline (week 0) or a follow-up of one loan. */
export function MeasurementForm({ loanId, kind, defaultUnit, onSaved }: { loanId: string; kind: MeasurementKind; defaultUnit: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMeasurement(loanId);
  const [problem, setProblem] = useState<unknown>(null);
  const prefix = `measurement-${kind}`;
  const form = useApiForm<MeasurementFormValues>({
    form: prefix,
    schema: measurementSchema(kind),
    initial: () => ({ ...emptyMeasurement(kind), gain_owner: defaultUnit }),
    fields: () => measurementFields(kind),
  });
  const labelOf = (path: string) => t(`welfaretech.measurement.${path as 'week'}`);
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labelOf(path) }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    record.mutate(toMeasurementCreate(values, kind), {
      onSuccess: onSaved,
      onError: (error) => {
        const placed = form.showServerErrors(error, (path) => (path === 'week' ? 'week' : path === 'measured_on' ? 'future' : 'number'));
        setProblem(placed ? null : error);
      },
    });
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const headingId = `${prefix}-heading`;
  const conflict = problem instanceof ApiProblem && problem.status === 409;
  return (
    <FormKit form={form} message={message}>
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem && !conflict ? (
        <div role="alert">
          <ProblemAlert error={problem} />
        </div>
      ) : null}
      {conflict ? (
        <div role="alert" className={styles.conflict}>
          {t(kind === 'baseline' ? 'welfaretech.measurement.hasBaseline' : 'welfaretech.measurement.noBaseline')}
        </div>
      ) : null}
      <FormLayout onSubmit={onSubmit} aria-labelledby={headingId} className={styles.form}>
        <h3 id={headingId} className={styles.heading}>
          {t(kind === 'baseline' ? 'welfaretech.measurement.baselineHeading' : 'welfaretech.measurement.followUpHeading')}
        </h3>
        <FieldGrid>
          {kind === 'follow_up' ? <TextField name="week" label={labelOf('week')} description={t('welfaretech.measurement.weekHelp')} inputMode="numeric" /> : null}
          <DateField name="measured_on" label={labelOf('measured_on')} required />
          {NUMBER_FIELDS.map((field) => (
            <TextField key={field} name={field} label={labelOf(field)} inputMode="decimal" autoComplete="off" />
          ))}
        </FieldGrid>
        <RadioGroup
          name="felt_safety"
          legend={labelOf('felt_safety')}
          description={t('welfaretech.measurement.feltSafetyHelp')}
          choices={(['1', '2', '3', '4', '5'] as const).map((value) => ({ value, label: value }))}
        />
        {kind === 'baseline' ? (
          <>
            <TextField
              name="staff_hour_cost_nok"
              label={labelOf('staff_hour_cost_nok')}
              description={t('welfaretech.measurement.staffHourCostHelp')}
              inputMode="numeric"
              className={styles.short}
            />
            <TextField name="gain_owner" label={labelOf('gain_owner')} description={t('welfaretech.measurement.gainOwnerHelp')} />
            <TextField name="realisation" label={labelOf('realisation')} description={t('welfaretech.measurement.realisationHelp')} multiline rows={2} />
          </>
        ) : null}
        <div>
          <Button type="submit" loading={record.isPending} disabled={record.isPending} className={styles.submit}>
            {t(kind === 'baseline' ? 'welfaretech.measurement.submitBaseline' : 'welfaretech.measurement.submitFollowUp')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}
