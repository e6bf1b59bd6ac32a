import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { PersonIcon, PrinterSmallIcon } from '@navikt/aksel-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { z } from 'zod';

import { FormKit, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { useApiForm } from '@/lib/use-api-form';

import { useActivatePlan, useClosePlan, usePlan } from '../../api/plans';
import type { PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { usePlanNames } from '../../lib/names';
import { canTalkToRelatives } from '../../lib/permissions';
import { COORDINATION_PATH, myPlanPath, planPrintPath } from '../../paths';
import { PlanForm } from '../plan-form/plan-form';
import { AssignmentsSection } from '../plan-sections/assignments-section';
import { ConsentSection } from '../plan-sections/consent-section';
import { ConversationsSection } from '../plan-sections/conversations-section';
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

type CloseValues = { reason: string };
const closeSchema: z.ZodType<CloseValues, CloseValues> = z.object({
  reason: z.string().refine((v) => v.trim() !== '', 'required').max(2000, 'tooLong'),
});

/** «Avslutt planen»: with the reason; the plan is kept as history, nothing more can change in it. */
function ClosePlan({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const close = useClosePlan();
  const [open, setOpen] = useState(false);
  const form = useApiForm<CloseValues>({ form: 'close-plan', schema: closeSchema, initial: { reason: '' }, fields: () => ['reason'] });
  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  if (plan.status === 'closed' || !plan.may_edit) return null;
  if (!open) {
    return (
      <Button variant="tertiary" onClick={() => setOpen(true)}>
        {t('coordination.close.open')}
      </Button>
    );
  }
  const onSubmit = form.submitWith((values) =>
    close.mutate({ id: plan.id, version: plan.version, reason: values.reason.trim() }, { onSuccess: () => setOpen(false), onError: (error) => form.showServerErrors(error, () => 'invalid') }),
  );
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.close} aria-label={t('coordination.close.title')}>
        <Paragraph data-size="sm">{t('coordination.close.help')}</Paragraph>
        <TextField name="reason" label={t('coordination.close.reason')} multiline rows={2} />
        {close.isError ? <ProblemAlert error={close.error} /> : null}
        <div className={styles.actions}>
          <Button type="submit" data-color="danger" disabled={close.isPending}>
            {t('coordination.close.submit')}
          </Button>
          <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
            {t('coordination.close.cancel')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** The individual plan: the koordinator's editor (on a tablet too), consent, meetings, evaluation, versions. */
export function PlanPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const { id = '' } = useParams();
  const date = useShortDate();
  const plan = usePlan(id);
  const session = useSession();
  const names = usePlanNames(plan.data?.service_names);

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
          <RouterLink to={myPlanPath(data.id)}>
            <PersonIcon aria-hidden fontSize="1.5em" />
            {t('coordination.plan.myPlan')}
          </RouterLink>
        </Button>
        <Button asChild variant="tertiary">
          <RouterLink to={planPrintPath(data.id)}>
            <PrinterSmallIcon aria-hidden fontSize="1.5em" />
            {t('coordination.plan.print')}
          </RouterLink>
        </Button>
      </div>
      <ClosePlan plan={data} />
      {data.status === 'closed' ? (
        <Alert data-color="info" data-testid="plan-closed">
          <Paragraph>{t('coordination.close.closed', { date: date(data.closed_on), reason: data.closed_reason ?? '' })}</Paragraph>
        </Alert>
      ) : null}
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
        <AssignmentsSection plan={data} />
        {session && canTalkToRelatives(session.user.roles) ? <ConversationsSection plan={data} /> : null}
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
                  {names.serviceText(d.service_type)} – {names.unitText(d.unit)} ({tx(`coordination.decisionStatus`, { status: tx(`coordination.decisionStatusName.${d.status}`) })}){d.starts_on ? `, ${date(d.starts_on)}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </PageLayout>
  );
}
