import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FormKit, TextField, useFormKit } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useDecideRecommendation } from '../../api/recommendations';
import { PROVIDERS, type Provider, type RecommendationRead } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';
import { loanPath, newLoanPath } from '../../paths';
import { WtProblem } from '../wt-problem/wt-problem';

import styles from './recommendation-card.module.css';

export type DecideValues = {
  choice: '' | 'accept' | 'reject';
  reason: string;
  provider: Provider | '';
  trial: boolean;
  trial_weeks: string;
  decided_on: string;
};

export function decideSchema(today: string = osloToday()): z.ZodType<DecideValues, DecideValues> {
  return z
    .object({
      choice: z.enum(['', 'accept', 'reject']),
      reason: z.string(),
      provider: z.enum(['', ...PROVIDERS] as [string, ...string[]]),
      trial: z.boolean(),
      trial_weeks: z.string(),
      decided_on: z.string(),
    })
    .superRefine((values, ctx) => {
      const add = (path: string, message: ErrorKey) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (values.choice === '') add('choice', 'choose');
      if (!values.reason.trim()) add('reason', 'reason');
      else if (values.reason.length > 2000) add('reason', 'tooLong');
      if (values.choice === 'accept' && values.provider === '') add('provider', 'provider');
      if (values.choice === 'accept' && values.trial) {
        const weeks = Number(values.trial_weeks);
        if (!/^\d+$/.test(values.trial_weeks.trim()) || weeks < 1 || weeks > 52) add('trial_weeks', 'trialWeeks');
      }
      if (!isIsoDate(values.decided_on)) add('decided_on', 'date');
      else if (values.decided_on > today) add('decided_on', 'future');
    }) as unknown as z.ZodType<DecideValues, DecideValues>;
}

const FIELDS = ['choice', 'reason', 'provider', 'trial_weeks', 'decided_on'];

function AcceptFields() {
  const { t } = useTranslation();
  const { form } = useFormKit();
  const choice = useWatch({ control: form.control, name: 'choice' }) as DecideValues['choice'];
  const trial = useWatch({ control: form.control, name: 'trial' }) === true;
  if (choice !== 'accept') return null;
  return (
    <>
      <RadioGroup
        name="provider"
        legend={t('welfaretech.recommendation.provider')}
        layout="column"
        choices={PROVIDERS.map((provider) => ({
          value: provider,
          label: t(`welfaretech.provider.${provider}`),
          description: t(`welfaretech.providerHelp.${provider}`),
        }))}
      />
      <CheckboxField name="trial" label={t('welfaretech.recommendation.trial')} description={t('welfaretech.recommendation.trialHelp')} />
      {trial ? <TextField name="trial_weeks" label={t('welfaretech.recommendation.trialWeeks')} inputMode="numeric" className={styles.short} /> : null}
    </>
  );
}

function DecideForm({ recommendation, assessmentId }: { recommendation: RecommendationRead; assessmentId: string }) {
  const { t } = useTranslation();
  const decide = useDecideRecommendation(assessmentId);
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<DecideValues>({
    form: `decide-${recommendation.id}`,
    schema: decideSchema(),
    initial: { choice: '', reason: '', provider: '', trial: false, trial_weeks: '8', decided_on: osloToday() },
    fields: () => FIELDS,
  });
  const labels: Record<string, string> = {
    choice: t('welfaretech.recommendation.choice'),
    reason: t('welfaretech.recommendation.reason'),
    provider: t('welfaretech.recommendation.provider'),
    trial_weeks: t('welfaretech.recommendation.trialWeeks'),
    decided_on: t('welfaretech.recommendation.decidedOn'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labels[path] ?? path }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    const accept = values.choice === 'accept';
    decide.mutate(
      {
        id: recommendation.id,
        version: recommendation.version,
        body: {
          accept,
          reason: values.reason.trim(),
          provider: accept ? (values.provider as Provider) : null,
          trial_weeks: accept && values.trial ? Number(values.trial_weeks) : null,
          decided_on: values.decided_on,
        },
      },
      {
        onError: (error) => {
          const placed = form.showServerErrors(error, (path) => (path === 'provider' ? 'provider' : path === 'trial_weeks' ? 'trialWeeks' : 'invalid'));
          setProblem(placed ? null : error);
        },
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const headingId = `decide-${recommendation.id}-heading`;
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} aria-labelledby={headingId} className={styles.form}>
        <Heading level={4} data-size="2xs" id={headingId}>
          {t('welfaretech.recommendation.decideHeading')}
        </Heading>
        <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
        {problem ? <WtProblem error={problem} /> : null}
        <RadioGroup
          name="choice"
          legend={labels.choice}
          choices={[
            { value: 'accept', label: t('welfaretech.recommendation.accept') },
            { value: 'reject', label: t('welfaretech.recommendation.reject') },
          ]}
        />
        <TextField name="reason" label={labels.reason} description={t('welfaretech.recommendation.reasonHelp')} multiline rows={2} aria-required />
        <AcceptFields />
        <FieldGrid>
          <DateField name="decided_on" label={labels.decided_on} required />
        </FieldGrid>
        <div>
          <Button type="submit" loading={decide.isPending} disabled={decide.isPending} className={styles.submit}>
            {t('welfaretech.recommendation.submit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** One proposed technology: why, what it may replace, and the team's choice (or the form to make it). */
export function RecommendationCard({
  recommendation,
  assessmentId,
  canDecide,
  loanId,
}: {
  recommendation: RecommendationRead;
  assessmentId: string;
  canDecide: boolean;
  /** The open loan of this recommendation, when one is registered. */
  loanId?: string | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const technology = recommendation.technology;
  const headingId = `recommendation-${recommendation.id}`;
  const statusColor = recommendation.status === 'accepted' ? 'success' : recommendation.status === 'rejected' ? 'neutral' : 'info';
  return (
    <Card className={styles.card} data-testid="recommendation" aria-labelledby={headingId} role="article">
      <div className={styles.header}>
        <Heading level={3} data-size="xs" id={headingId}>
          <Localized text={technology.name} />
        </Heading>
        <Tag data-color={statusColor}>{t(`welfaretech.recommendationStatus.${recommendation.status}`)}</Tag>
      </div>
      <Paragraph data-size="sm" className={styles.kind}>
        {t(`welfaretech.kind.${technology.kind}`)} · {t('welfaretech.recommendation.fee', { amount: technology.user_fee_monthly_nok })}
      </Paragraph>
      <Heading level={4} data-size="2xs">
        {t('welfaretech.recommendation.reasons')}
      </Heading>
      <ul className={styles.list}>
        {recommendation.reasons.map((reason) => (
          <li key={reason}>{t(`welfaretech.rule.${reason}`)}</li>
        ))}
      </ul>
      {recommendation.may_replace.length > 0 ? (
        <>
          <Heading level={4} data-size="2xs">
            {t('welfaretech.recommendation.mayReplace')}
          </Heading>
          <ul className={styles.list}>
            {recommendation.may_replace.map((item) => (
              <li key={item}>{t(`welfaretech.replaces.${item}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {recommendation.needs_legal_decision ? (
        <Paragraph data-size="sm">
          <Tag data-color="warning">{t('welfaretech.recommendation.needsLegalDecision')}</Tag>
        </Paragraph>
      ) : null}
      {recommendation.status !== 'proposed' ? (
        <dl className={styles.facts}>
          <div>
            <dt>{t('welfaretech.recommendation.reason')}</dt>
            <dd>{recommendation.decision_reason}</dd>
          </div>
          {recommendation.provider ? (
            <div>
              <dt>{t('welfaretech.recommendation.provider')}</dt>
              <dd>{t(`welfaretech.provider.${recommendation.provider}`)}</dd>
            </div>
          ) : null}
          {recommendation.trial_evaluation_on ? (
            <div>
              <dt>{t('welfaretech.recommendation.trialEvaluation')}</dt>
              <dd>{formatShortDate(recommendation.trial_evaluation_on, language)}</dd>
            </div>
          ) : null}
          {recommendation.decided_on ? (
            <div>
              <dt>{t('welfaretech.recommendation.decidedBy')}</dt>
              <dd>
                {recommendation.decided_by_name} · {formatShortDate(recommendation.decided_on, language)}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {recommendation.status === 'accepted' && !recommendation.may_activate ? (
        <Alert data-color="danger" data-testid="activation-blocked">
          <Heading level={4} data-size="2xs">
            {t('welfaretech.problem.legalBasisMissing.title')}
          </Heading>
          <Paragraph data-size="sm">{t('welfaretech.recommendation.blocked')}</Paragraph>
        </Alert>
      ) : null}
      {recommendation.status === 'proposed' && canDecide ? <DecideForm recommendation={recommendation} assessmentId={assessmentId} /> : null}
      {recommendation.status === 'accepted' && recommendation.provider === 'municipal_loan' && canDecide ? (
        loanId ? (
          <Link asChild>
            <RouterLink to={loanPath(loanId)}>{t('welfaretech.recommendation.openLoan')}</RouterLink>
          </Link>
        ) : (
          <Button asChild variant="primary" className={styles.submit}>
            <RouterLink to={newLoanPath(assessmentId, recommendation.id)}>{t('welfaretech.recommendation.registerLoan')}</RouterLink>
          </Button>
        )
      ) : null}
    </Card>
  );
}
