import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { RepeatableList } from '@/components/repeatable-list/repeatable-list';
import { useSession } from '@/lib/auth';
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUnitName } from '../../api/get-units';
import { useAudit, useRecordAudit, type AuditRead, type AuditRecord } from '../../api/system';
import { canWorkWithQualitySystem } from '../../lib/system-permissions';
import { AUDITS_PATH, procedurePath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { Fact, MeasuresTable, measureSchema } from '../quality-system/measures';
import styles from '../quality-system/quality-system.module.css';
import { RecordState, StatusTags } from '../quality-system/record-state';
import { filled, useSystemForm } from '../quality-system/system-form';
import { SystemProblem } from '../quality-system/system-problem';

type NonConformityValues = { non_conformity: string; measure: { description: string; responsible: string; due_on: string } };
export type RecordValues = { performed_on: string; sample: string; findings: string; non_conformities: NonConformityValues[] };

export function recordSchema(today: string) {
  return z.object({
    performed_on: z
      .string()
      .refine(filled, 'required')
      .refine((value) => !filled(value) || isIsoDate(value), 'date')
      .refine((value) => !isIsoDate(value) || value <= today, 'future'),
    sample: z.string().refine(filled, 'required').max(5000, 'tooLong'),
    findings: z.string().refine(filled, 'required').max(10000, 'tooLong'),
    non_conformities: z
      .array(z.object({ non_conformity: z.string().refine(filled, 'required').max(5000, 'tooLong'), measure: measureSchema(today) }))
      .max(50, 'tooLong'),
  });
}

const blankNonConformity = (): NonConformityValues => ({ non_conformity: '', measure: { description: '', responsible: '', due_on: '' } });

/** The API's body: every non-conformity with the measure that corrects it. */
export function toAuditRecord(values: RecordValues): AuditRecord {
  return {
    performed_on: values.performed_on,
    sample: values.sample.trim(),
    findings: values.findings.trim(),
    non_conformities: values.non_conformities.map((nc) => ({
      non_conformity: nc.non_conformity.trim(),
      measure: { description: nc.measure.description.trim(), responsible: nc.measure.responsible.trim(), due_on: nc.measure.due_on },
    })),
  };
}

/** Record what was checked and found; each non-conformity becomes a measure. Saving completes the audit. */
function RecordForm({ audit }: { audit: AuditRead }) {
  const { t } = useTranslation();
  const record = useRecordAudit();
  const step = useSystemForm<RecordValues>({
    form: 'audit-record',
    schema: recordSchema(osloToday()),
    initial: () => ({ performed_on: osloToday(), sample: audit.sample_plan ?? '', findings: '', non_conformities: [] }),
    fields: (values) => [
      'performed_on',
      'sample',
      'findings',
      ...values.non_conformities.flatMap((_, i) => [
        `non_conformities.${i}.non_conformity`,
        `non_conformities.${i}.measure.description`,
        `non_conformities.${i}.measure.responsible`,
        `non_conformities.${i}.measure.due_on`,
      ]),
    ],
    labels: {
      performed_on: t('quality.system.audits.performedOn'),
      sample: t('quality.system.audits.sample'),
      findings: t('quality.system.audits.findings'),
      non_conformity: t('quality.system.measures.nonConformity'),
      description: t('quality.system.measures.description'),
      responsible: t('quality.system.measures.responsible'),
      due_on: t('quality.system.measures.dueOn'),
    },
  });
  const list = useFieldArray({ control: step.form.control, name: 'non_conformities' });
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    record.mutate({ id: audit.id, version: audit.version, body: toAuditRecord(values) }, { onError: step.onError });
  });
  return (
    <FormSection heading={t('quality.system.audits.recordHeading')} headingId="audit-record-heading">
      <Paragraph data-size="sm">{t('quality.system.audits.recordHelp')}</Paragraph>
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="audit-record-heading" data-testid="audit-record">
          <DateField name="performed_on" label={t('quality.system.audits.performedOn')} required />
          <TextField name="sample" label={t('quality.system.audits.sample')} description={t('quality.system.audits.sampleDescription')} multiline rows={2} maxLength={5000} aria-required />
          <TextField name="findings" label={t('quality.system.audits.findings')} multiline rows={4} maxLength={10000} aria-required />
          <RepeatableList
            items={list.fields}
            keyOf={(item) => item.id}
            framed
            max={50}
            addLabel={t('quality.system.audits.addNonConformity')}
            removeLabel={(index) => t('quality.system.audits.removeNonConformityN', { n: index + 1 })}
            onAdd={() => list.append(blankNonConformity())}
            onRemove={(index) => list.remove(index)}
            render={(_, index) => (
              <fieldset className="ds-fieldset" aria-label={t('quality.system.audits.nonConformityN', { n: index + 1 })}>
                <TextField
                  name={`non_conformities.${index}.non_conformity`}
                  label={t('quality.system.audits.nonConformityLabel', { n: index + 1 })}
                  multiline
                  rows={2}
                  maxLength={5000}
                  aria-required
                />
                <TextField
                  name={`non_conformities.${index}.measure.description`}
                  label={t('quality.system.audits.measureLabel', { n: index + 1 })}
                  multiline
                  rows={2}
                  maxLength={5000}
                  aria-required
                />
                <FieldGrid>
                  <TextField
                    name={`non_conformities.${index}.measure.responsible`}
                    label={t('quality.system.audits.responsibleLabel', { n: index + 1 })}
                    description={t('quality.system.measures.responsibleDescription')}
                    autoComplete="off"
                    maxLength={200}
                    aria-required
                  />
                  <DateField name={`non_conformities.${index}.measure.due_on`} label={t('quality.system.audits.dueLabel', { n: index + 1 })} required />
                </FieldGrid>
              </fieldset>
            )}
          />
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={record.isPending} disabled={record.isPending}>
              {t('quality.system.audits.record')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

/** /kvalitet/internrevisjon/:id: the audit, its recording (planned ones) and the measures from its non-conformities with their status. */
export function AuditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const audit = useAudit(id);
  const unitName = useUnitName();
  usePageTitle(audit.data ? t('quality.system.audits.title', { procedure: audit.data.procedure_title }) : t('quality.system.audits.listTitle'));
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  const back = { to: AUDITS_PATH, label: t('quality.system.audits.back') };
  if (audit.isPending || audit.isError) return <RecordState query={audit} back={back} title={t('quality.system.audits.listTitle')} />;
  const a = audit.data;
  return (
    <PageLayout
      back={back}
      title={t('quality.system.audits.title', { procedure: a.procedure_title })}
      lead={`${unitName(a.unit)} · ${formatShortDate(a.planned_on, language)}`}
      intro={<StatusTags status={t(`quality.system.auditStatus.${a.status}`)} done={a.status === 'completed'} overdue={a.is_overdue} testId="audit-status" />}
    >
      <QualityNav />
      <FormSection heading={t('quality.system.audits.factsHeading')} headingId="audit-facts-heading">
        <dl className={styles.facts}>
          <Fact term={t('quality.system.audits.procedure')}>
            <Link asChild>
              <RouterLink to={procedurePath(a.procedure_id)}>{a.procedure_title}</RouterLink>
            </Link>
            {a.procedure_version ? ` · ${t('quality.system.audits.procedureVersion', { number: a.procedure_version })}` : ''}
          </Fact>
          <Fact term={t('quality.system.audits.auditor')}>{a.auditor}</Fact>
          <Fact term={t('quality.system.audits.plannedOn')}>{formatShortDate(a.planned_on, language)}</Fact>
          {a.performed_on ? <Fact term={t('quality.system.audits.performedOn')}>{formatShortDate(a.performed_on, language)}</Fact> : null}
          {a.sample_plan ? (
            <Fact term={t('quality.system.audits.samplePlan')}>
              <span className={styles.preWrap}>{a.sample_plan}</span>
            </Fact>
          ) : null}
          {a.sample ? (
            <Fact term={t('quality.system.audits.sample')}>
              <span className={styles.preWrap}>{a.sample}</span>
            </Fact>
          ) : null}
          {a.findings ? (
            <Fact term={t('quality.system.audits.findings')} testId="audit-findings">
              <span className={styles.preWrap}>{a.findings}</span>
            </Fact>
          ) : null}
        </dl>
      </FormSection>
      {a.status === 'completed' ? (
        <FormSection heading={t('quality.system.audits.measuresHeading')} headingId="audit-measures-heading">
          <MeasuresTable measures={a.measures} editable={a.may_edit} showNonConformity testId="audit-measures" />
        </FormSection>
      ) : null}
      {a.status === 'planned' && a.may_edit ? <RecordForm key={a.version} audit={a} /> : null}
    </PageLayout>
  );
}
