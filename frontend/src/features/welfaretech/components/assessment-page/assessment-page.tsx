import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, Link as RouterLink } from 'react-router';

import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useAssessment, useRecordLegalDecision } from '../../api/assessments';
import { useLoans } from '../../api/loans';
import { LEGAL_CONDITIONS, REFLECTION_STEPS, type AssessmentRead } from '../../api/types';
import {
  emptyLegalDecision,
  legalDecisionFields,
  legalDecisionSchema,
  legalServerErrorKey,
  toLegalDecisionCreate,
  type LegalDecisionValues,
} from '../../lib/assessment-form';
import type { ErrorKey } from '../../lib/form-errors';
import { isTeam } from '../../lib/permissions';
import { isActionable } from '../../lib/legal-decision-form';
import { WELFARETECH_PATH, legalDecisionPath } from '../../paths';
import { LegalDecisionFields } from '../legal-decision-fields/legal-decision-fields';
import { NoAccess } from '../no-access/no-access';
import { RecommendationCard } from '../recommendation-card/recommendation-card';
import { WtProblem } from '../wt-problem/wt-problem';

import styles from './assessment-page.module.css';

function LegalDecisionForm({ assessment, onDone }: { assessment: AssessmentRead; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordLegalDecision();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<LegalDecisionValues>({
    form: 'legal',
    schema: legalDecisionSchema(undefined, assessment.legal_basis.max_months),
    initial: () => emptyLegalDecision(),
    fields: () => legalDecisionFields(''),
  });
  const labelOf = (path: string) => {
    if (path.startsWith('conditions.')) return t(`welfaretech.legal.condition.${path.slice('conditions.'.length) as 'prevents_harm'}`);
    const labels: Record<string, string> = {
      kinds: t('welfaretech.legal.kinds'),
      person_does_not_resist: t('welfaretech.legal.doesNotResist'),
      decided_on: t('welfaretech.legal.decidedOn'),
      valid_from: t('welfaretech.legal.validFrom'),
      valid_until: t('welfaretech.legal.validUntil'),
    };
    return labels[path] ?? path;
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labelOf(path), months: assessment.legal_basis.max_months }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    record.mutate(
      { assessmentId: assessment.id, body: toLegalDecisionCreate(values) },
      {
        onSuccess: onDone,
        onError: (error) => {
          const placed = form.showServerErrors(error, legalServerErrorKey);
          setProblem(placed ? null : error);
        },
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  return (
    <FormKit form={form} message={message}>
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormLayout onSubmit={onSubmit} aria-labelledby="legal-form-heading">
        <LegalDecisionFields />
        <div>
          <Button type="submit" loading={record.isPending} disabled={record.isPending} className={styles.submit}>
            {t('welfaretech.legal.submit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function LegalSection({ assessment, team }: { assessment: AssessmentRead; team: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const [open, setOpen] = useState(false);
  const [recorded, setRecorded] = useState(false);
  if (assessment.consent_capacity === 'yes') return null;
  return (
    <section aria-labelledby="legal-form-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="legal-form-heading">
        {t('welfaretech.legal.heading')}
      </Heading>
      {assessment.consent_capacity === 'unclear' ? (
        <Alert data-color="warning">
          <Paragraph>{t('welfaretech.assessment.unclearNote')}</Paragraph>
        </Alert>
      ) : null}
      {recorded ? <SuccessMessage testId="legal-saved">{t('welfaretech.legal.saved')}</SuccessMessage> : null}
      {assessment.legal_decisions.length === 0 && assessment.consent_capacity === 'no' ? <Paragraph>{t('welfaretech.legal.none')}</Paragraph> : null}
      {assessment.legal_decisions.map((decision) => (
        <Card key={decision.id} className={styles.decision} data-testid="legal-decision">
          <Heading level={3} data-size="xs">
            {t('welfaretech.legal.decisionTitle', {
              from: formatShortDate(decision.valid_from, language),
              until: formatShortDate(decision.valid_until, language),
            })}
          </Heading>
          <div>
            <Tag data-color={decision.status === 'lapsed' ? 'danger' : decision.status === 'lapses_soon' ? 'warning' : decision.status === 'in_force' ? 'success' : 'neutral'}>
              {t(`welfaretech.decisionStatus.${decision.status}`)}
            </Tag>
          </div>
          <Paragraph data-size="sm">
            {decision.kinds.map((kind) => t(`welfaretech.kind.${kind}`)).join(', ')} · {decision.decided_by_name} ·{' '}
            <span lang="nb">{decision.law}</span>
          </Paragraph>
          <dl className={styles.facts}>
            {LEGAL_CONDITIONS.map((condition) => (
              <div key={condition}>
                <dt>{t(`welfaretech.legal.condition.${condition}`)}</dt>
                <dd>{decision.conditions[condition] ?? '–'}</dd>
              </div>
            ))}
            <div>
              <dt>{t('welfaretech.legal.doesNotResist')}</dt>
              <dd>{t(decision.person_does_not_resist ? 'welfaretech.answer.yes' : 'welfaretech.answer.no')}</dd>
            </div>
          </dl>
          {team && isActionable(decision) ? (
            <Link asChild>
              <RouterLink to={legalDecisionPath(assessment.id, decision.id)} className={styles.submit}>
                {t('welfaretech.legal.open')}
              </RouterLink>
            </Link>
          ) : null}
        </Card>
      ))}
      {team && assessment.consent_capacity === 'no' ? (
        open ? (
          <LegalDecisionForm
            assessment={assessment}
            onDone={() => {
              setOpen(false);
              setRecorded(true);
            }}
          />
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setOpen(true)} className={styles.submit}>
              {t('welfaretech.legal.add')}
            </Button>
          </div>
        )
      ) : null}
    </section>
  );
}

/** /velferdsteknologi/kartlegginger/:id: the assessment, its recommendations to accept or reject, and the legal basis. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.assessmentPage.title'));
  const flash = useFlash<'saved' | 'savedWithDecision'>();
  const session = useSession();
  const assessment = useAssessment(id);
  const loans = useLoans({ personId: assessment.data?.person_id }, assessment.isSuccess);
  if (!session) return <NoAccess />;
  const team = isTeam(session.user.roles);
  if (assessment.isPending) return <Loading />;
  if (assessment.isError) {
    return (
      <PageLayout back={{ to: WELFARETECH_PATH, label: t('welfaretech.inbox.back') }} title={t('welfaretech.assessmentPage.title')}>
        <ProblemAlert error={assessment.error} />
      </PageLayout>
    );
  }
  const a = assessment.data;
  const loanOf = (recommendationId: string) => loans.data?.find((loan) => loan.recommendation_id === recommendationId && loan.status === 'active')?.id;
  return (
    <PageLayout
      back={{ to: WELFARETECH_PATH, label: t('welfaretech.inbox.back') }}
      title={t('welfaretech.assessmentPage.title')}
      lead={t('welfaretech.assessmentPage.lead', { date: formatShortDate(a.assessed_on, language), name: a.assessed_by_name })}
    >
      {flash ? <SuccessMessage testId="assessment-saved">{t(`welfaretech.assessmentPage.${flash}`)}</SuccessMessage> : null}
      <section aria-labelledby="summary-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="summary-heading">
          {t('welfaretech.assessmentPage.summary')}
        </Heading>
        <dl className={styles.facts}>
          <div>
            <dt>{t('welfaretech.assessment.goalsHeading')}</dt>
            <dd>
              <ul className={styles.list}>
                {a.own_goals.map((goal) => (
                  <li key={goal}>{goal}</li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('welfaretech.assessment.needs')}</dt>
            <dd>{a.needs.map((need) => t(`welfaretech.need.${need}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('welfaretech.assessment.capacity')}</dt>
            <dd data-testid="capacity">
              {t(`welfaretech.capacity.${a.consent_capacity}`)}
              {a.consent_capacity === 'yes' ? ` · ${t(a.consent_given ? 'welfaretech.assessmentPage.consented' : 'welfaretech.assessmentPage.notConsented')}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('welfaretech.assessment.housing')}</dt>
            <dd>{a.environment.housing}</dd>
          </div>
        </dl>
        {a.ethical_reflection ? (
          <details className={styles.details}>
            <summary>{t('welfaretech.assessment.reflectionHeading')}</summary>
            <dl className={styles.facts}>
              {REFLECTION_STEPS.map((step, index) => (
                <div key={step}>
                  <dt>{t('welfaretech.reflection.stepLabel', { number: index + 1, step: t(`welfaretech.reflection.${step}`) })}</dt>
                  <dd>{a.ethical_reflection?.[step]}</dd>
                </div>
              ))}
            </dl>
          </details>
        ) : null}
      </section>

      <LegalSection assessment={a} team={team} />

      <section aria-labelledby="recommendations-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="recommendations-heading">
          {t('welfaretech.assessmentPage.recommendations')}
        </Heading>
        <Paragraph>{t('welfaretech.assessmentPage.recommendationsIntro')}</Paragraph>
        {a.recommendations.length === 0 ? <Paragraph>{t('welfaretech.assessmentPage.noRecommendations')}</Paragraph> : null}
        <div className={styles.cards}>
          {a.recommendations.map((recommendation) => (
            <RecommendationCard key={recommendation.id} recommendation={recommendation} assessmentId={a.id} canDecide={team} loanId={loanOf(recommendation.id)} />
          ))}
        </div>
      </section>
    </PageLayout>
  );
}
