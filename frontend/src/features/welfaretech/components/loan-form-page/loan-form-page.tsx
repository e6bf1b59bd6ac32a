import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FieldMessage, FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { withFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useAssessment } from '../../api/assessments';
import { useDevices } from '../../api/devices';
import { useStartLoan } from '../../api/loans';
import { needsAlarmTest, type AssessmentRead, type RecommendationRead } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';
import { DISPENSER_CHECKS, DISPENSER_TEXTS, emptyLoan, loanFields, loanSchema, loanServerErrorKey, toLoanCreate, type LoanFormValues } from '../../lib/loan-form';
import { isTeam } from '../../lib/permissions';
import { assessmentPath, loanPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { WtProblem } from '../wt-problem/wt-problem';

import styles from './loan-form-page.module.css';

function LoanForm({ assessment, recommendation }: { assessment: AssessmentRead; recommendation: RecommendationRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const navigate = useNavigate();
  const technology = recommendation.technology;
  const kind = technology.kind;
  const devices = useDevices({ status: 'in_stock', technology: technology.code });
  const start = useStartLoan();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<LoanFormValues>({
    form: 'loan',
    schema: loanSchema(kind),
    initial: () => emptyLoan(assessment.unit ?? ''),
    fields: () => loanFields(kind),
  });
  const labelOf = (path: string): string => {
    if (path.startsWith('dispenser.')) return t(`welfaretech.dispenser.${path.slice('dispenser.'.length) as 'who_fills'}`);
    const labels: Record<string, string> = {
      device_id: t('welfaretech.loan.device'),
      unit: t('welfaretech.loan.unit'),
      installed_on: t('welfaretech.loan.installedOn'),
      alarm_chain_tested: t('welfaretech.loan.alarmChainTested'),
      alarm_test_note: t('welfaretech.loan.alarmTestNote'),
    };
    return labels[path] ?? path;
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labelOf(path) }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    start.mutate(toLoanCreate(values, recommendation.id, kind), {
      onSuccess: (loan) => void navigate(loanPath(loan.id), { state: withFlash('started') }),
      onError: (error) => {
        const placed = form.showServerErrors(error, loanServerErrorKey);
        setProblem(placed ? null : error);
      },
    });
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const available = devices.data ?? [];
  return (
    <>
      {!recommendation.may_activate ? (
        <Alert data-color="danger" data-testid="activation-blocked">
          <Heading level={2} data-size="xs">
            {t('welfaretech.problem.legalBasisMissing.title')}
          </Heading>
          <Paragraph>{t('welfaretech.recommendation.blocked')}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="loan-form-title" className={styles.form}>
          <FormSection heading={t('welfaretech.loan.deviceHeading')} headingId="device-heading">
            {devices.isPending ? <Loading label={t('welfaretech.loan.loadingDevices')} /> : null}
            {devices.isError ? <ProblemAlert error={devices.error} onRetry={() => void devices.refetch()} /> : null}
            {devices.isSuccess && available.length === 0 ? (
              <Alert data-color="warning">
                <Paragraph>{t('welfaretech.loan.noDevices')}</Paragraph>
              </Alert>
            ) : null}
            {available.length > 0 ? (
              <RadioGroup
                name="device_id"
                legend={t('welfaretech.loan.device')}
                description={t('welfaretech.loan.deviceHelp')}
                layout="column"
                choices={available.map((device) => ({
                  value: device.id,
                  label: t('welfaretech.loan.serial', { serial: device.serial }),
                  description: [device.model, device.acquired_on ? t('welfaretech.loan.acquired', { date: formatShortDate(device.acquired_on, language) }) : null]
                    .filter(Boolean)
                    .join(' · '),
                }))}
              />
            ) : (
              <FieldMessage name="device_id" />
            )}
          </FormSection>
          <FormSection heading={t('welfaretech.loan.installHeading')} headingId="install-heading">
            <FieldGrid>
              <TextField name="unit" label={t('welfaretech.loan.unit')} description={t('welfaretech.loan.unitHelp')} autoComplete="off" aria-required />
              <DateField name="installed_on" label={t('welfaretech.loan.installedOn')} required />
            </FieldGrid>
          </FormSection>
          {needsAlarmTest(kind) ? (
            <FormSection heading={t('welfaretech.loan.alarmHeading')} headingId="alarm-heading" description={t('welfaretech.loan.alarmDescription')}>
              {technology.response_chain.length > 0 ? (
                <ol className={styles.chain} aria-label={t('welfaretech.loan.responseChain')} lang="nb">
                  {technology.response_chain.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              ) : null}
              <RadioGroup
                name="alarm_chain_tested"
                legend={t('welfaretech.loan.alarmChainTested')}
                choices={[
                  { value: 'yes', label: t('welfaretech.loan.alarmPassed') },
                  { value: 'no', label: t('welfaretech.loan.alarmFailed'), description: t('welfaretech.loan.alarmFailedHelp') },
                ]}
              />
              <TextField name="alarm_test_note" label={t('welfaretech.loan.alarmTestNote')} multiline rows={2} />
            </FormSection>
          ) : null}
          {kind === 'medication_dispenser' ? (
            <FormSection heading={t('welfaretech.dispenser.heading')} headingId="dispenser-heading" id={form.id('dispenser')} description={t('welfaretech.dispenser.description')}>
              {DISPENSER_TEXTS.slice(0, 2).map((point) => (
                <TextField key={point} name={`dispenser.${point}`} label={t(`welfaretech.dispenser.${point}`)} aria-required />
              ))}
              <TextField
                name="dispenser.missed_dose_response_minutes"
                label={t('welfaretech.dispenser.missed_dose_response_minutes')}
                inputMode="numeric"
                className={styles.short}
                aria-required
              />
              <TextField name="dispenser.power_or_network_failure_plan" label={t('welfaretech.dispenser.power_or_network_failure_plan')} multiline rows={2} aria-required />
              {DISPENSER_CHECKS.map((check) => (
                <div key={check}>
                  <CheckboxField name={`dispenser.${check}`} label={t(`welfaretech.dispenser.${check}`)} />
                  <FieldMessage name={`dispenser.${check}`} />
                </div>
              ))}
            </FormSection>
          ) : null}
          <FormActions
            submit={t('welfaretech.loan.submit')}
            submitting={t('welfaretech.loan.submitting')}
            pending={start.isPending}
            cancel={{ to: assessmentPath(assessment.id), label: t('welfaretech.form.cancel') }}
          />
        </FormLayout>
      </FormKit>
    </>
  );
}

/** /velferdsteknologi/kartlegginger/:id/anbefalinger/:recommendationId/utlan: install a device at the person. */
export function LoanFormPage() {
  const { id = '', recommendationId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('welfaretech.loan.title'));
  const session = useSession();
  const assessment = useAssessment(id);
  if (!session || !isTeam(session.user.roles)) return <NoAccess />;
  const back = { to: assessmentPath(id), label: t('welfaretech.loan.back') };
  if (assessment.isPending) return <Loading />;
  if (assessment.isError) {
    return (
      <PageLayout back={back} title={t('welfaretech.loan.title')}>
        <ProblemAlert error={assessment.error} />
      </PageLayout>
    );
  }
  const recommendation = assessment.data.recommendations.find((item) => item.id === recommendationId);
  return (
    <PageLayout
      back={back}
      title={t('welfaretech.loan.title')}
      titleId="loan-form-title"
      lead={recommendation ? <Localized text={recommendation.technology.name} /> : undefined}
    >
      {recommendation ? <LoanForm assessment={assessment.data} recommendation={recommendation} /> : <Paragraph>{t('welfaretech.loan.noRecommendation')}</Paragraph>}
    </PageLayout>
  );
}
