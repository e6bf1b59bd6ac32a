import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { PrinterSmallIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';

import { useActivatePlan, usePlan } from '../../api/plans';
import type { PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { COORDINATION_PATH, planPrintPath } from '../../paths';
import { PlanForm } from '../plan-form/plan-form';
import { ConsentSection } from '../plan-sections/consent-section';
import { EvaluationSection } from '../plan-sections/evaluation-section';
import { MeetingsSection } from '../plan-sections/meetings-section';
import { PlanSummary } from '../plan-sections/plan-summary';
import { VersionsSection } from '../plan-sections/versions-section';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-page.module.css';

function Activate({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const activate = useActivatePlan();
  if (plan.status !== 'draft' || !plan.may_edit) return null;
  return (
    <>
      <Button onClick={() => activate.mutate({ id: plan.id, version: plan.version })} disabled={activate.isPending}>
        {t('coordination.plan.activate')}
      </Button>
      {!plan.has_consent ? <Paragraph data-size="sm">{t('coordination.plan.needsConsent')}</Paragraph> : null}
      {activate.isError ? <ProblemAlert error={activate.error} /> : null}
    </>
  );
}

/** The individual plan: the koordinator's editor (on a tablet too), consent, meetings, evaluation, versions. */
export function PlanPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const { id = '' } = useParams();
  const date = useShortDate();
  const plan = usePlan(id);

  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <PageLayout title={t('coordination.plan.title')} back={{ to: COORDINATION_PATH, label: t('coordination.inbox.title') }}>
        <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </PageLayout>
    );
  }
  const data = plan.data;
  return (
    <PageLayout
      back={{ to: COORDINATION_PATH, label: t('coordination.inbox.title') }}
      title={t('coordination.plan.titleFor', { name: data.person.name ?? t('coordination.unknownPerson') })}
      lead={
        data.coordinator
          ? tx(`coordination.plan.coordinatorLine.${data.coordinator.kind}`, { name: data.coordinator.name, date: date(data.coordinator.since) })
          : t('coordination.plan.noCoordinator')
      }
      intro={
        <div className={styles.meta}>
          <Tag data-color={data.status === 'active' ? 'success' : 'neutral'} data-testid="plan-status">
            {tx(`coordination.status.${data.status}`)}
          </Tag>
          <span>{t('coordination.plan.version', { version: data.version })}</span>
          {data.next_evaluation_on ? <span>{t('coordination.plan.nextEvaluation', { date: date(data.next_evaluation_on) })}</span> : null}
        </div>
      }
    >
      <div className={styles.actions}>
        <Activate plan={data} />
        <Button asChild variant="tertiary">
          <RouterLink to={planPrintPath(data.id)}>
            <PrinterSmallIcon aria-hidden fontSize="1.5em" />
            {t('coordination.plan.print')}
          </RouterLink>
        </Button>
      </div>
      {data.evaluation_overdue ? (
        <Alert data-color="warning">
          <Paragraph>{t('coordination.plan.evaluationOverdue')}</Paragraph>
        </Alert>
      ) : null}
      {!data.decisions.available ? (
        <Alert data-color="info" data-testid="decisions-unavailable">
          <Paragraph>{t('coordination.plan.decisionsUnavailable')}</Paragraph>
        </Alert>
      ) : null}
      <div className={styles.sections}>
        {data.may_edit ? <PlanForm plan={data} /> : <PlanSummary plan={data} />}
        <ConsentSection plan={data} />
        <MeetingsSection plan={data} />
        <EvaluationSection plan={data} />
        <VersionsSection plan={data} />
        {data.decisions.available && data.decisions.items && data.decisions.items.length > 0 ? (
          <section aria-labelledby="decisions-heading">
            <Heading level={2} data-size="sm" id="decisions-heading">
              {t('coordination.plan.decisions')}
            </Heading>
            <ul>
              {data.decisions.items.map((d) => (
                <li key={d.id}>
                  {d.service_type} – {d.unit ?? ''} ({tx(`coordination.decisionStatus`, { status: d.status })}){d.starts_on ? `, ${date(d.starts_on)}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </PageLayout>
  );
}
