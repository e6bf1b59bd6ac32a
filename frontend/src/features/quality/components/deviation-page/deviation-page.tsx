import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { formatDateTime, formatShortDate } from '@/lib/dates';
import { useFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { isNotFound } from '@/lib/problem';

import { useDeviation } from '../../api/get-deviation';
import { useUnitName } from '../../api/get-units';
import { STEP_ACTIONS, type DeviationRead } from '../../api/types';
import { canHandleDeviations, canReportDeviations } from '../../lib/permissions';
import { QUALITY_PATH, QUEUE_PATH } from '../../paths';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { RiskBadge } from '../risk-badge/risk-badge';
import { RiskMatrix } from '../risk-matrix/risk-matrix';
import { StatusTag } from '../status-tag/status-tag';

import { AcknowledgeForm } from './acknowledge-form';
import { ActionsSection } from './actions-section';
import { ChecklistSection } from './checklist-section';
import { CloseForm, ReopenForm } from './close-reopen';
import styles from './deviation-page.module.css';
import { InvestigationForm } from './investigation-form';
import { ReferencesSection } from './references-section';

/** What the report form leaves for this page after a save. */
export type DeviationFlash = { kind: 'reported' };

const isStepAction = (value: string): value is (typeof STEP_ACTIONS)[number] => (STEP_ACTIONS as readonly string[]).includes(value);

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className={styles.fact} data-testid={testId}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Facts({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const unitName = useUnitName();
  const reporter = deviation.is_anonymous
    ? t('quality.deviation.anonymous')
    : deviation.reporter
      ? deviation.reporter.name
      : deviation.reporter_hidden
        ? t('quality.deviation.reporterHidden')
        : t('quality.deviation.unknown');
  return (
    <dl className={styles.facts}>
      <Fact term={t('quality.report.occurredAt')}>{formatDateTime(deviation.occurred_at, language)}</Fact>
      <Fact term={t('quality.report.discoveredAt')}>{formatDateTime(deviation.discovered_at, language)}</Fact>
      <Fact term={t('quality.deviation.reportedOn')}>{formatShortDate(deviation.reported_on, language)}</Fact>
      <Fact term={t('quality.report.unit')}>{unitName(deviation.unit)}</Fact>
      {deviation.place ? <Fact term={t('quality.report.place')}>{deviation.place}</Fact> : null}
      <Fact term={t('quality.report.category')}>
        {t(`quality.category.${deviation.category}`)}
        {deviation.is_collaboration && deviation.collaboration_party ? ` – ${deviation.collaboration_party}` : ''}
      </Fact>
      <Fact term={t('quality.deviation.reporter')}>{reporter}</Fact>
      {deviation.person_id ? <Fact term={t('quality.report.personId')}>{deviation.person_id}</Fact> : null}
      <Fact term={t('quality.deviation.acknowledgeBy')} testId="acknowledge-by">
        <span className={styles.inline}>
          {deviation.acknowledged_on
            ? t('quality.deviation.acknowledgedOn', { date: formatShortDate(deviation.acknowledged_on, language) })
            : formatShortDate(deviation.acknowledge_by, language)}
          {deviation.is_acknowledgement_late ? (
            <Tag data-color="danger" data-size="sm">
              {t('quality.table.overdue')}
            </Tag>
          ) : null}
        </span>
      </Fact>
      {deviation.handler_name ? <Fact term={t('quality.deviation.handler')}>{deviation.handler_name}</Fact> : null}
    </dl>
  );
}

function Steps({ deviation }: { deviation: DeviationRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <FormSection heading={t('quality.steps.heading')} headingId="steps-heading">
      <ol className={styles.steps} data-testid="steps">
        {deviation.steps.map((step, index) => (
          <li key={`${step.at}-${index}`}>
            <span className={styles.stepWhat}>{isStepAction(step.action) ? t(`quality.steps.action.${step.action}`) : step.action}</span>
            <span className={styles.stepMeta}>
              {formatDateTime(step.at, language)}
              {step.actor_name ? ` · ${step.actor_name}` : ''}
            </span>
            {step.note ? <span className={styles.stepNote}>{step.note}</span> : null}
          </li>
        ))}
      </ol>
    </FormSection>
  );
}

/** /avvik/:id: the deviation, its risk and checklist, and — for its handlers — each step in its turn. */
export function DeviationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const flash = useFlash<DeviationFlash>();
  const deviation = useDeviation(id);
  const title = deviation.data ? t('quality.deviation.title', { category: t(`quality.category.${deviation.data.category}`) }) : undefined;
  usePageTitle(title);

  if (!canReportDeviations(roles)) return <NoAccess />;
  if (deviation.isPending) return <Loading />;
  const back = canHandleDeviations(roles) ? { to: QUEUE_PATH, label: t('quality.deviation.backToQueue') } : { to: QUALITY_PATH, label: t('quality.deviation.backToMine') };
  if (deviation.isError) {
    return (
      <PageLayout back={back} title={isNotFound(deviation.error) ? t('quality.deviation.notFoundTitle') : t('quality.deviation.titleShort')}>
        {isNotFound(deviation.error) ? <Paragraph>{t('quality.deviation.notFoundBody')}</Paragraph> : <ProblemAlert error={deviation.error} onRetry={() => void deviation.refetch()} />}
      </PageLayout>
    );
  }
  const d = deviation.data;
  const handling = d.may_handle;
  return (
    <PageLayout
      back={back}
      title={title}
      lead={t('quality.deviation.lead', { date: formatShortDate(d.reported_on, language) })}
      intro={
        <div className={styles.tags}>
          <StatusTag status={d.status} />
          <RiskBadge level={d.risk_level} score={d.risk_score} />
          {d.is_serious ? (
            <Tag data-color="danger" data-size="sm">
              {t('quality.serious.tag')}
            </Tag>
          ) : null}
          {d.goes_to_committee ? (
            <Tag data-color="info" data-size="sm">
              {t('quality.deviation.committee')}
            </Tag>
          ) : null}
        </div>
      }
    >
      {flash?.kind === 'reported' ? <SuccessMessage testId="reported">{t('quality.deviation.reported')}</SuccessMessage> : null}
      <QualityNav />

      {d.status === 'closed' && d.outcome_for_reporter ? (
        <FormSection heading={t('quality.deviation.outcomeHeading')} headingId="outcome-heading" variant="highlight">
          <Paragraph className={styles.preWrap} data-testid="outcome">
            {d.outcome_for_reporter}
          </Paragraph>
          {d.closed_on ? <Paragraph data-size="sm">{t('quality.deviation.closedOn', { date: formatShortDate(d.closed_on, language) })}</Paragraph> : null}
        </FormSection>
      ) : null}

      <FormSection heading={t('quality.deviation.factsHeading')} headingId="facts-heading">
        <Facts deviation={d} />
        <div>
          <Heading level={3} data-size="2xs">
            {t('quality.report.whatHappened')}
          </Heading>
          <Paragraph className={styles.preWrap}>{d.what_happened}</Paragraph>
        </div>
        {d.immediate_action ? (
          <div>
            <Heading level={3} data-size="2xs">
              {t('quality.report.immediateAction')}
            </Heading>
            <Paragraph className={styles.preWrap}>{d.immediate_action}</Paragraph>
          </div>
        ) : null}
      </FormSection>

      <FormSection heading={t('quality.deviation.riskHeading')} headingId="risk-heading">
        <Paragraph>{t('quality.report.riskResult', { consequence: d.consequence, probability: d.probability, score: d.risk_score })}</Paragraph>
        <RiskMatrix consequence={d.consequence} probability={d.probability} caption={t('quality.matrix.caption')} captionHidden />
      </FormSection>

      {d.is_serious && d.notification_checklist.length > 0 ? <ChecklistSection deviation={d} /> : null}

      {handling && d.status === 'reported' ? <AcknowledgeForm key={`acknowledge-${d.version}`} deviation={d} /> : null}

      {d.investigation || d.causes.length > 0 ? (
        d.status === 'closed' || !handling ? (
          <FormSection heading={t('quality.investigation.heading')} headingId="investigation-read-heading">
            {d.investigation ? <Paragraph className={styles.preWrap}>{d.investigation}</Paragraph> : null}
            <ul className={styles.causeList} data-testid="causes">
              {d.causes.map((cause, index) => (
                <li key={index}>
                  <strong>
                    {t(`quality.causeCategory.${cause.category}`)} ({cause.is_underlying ? t('quality.investigation.underlying') : t('quality.investigation.direct')})
                  </strong>
                  : {cause.description}
                </li>
              ))}
            </ul>
          </FormSection>
        ) : null
      ) : null}
      {handling && (d.status === 'acknowledged' || d.status === 'investigated') ? <InvestigationForm key={`investigation-${d.version}`} deviation={d} /> : null}

      {d.status !== 'reported' && (handling || d.actions.length > 0) ? (
        <ActionsSection deviation={d} editable={handling && (d.status === 'acknowledged' || d.status === 'investigated')} />
      ) : null}

      <ReferencesSection deviation={d} handling={handling} />

      {handling && d.status === 'investigated' ? <CloseForm key={`close-${d.version}`} deviation={d} /> : null}
      {d.status === 'closed' && d.learning_summary ? (
        <FormSection heading={t('quality.close.learningSummary')} headingId="learning-heading">
          <Paragraph className={styles.preWrap}>{d.learning_summary}</Paragraph>
        </FormSection>
      ) : null}
      {handling && d.status === 'closed' ? <ReopenForm key={`reopen-${d.version}`} deviation={d} /> : null}

      <Steps deviation={d} />
    </PageLayout>
  );
}
