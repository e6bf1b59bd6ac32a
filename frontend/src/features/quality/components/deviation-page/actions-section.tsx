import { Button, Field, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { formatShortDate, isIsoDate, todayIso } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useAddCorrectiveAction, useUpdateCorrectiveAction } from '../../api/deviation-steps';
import { ACTION_STATUSES, type ActionRead, type ActionStatus, type DeviationRead } from '../../api/types';

import styles from './deviation-page.module.css';
import { StepProblem } from './step-problem';
import { useStepForm } from './use-step-form';

type Values = { description: string; responsible: string; due_on: string };
const filled = (value: string) => value.trim() !== '';

function actionSchema(today: string) {
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

/** One action's status, changed with If-Match on the action's own version. */
function ActionStatusField({ action }: { action: ActionRead }) {
  const { t } = useTranslation();
  const update = useUpdateCorrectiveAction();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const id = `action-${action.id}-status`;
  return (
    <div className={styles.actionStatus}>
      <Field>
        <Label htmlFor={id} className={visuallyHidden}>{t('quality.actions.statusFor', { description: action.description.slice(0, 60) })}</Label>
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
        disabled={status === action.status || update.isPending}
        loading={update.isPending}
        onClick={() => update.mutate({ id: action.id, version: action.version, body: { status } })}
      >
        {t('quality.actions.saveStatus')}
      </Button>
      {update.isError ? <StepProblem error={update.error} /> : null}
    </div>
  );
}

/** Corrective actions: who does what by when, and their status; new ones while the deviation is handled. */
export function ActionsSection({ deviation, editable }: { deviation: DeviationRead; editable: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const add = useAddCorrectiveAction();
  const labels: Record<string, string> = {
    description: t('quality.actions.description'),
    responsible: t('quality.actions.responsible'),
    due_on: t('quality.actions.dueOn'),
  };
  const step = useStepForm<Values>({
    form: 'action',
    deviationId: deviation.id,
    schema: actionSchema(todayIso()),
    initial: { description: '', responsible: '', due_on: '' },
    fields: () => ['description', 'responsible', 'due_on'],
    labelOf: (path) => labels[path] ?? path,
    serverKey: (path) => (path === 'due_on' ? 'duePast' : 'invalid'),
  });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    add.mutate(
      { deviationId: deviation.id, body: { description: values.description.trim(), responsible: values.responsible.trim(), due_on: values.due_on } },
      { onError: step.onError, onSuccess: () => step.form.reset({ description: '', responsible: '', due_on: '' }) },
    );
  });
  return (
    <FormSection heading={t('quality.actions.heading')} headingId="actions-heading">
      {deviation.actions.length === 0 ? <Paragraph data-size="sm">{t('quality.actions.none')}</Paragraph> : null}
      {deviation.actions.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="actions-heading" tabIndex={0}>
          <Table data-testid="actions" className={styles.table}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.actions.description')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.actions.responsible')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.actions.dueOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.actions.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {deviation.actions.map((action) => (
                <Table.Row key={action.id}>
                  <Table.Cell className={styles.wrapText}>{action.description}</Table.Cell>
                  <Table.Cell>{action.responsible}</Table.Cell>
                  <Table.Cell>
                    <span className={styles.inline}>
                      {formatShortDate(action.due_on, language)}
                      {action.is_overdue ? (
                        <Tag data-color="danger" data-size="sm">
                          {t('quality.table.overdue')}
                        </Tag>
                      ) : null}
                    </span>
                  </Table.Cell>
                  <Table.Cell>
                    {editable ? (
                      <ActionStatusField key={`${action.id}-${action.version}`} action={action} />
                    ) : (
                      <>
                        {t(`quality.actionStatus.${action.status}`)}
                        {action.done_on ? ` (${formatShortDate(action.done_on, language)})` : ''}
                      </>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {editable ? (
        <>
          <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
          <FormKit form={step.form} message={step.message}>
            <FormLayout onSubmit={onSubmit} aria-labelledby="add-action-heading" className={styles.subform}>
              <h3 id="add-action-heading" className={styles.subheading}>
                {t('quality.actions.addHeading')}
              </h3>
              <TextField name="description" label={t('quality.actions.description')} multiline rows={2} maxLength={5000} aria-required />
              <FieldGrid>
                <TextField name="responsible" label={t('quality.actions.responsible')} description={t('quality.actions.responsibleDescription')} autoComplete="off" maxLength={200} aria-required />
                <DateField name="due_on" label={t('quality.actions.dueOn')} required />
              </FieldGrid>
              {step.problem ? <StepProblem error={step.problem} /> : null}
              <div>
                <Button type="submit" variant="secondary" loading={add.isPending} disabled={add.isPending}>
                  {t('quality.actions.add')}
                </Button>
              </div>
            </FormLayout>
          </FormKit>
        </>
      ) : null}
    </FormSection>
  );
}
