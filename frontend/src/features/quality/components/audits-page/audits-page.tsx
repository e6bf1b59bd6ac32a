import { Button, Link, Table } from '@digdir/designsystemet-react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useUnitName } from '../../api/get-units';
import { AUTHORITIES, FINDING_KINDS, useAudits, useFindings, usePlanAudit, useProcedures, useRecordFinding } from '../../api/system';
import { canWorkWithQualitySystem, isQualityLead } from '../../lib/system-permissions';
import { auditPath, findingPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import styles from '../quality-system/quality-system.module.css';
import { filled, useSystemForm } from '../quality-system/system-form';
import { DueDate, SystemList } from '../quality-system/system-list';
import { SystemProblem } from '../quality-system/system-problem';
import { useWorkUnits } from '../quality-system/unit-options';

const MUNICIPALITY = 'municipality';

const dateField = () =>
  z
    .string()
    .refine(filled, 'required')
    .refine((value) => !filled(value) || isIsoDate(value), 'date');

type AuditValues = { unit: string; procedure_id: string; planned_on: string; auditor: string; sample_plan: string };

export function auditSchema(today: string) {
  return z.object({
    unit: z.string().refine(filled, 'required'),
    procedure_id: z.string().refine(filled, 'required'),
    planned_on: dateField().refine((value) => !isIsoDate(value) || value >= today, 'duePast'),
    auditor: z.string().refine(filled, 'required').max(200, 'tooLong'),
    sample_plan: z.string().max(5000, 'tooLong'),
  });
}

/** Plan an audit of one of the caller's units against a procedure of that unit or of the whole municipality; opens it when saved. */
function PlanAuditForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const units = useWorkUnits();
  const procedures = useProcedures({ reviewOverdue: false, q: '' });
  const plan = usePlanAudit();
  const labels = {
    unit: t('quality.system.common.unit'),
    procedure_id: t('quality.system.audits.procedure'),
    planned_on: t('quality.system.audits.plannedOn'),
    auditor: t('quality.system.audits.auditor'),
    sample_plan: t('quality.system.audits.samplePlan'),
  };
  const step = useSystemForm<AuditValues>({
    form: 'audit',
    schema: auditSchema(osloToday()),
    initial: () => ({ unit: session?.user.units[0] ?? '', procedure_id: '', planned_on: '', auditor: session?.user.name ?? '', sample_plan: '' }),
    fields: () => ['unit', 'procedure_id', 'planned_on', 'auditor', 'sample_plan'],
    labels,
  });
  const unit = useWatch({ control: step.form.control, name: 'unit' });
  const procedureOptions = (procedures.data ?? [])
    .filter((procedure) => procedure.unit === null || procedure.unit === unit)
    .map((procedure) => ({ value: procedure.id, label: procedure.title }));
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    plan.mutate(
      {
        unit: values.unit,
        procedure_id: values.procedure_id,
        planned_on: values.planned_on,
        auditor: values.auditor.trim(),
        sample_plan: filled(values.sample_plan) ? values.sample_plan.trim() : null,
      },
      { onError: step.onError, onSuccess: (audit) => void navigate(auditPath(audit.id)) },
    );
  });
  return (
    <FormSection heading={t('quality.system.audits.planHeading')} headingId="plan-audit-heading">
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="plan-audit-heading" data-testid="plan-audit">
          {units && procedures.data ? (
            <FieldGrid>
              <SelectField name="unit" label={labels.unit} options={units} placeholder={t('quality.system.common.chooseUnit')} required />
              <SelectField name="procedure_id" label={labels.procedure_id} options={procedureOptions} placeholder={t('quality.system.audits.chooseProcedure')} required />
            </FieldGrid>
          ) : procedures.isError ? (
            <ProblemAlert error={procedures.error} onRetry={() => void procedures.refetch()} />
          ) : (
            <Loading />
          )}
          <FieldGrid>
            <DateField name="planned_on" label={labels.planned_on} required />
            <TextField name="auditor" label={labels.auditor} maxLength={200} autoComplete="off" aria-required />
          </FieldGrid>
          <TextField name="sample_plan" label={labels.sample_plan} description={t('quality.system.audits.samplePlanDescription')} multiline rows={2} maxLength={5000} />
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={plan.isPending} disabled={plan.isPending}>
              {t('quality.system.audits.plan')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

type FindingValues = {
  authority: string;
  case_reference: string;
  unit: string;
  kind: string;
  title: string;
  description: string;
  received_on: string;
  deadline: string;
};

export function findingSchema(today: string) {
  return z
    .object({
      authority: z.string().refine((value) => (AUTHORITIES as readonly string[]).includes(value), 'required'),
      case_reference: z.string().max(60, 'tooLong'),
      unit: z.string().refine(filled, 'required'),
      kind: z.string().refine((value) => (FINDING_KINDS as readonly string[]).includes(value), 'required'),
      title: z.string().refine(filled, 'required').max(200, 'tooLong'),
      description: z.string().refine(filled, 'required').max(10000, 'tooLong'),
      received_on: dateField().refine((value) => !isIsoDate(value) || value <= today, 'future'),
      deadline: dateField(),
    })
    .superRefine((values, ctx) => {
      if (isIsoDate(values.received_on) && isIsoDate(values.deadline) && values.deadline < values.received_on) {
        ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'deadlineBeforeReceived' });
      }
    });
}

/** Record a finding from Statsforvalteren or Statens helsetilsyn: a unit's, or (the quality lead) the whole municipality's; opens it when saved. */
function NewFindingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const units = useWorkUnits();
  const record = useRecordFinding();
  const labels = {
    authority: t('quality.system.supervision.authority'),
    case_reference: t('quality.system.supervision.caseReference'),
    unit: t('quality.system.common.unit'),
    kind: t('quality.system.supervision.kind'),
    title: t('quality.system.supervision.title'),
    description: t('quality.system.supervision.description'),
    received_on: t('quality.system.supervision.receivedOn'),
    deadline: t('quality.system.supervision.deadline'),
  };
  const step = useSystemForm<FindingValues>({
    form: 'finding',
    schema: findingSchema(osloToday()),
    initial: () => ({
      authority: '',
      case_reference: '',
      unit: session?.user.units[0] ?? '',
      kind: '',
      title: '',
      description: '',
      received_on: osloToday(),
      deadline: '',
    }),
    fields: () => ['authority', 'case_reference', 'unit', 'kind', 'title', 'description', 'received_on', 'deadline'],
    labels,
  });
  const roles = session?.user.roles ?? [];
  const unitOptions = [...(isQualityLead(roles) ? [{ value: MUNICIPALITY, label: t('quality.system.common.wholeMunicipality') }] : []), ...(units ?? [])];
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    record.mutate(
      {
        authority: values.authority as (typeof AUTHORITIES)[number],
        case_reference: filled(values.case_reference) ? values.case_reference.trim() : null,
        unit: values.unit === MUNICIPALITY ? null : values.unit,
        kind: values.kind as (typeof FINDING_KINDS)[number],
        title: values.title.trim(),
        description: values.description.trim(),
        received_on: values.received_on,
        deadline: values.deadline,
      },
      { onError: step.onError, onSuccess: (finding) => void navigate(findingPath(finding.id)) },
    );
  });
  return (
    <FormSection heading={t('quality.system.supervision.newHeading')} headingId="new-finding-heading">
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="new-finding-heading" data-testid="new-finding">
          <FieldGrid>
            <SelectField
              name="authority"
              label={labels.authority}
              options={AUTHORITIES.map((value) => ({ value, label: t(`quality.system.authority.${value}`) }))}
              placeholder={t('quality.form.choose')}
              required
            />
            <TextField name="case_reference" label={labels.case_reference} maxLength={60} autoComplete="off" />
            {units ? <SelectField name="unit" label={labels.unit} options={unitOptions} placeholder={t('quality.system.common.chooseUnit')} required /> : <Loading />}
            <SelectField
              name="kind"
              label={labels.kind}
              options={FINDING_KINDS.map((value) => ({ value, label: t(`quality.system.findingKind.${value}`) }))}
              placeholder={t('quality.form.choose')}
              required
            />
          </FieldGrid>
          <TextField name="title" label={labels.title} maxLength={200} autoComplete="off" aria-required />
          <TextField name="description" label={labels.description} multiline rows={4} maxLength={10000} aria-required />
          <FieldGrid>
            <DateField name="received_on" label={labels.received_on} required />
            <DateField name="deadline" label={labels.deadline} required />
          </FieldGrid>
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" loading={record.isPending} disabled={record.isPending}>
              {t('quality.system.supervision.create')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

/** /kvalitet/internrevisjon: the audits of the leader's units (all for the quality lead), planned first; overdue marked. */
export function AuditsPage() {
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('quality.system.audits.listTitle'));
  const session = useSession();
  const audits = useAudits();
  const unitName = useUnitName();
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.system.audits.listTitle')} lead={t('quality.system.audits.listLead')} wide>
      <QualityNav />
      <SystemList
        query={audits}
        empty={t('quality.system.audits.empty')}
        caption={t('quality.system.audits.caption')}
        captionId="audits-caption"
        testId="audit-list"
        columns={[
          t('quality.system.audits.procedure'),
          t('quality.system.common.unit'),
          t('quality.system.audits.plannedOn'),
          t('quality.system.audits.auditor'),
          t('quality.system.ros.status'),
          t('quality.system.audits.nonConformities'),
        ]}
      >
        {(audit) => (
          <Table.Row key={audit.id}>
            <Table.Cell className={styles.wrapText}>
              <Link asChild>
                <RouterLink to={auditPath(audit.id)}>{audit.procedure_title}</RouterLink>
              </Link>
            </Table.Cell>
            <Table.Cell>{unitName(audit.unit)}</Table.Cell>
            <Table.Cell>
              <DueDate date={audit.planned_on} overdue={audit.is_overdue} />
            </Table.Cell>
            <Table.Cell>{audit.auditor}</Table.Cell>
            <Table.Cell>
              {t(`quality.system.auditStatus.${audit.status}`)}
              {audit.performed_on ? ` (${formatShortDate(audit.performed_on, language)})` : ''}
            </Table.Cell>
            <Table.Cell>{audit.status === 'completed' ? audit.non_conformities : ''}</Table.Cell>
          </Table.Row>
        )}
      </SystemList>
      <PlanAuditForm />
    </PageLayout>
  );
}

/** /kvalitet/tilsyn: findings of Statsforvalteren and Statens helsetilsyn, open first by deadline; overdue marked. */
export function SupervisionPage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.system.supervision.listTitle'));
  const session = useSession();
  const findings = useFindings();
  const unitName = useUnitName();
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.system.supervision.listTitle')} lead={t('quality.system.supervision.listLead')} wide>
      <QualityNav />
      <SystemList
        query={findings}
        empty={t('quality.system.supervision.empty')}
        caption={t('quality.system.supervision.caption')}
        captionId="findings-caption"
        testId="finding-list"
        columns={[
          t('quality.system.supervision.title'),
          t('quality.system.supervision.authority'),
          t('quality.system.common.unit'),
          t('quality.system.supervision.deadline'),
          t('quality.system.ros.status'),
          t('quality.system.supervision.openMeasures'),
        ]}
      >
        {(finding) => (
          <Table.Row key={finding.id}>
            <Table.Cell className={styles.wrapText}>
              <Link asChild>
                <RouterLink to={findingPath(finding.id)}>{finding.title}</RouterLink>
              </Link>
              {finding.case_reference ? ` (${finding.case_reference})` : ''} · {t(`quality.system.findingKind.${finding.kind}`)}
            </Table.Cell>
            <Table.Cell>{t(`quality.system.authority.${finding.authority}`)}</Table.Cell>
            <Table.Cell>{finding.unit ? unitName(finding.unit) : t('quality.system.common.wholeMunicipality')}</Table.Cell>
            <Table.Cell>
              <DueDate date={finding.deadline} overdue={finding.is_overdue} />
            </Table.Cell>
            <Table.Cell>{t(`quality.system.findingStatus.${finding.status}`)}</Table.Cell>
            <Table.Cell>{finding.open_measures}</Table.Cell>
          </Table.Row>
        )}
      </SystemList>
      <NewFindingForm />
    </PageLayout>
  );
}
