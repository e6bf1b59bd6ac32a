import { Button, Field, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUpdateMeasure, type MeasureIn, type MeasureRead } from '../../api/system';
import { ACTION_STATUSES, type ActionStatus } from '../../api/types';

import styles from './quality-system.module.css';
import { filled, useSystemForm } from './system-form';
import { SystemProblem } from './system-problem';

export function measureSchema(today: string) {
  return z.object({
    description: z.string().refine(filled, 'required').max(5000, 'tooLong'),
    responsible: z.string().refine(filled, 'required').max(200, 'tooLong'),
    due_on: z
      .string()
      .refine(filled, 'required')
      .refine((value) => !filled(value) || isIsoDate(value), 'date')
      .refine((value) => !isIsoDate(value) || value >= today, 'duePast'),
  });
}

/** One measure's status, changed with If-Match on the measure's own version. */
function MeasureStatusField({ measure }: { measure: MeasureRead }) {
  const { t } = useTranslation();
  const update = useUpdateMeasure();
  const [status, setStatus] = useState<ActionStatus>(measure.status);
  const id = `measure-${measure.id}-status`;
  return (
    <div className={styles.status}>
      <Field>
        <Label htmlFor={id} className={visuallyHidden}>
          {t('quality.system.measures.statusFor', { description: measure.description.slice(0, 60) })}
        </Label>
        <Select id={id} value={status} onChange={(event) => setStatus(event.target.value as ActionStatus)}>
          {ACTION_STATUSES.map((value) => (
            <Select.Option key={value} value={value}>
              {t(`quality.actionStatus.${value}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={status === measure.status || update.isPending}
        loading={update.isPending}
        onClick={() => update.mutate({ id: measure.id, version: measure.version, body: { status } })}
      >
        {t('quality.system.measures.saveStatus')}
      </Button>
      {update.isError ? <SystemProblem error={update.error} /> : null}
    </div>
  );
}

/** Measures with who, by when and their status; the status can be changed by those who work with them. */
export function MeasuresTable({ measures, editable, showNonConformity, testId }: { measures: MeasureRead[]; editable: boolean; showNonConformity?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const captionId = useId();
  if (measures.length === 0) return <Paragraph data-size="sm">{t('quality.system.measures.none')}</Paragraph>;
  return (
    <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table data-testid={testId} className={styles.table} data-size="sm">
        <caption id={captionId} className={visuallyHidden}>
          {t('quality.system.measures.heading')}
        </caption>
        <Table.Head>
          <Table.Row>
            {showNonConformity ? <Table.HeaderCell>{t('quality.system.measures.nonConformity')}</Table.HeaderCell> : null}
            <Table.HeaderCell>{t('quality.system.measures.description')}</Table.HeaderCell>
            <Table.HeaderCell>{t('quality.system.measures.responsible')}</Table.HeaderCell>
            <Table.HeaderCell>{t('quality.system.measures.dueOn')}</Table.HeaderCell>
            <Table.HeaderCell>{t('quality.system.measures.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {measures.map((measure) => (
            <Table.Row key={measure.id}>
              {showNonConformity ? <Table.Cell className={styles.wrapText}>{measure.non_conformity}</Table.Cell> : null}
              <Table.Cell className={styles.wrapText}>{measure.description}</Table.Cell>
              <Table.Cell>{measure.responsible}</Table.Cell>
              <Table.Cell>
                <span className={styles.inline}>
                  {formatShortDate(measure.due_on, language)}
                  {measure.is_overdue ? (
                    <Tag data-color="danger" data-size="sm" data-testid="measure-overdue">
                      {t('quality.system.common.overdue')}
                    </Tag>
                  ) : null}
                </span>
              </Table.Cell>
              <Table.Cell>
                {editable ? (
                  <MeasureStatusField key={`${measure.id}-${measure.version}`} measure={measure} />
                ) : (
                  <>
                    {t(`quality.actionStatus.${measure.status}`)}
                    {measure.done_on ? ` (${formatShortDate(measure.done_on, language)})` : ''}
                  </>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

type MeasureValues = { description: string; responsible: string; due_on: string };
const EMPTY: MeasureValues = { description: '', responsible: '', due_on: '' };

/** A new measure: what, who and by when. `onSave` sends it; the form empties when it is saved. */
export function MeasureForm({
  formId,
  heading,
  pending,
  onSave,
}: {
  formId: string;
  heading: string;
  pending: boolean;
  onSave: (body: MeasureIn, callbacks: { onError: (error: unknown) => void; onSuccess: () => void }) => void;
}) {
  const { t } = useTranslation();
  const labels = {
    description: t('quality.system.measures.description'),
    responsible: t('quality.system.measures.responsible'),
    due_on: t('quality.system.measures.dueOn'),
  };
  const step = useSystemForm<MeasureValues>({
    form: formId,
    schema: measureSchema(osloToday()),
    initial: EMPTY,
    fields: () => ['description', 'responsible', 'due_on'],
    labels,
  });
  const headingId = `${formId}-heading`;
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    onSave(
      { description: values.description.trim(), responsible: values.responsible.trim(), due_on: values.due_on },
      { onError: step.onError, onSuccess: () => step.form.reset(EMPTY) },
    );
  });
  return (
    <>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby={headingId} className={styles.subform} data-testid={formId}>
          <h3 id={headingId} className={styles.subheading}>
            {heading}
          </h3>
          <TextField name="description" label={labels.description} multiline rows={2} maxLength={5000} aria-required />
          <FieldGrid>
            <TextField
              name="responsible"
              label={labels.responsible}
              description={t('quality.system.measures.responsibleDescription')}
              autoComplete="off"
              maxLength={200}
              aria-required
            />
            <DateField name="due_on" label={labels.due_on} required />
          </FieldGrid>
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" variant="secondary" loading={pending} disabled={pending}>
              {t('quality.system.measures.add')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </>
  );
}

/** A fact of a record: term and value in a description list. */
export function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className={styles.fact} data-testid={testId}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
