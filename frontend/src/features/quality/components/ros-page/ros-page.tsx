import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';

import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem, isNotFound } from '@/lib/problem';

import { useUnitName } from '../../api/get-units';
import { useAddHazard, useAddHazardMeasure, useApproveRos, useRos, type HazardRead, type RosRead } from '../../api/system';
import { canWorkWithQualitySystem } from '../../lib/system-permissions';
import { ROS_PATH } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { Fact, MeasureForm, MeasuresTable } from '../quality-system/measures';
import styles from '../quality-system/quality-system.module.css';
import { filled, useSystemForm } from '../quality-system/system-form';
import { SystemProblem } from '../quality-system/system-problem';
import { RiskBadge } from '../risk-badge/risk-badge';

const GRADES = ['1', '2', '3', '4', '5'] as const;
type HazardValues = { description: string; existing_barriers: string; consequence: string; probability: string };
const EMPTY: HazardValues = { description: '', existing_barriers: '', consequence: '', probability: '' };

const hazardSchema = z.object({
  description: z.string().refine(filled, 'required').max(2000, 'tooLong'),
  existing_barriers: z.string().max(2000, 'tooLong'),
  consequence: z.string().refine((value) => (GRADES as readonly string[]).includes(value), 'grade'),
  probability: z.string().refine((value) => (GRADES as readonly string[]).includes(value), 'grade'),
});

/** A new hazard, graded on the same matrix as deviations. */
function HazardForm({ analysis }: { analysis: RosRead }) {
  const { t } = useTranslation();
  const add = useAddHazard();
  const labels = {
    description: t('quality.system.ros.hazard'),
    existing_barriers: t('quality.system.ros.barriers'),
    consequence: t('quality.system.ros.consequence'),
    probability: t('quality.system.ros.probability'),
  };
  const step = useSystemForm<HazardValues>({
    form: 'hazard',
    schema: hazardSchema,
    initial: EMPTY,
    fields: () => ['description', 'existing_barriers', 'consequence', 'probability'],
    labels,
  });
  const options = GRADES.map((grade) => ({ value: grade, label: grade }));
  const onSubmit = step.form.submitWith((values) => {
    step.setProblem(null);
    add.mutate(
      {
        id: analysis.id,
        version: analysis.version,
        body: {
          description: values.description.trim(),
          existing_barriers: values.existing_barriers.trim() || null,
          consequence: Number(values.consequence),
          probability: Number(values.probability),
        },
      },
      { onError: step.onError, onSuccess: () => step.form.reset(EMPTY) },
    );
  });
  return (
    <FormSection heading={t('quality.system.ros.addHazardHeading')} headingId="add-hazard-heading">
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={step.summary} attempt={step.form.attempt} />
      <FormKit form={step.form} message={step.message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="add-hazard-heading">
          <TextField name="description" label={labels.description} multiline rows={2} maxLength={2000} aria-required />
          <TextField name="existing_barriers" label={labels.existing_barriers} multiline rows={2} maxLength={2000} />
          <FieldGrid>
            <SelectField name="consequence" label={labels.consequence} options={options} placeholder={t('quality.form.choose')} required />
            <SelectField name="probability" label={labels.probability} options={options} placeholder={t('quality.form.choose')} required />
          </FieldGrid>
          {step.problem ? <SystemProblem error={step.problem} /> : null}
          <div>
            <Button type="submit" variant="secondary" loading={add.isPending} disabled={add.isPending}>
              {t('quality.system.ros.addHazard')}
            </Button>
          </div>
        </FormLayout>
      </FormKit>
    </FormSection>
  );
}

function HazardCard({ analysis, hazard, index }: { analysis: RosRead; hazard: HazardRead; index: number }) {
  const { t } = useTranslation();
  const addMeasure = useAddHazardMeasure();
  const headingId = `hazard-${hazard.id}`;
  return (
    <li className={styles.card} aria-labelledby={headingId} data-testid="hazard">
      <Heading level={3} data-size="2xs" id={headingId}>
        {index + 1}. {hazard.description}
      </Heading>
      <span className={styles.inline}>
        <RiskBadge level={hazard.risk_level} score={hazard.risk_score} />
        <Paragraph data-size="sm">
          {t('quality.system.ros.consequence')} {hazard.consequence} × {t('quality.system.ros.probability').toLowerCase()} {hazard.probability}
        </Paragraph>
        {hazard.needs_measure ? (
          <Tag data-color="warning" data-size="sm" data-testid="needs-measure">
            {t('quality.system.ros.needsMeasure')}
          </Tag>
        ) : null}
        {hazard.confirmed_by_deviations > 0 ? (
          <Tag data-color="info" data-size="sm">
            {t('quality.system.ros.confirmedBy', { count: hazard.confirmed_by_deviations })}
          </Tag>
        ) : null}
      </span>
      {hazard.existing_barriers ? (
        <Paragraph data-size="sm" className={styles.preWrap}>
          <strong>{t('quality.system.ros.barriers')}:</strong> {hazard.existing_barriers}
        </Paragraph>
      ) : null}
      <MeasuresTable measures={hazard.measures} editable={analysis.may_edit} />
      {analysis.may_edit ? (
        <MeasureForm
          formId={`measure-${hazard.id}`}
          heading={t('quality.system.ros.measureFor', { hazard: hazard.description.slice(0, 60) })}
          pending={addMeasure.isPending}
          onSave={(body, callbacks) => addMeasure.mutate({ analysisId: analysis.id, hazardId: hazard.id, body }, callbacks)}
        />
      ) : null}
    </li>
  );
}

/** The reasons the API gave for refusing the approval (each high risk without a measure). */
function refusalReasons(error: unknown): string | null {
  if (!(error instanceof ApiProblem) || error.status !== 422) return null;
  const errors = (error.problem as { errors?: { message: string }[] }).errors ?? [];
  return errors.map((e) => e.message).join(' ');
}

function ApproveSection({ analysis }: { analysis: RosRead }) {
  const { t } = useTranslation();
  const approve = useApproveRos();
  const refused = approve.isError ? refusalReasons(approve.error) : null;
  return (
    <FormSection heading={t('quality.system.ros.approve')} headingId="approve-heading">
      <Paragraph data-size="sm">{t('quality.system.ros.approveHelp')}</Paragraph>
      <div>
        <Button loading={approve.isPending} disabled={approve.isPending} onClick={() => approve.mutate({ id: analysis.id, version: analysis.version })}>
          {t('quality.system.ros.approve')}
        </Button>
      </div>
      {refused !== null ? (
        <Alert data-color="warning" role="alert" data-testid="approve-refused">
          <Paragraph>{t('quality.system.ros.approveRefused', { reasons: analysis.hazards.filter((h) => h.needs_measure).map((h) => `«${h.description}»`).join(', ') || t('quality.system.ros.noHazards') })}</Paragraph>
        </Alert>
      ) : approve.isError ? (
        <SystemProblem error={approve.error} />
      ) : null}
    </FormSection>
  );
}

/** /kvalitet/ros/:id: the analysis, its hazards highest risk first with their measures, new hazards and the approval. */
export function RosPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const analysis = useRos(id);
  const unitName = useUnitName();
  usePageTitle(analysis.data?.title ?? t('quality.system.ros.listTitle'));
  if (!session || !canWorkWithQualitySystem(session.user.roles)) return <NoAccess />;
  const back = { to: ROS_PATH, label: t('quality.system.ros.back') };
  if (analysis.isPending) return <Loading />;
  if (analysis.isError) {
    return (
      <PageLayout back={back} title={isNotFound(analysis.error) ? t('quality.system.common.notFoundTitle') : t('quality.system.ros.listTitle')}>
        {isNotFound(analysis.error) ? <Paragraph>{t('quality.system.common.notFoundBody')}</Paragraph> : <ProblemAlert error={analysis.error} onRetry={() => void analysis.refetch()} />}
      </PageLayout>
    );
  }
  const a = analysis.data;
  return (
    <PageLayout
      back={back}
      title={a.title}
      lead={`${unitName(a.unit)} · ${formatShortDate(a.analysed_on, language)}`}
      intro={
        <span className={styles.inline}>
          <Tag data-color={a.status === 'approved' ? 'success' : 'neutral'} data-size="sm" data-testid="ros-status">
            {t(`quality.system.rosStatus.${a.status}`)}
          </Tag>
          {a.approved_on && a.approved_by ? <Paragraph data-size="sm">{t('quality.system.ros.approvedBy', { name: a.approved_by, date: formatShortDate(a.approved_on, language) })}</Paragraph> : null}
        </span>
      }
    >
      <QualityNav />
      <FormSection heading={t('quality.system.ros.factsHeading')} headingId="ros-facts-heading">
        <dl className={styles.facts}>
          <Fact term={t('quality.system.ros.scope')}>
            <span className={styles.preWrap}>{a.scope}</span>
          </Fact>
          <Fact term={t('quality.system.ros.participants')}>{a.participants.join(', ')}</Fact>
        </dl>
      </FormSection>
      <FormSection heading={t('quality.system.ros.hazardsHeading')} headingId="hazards-heading">
        {a.hazards.length === 0 ? <Paragraph data-size="sm">{t('quality.system.ros.noHazards')}</Paragraph> : null}
        <ul className={styles.cards}>
          {a.hazards.map((hazard, index) => (
            <HazardCard key={hazard.id} analysis={a} hazard={hazard} index={index} />
          ))}
        </ul>
      </FormSection>
      {a.may_edit ? <HazardForm key={`hazard-${a.version}`} analysis={a} /> : null}
      {a.may_edit && a.status === 'draft' ? <ApproveSection analysis={a} /> : null}
    </PageLayout>
  );
}
