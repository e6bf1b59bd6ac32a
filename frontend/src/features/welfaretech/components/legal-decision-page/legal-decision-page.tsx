import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, Link as RouterLink } from 'react-router';

import { DateField } from '@/components/date-field/date-field';
import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useAssessment, useEndLegalDecision, useRenewLegalDecision } from '../../api/assessments';
import { useLoans } from '../../api/loans';
import { LEGAL_CONDITIONS, type AssessmentRead, type LegalDecisionRead, type LoanSummary } from '../../api/types';
import { latestUntil, legalServerErrorKey } from '../../lib/assessment-form';
import type { ErrorKey } from '../../lib/form-errors';
import {
  emptyEnd,
  emptyRenewal,
  endSchema,
  isActionable,
  loansResting,
  renewalFields,
  renewalSchema,
  toEnd,
  toRenewal,
  type EndDecisionValues,
  type RenewValues,
} from '../../lib/legal-decision-form';
import { isTeam } from '../../lib/permissions';
import { assessmentPath, loanPath } from '../../paths';
import { LegalDecisionFields } from '../legal-decision-fields/legal-decision-fields';
import { NoAccess } from '../no-access/no-access';
import { PersonName } from '../person-name/person-name';
import { WtProblem } from '../wt-problem/wt-problem';

import styles from './legal-decision-page.module.css';

const STATUS_COLOR = {
  not_yet_in_force: 'info',
  in_force: 'success',
  lapses_soon: 'warning',
  lapsed: 'danger',
  renewed: 'neutral',
  ended: 'neutral',
} as const;

type Renew = ReturnType<typeof useRenewLegalDecision>;
type End = ReturnType<typeof useEndLegalDecision>;

/** The mutations are the page's: a renewed or ended decision hides its forms, and the page still hears the answer. */
function RenewForm({ decision, assessment, renew, onDone }: { decision: LegalDecisionRead; assessment: AssessmentRead; renew: Renew; onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const [problem, setProblem] = useState<unknown>(null);
  const months = assessment.legal_basis.max_months;
  const form = useApiForm<RenewValues>({
    form: 'renew',
    schema: renewalSchema(decision, months),
    initial: () => emptyRenewal(decision),
    fields: renewalFields,
  });
  const validFrom = form.watch('valid_from');
  const labelOf = (path: string) => {
    if (path.startsWith('conditions.')) return t(`welfaretech.legal.condition.${path.slice('conditions.'.length) as 'prevents_harm'}`);
    const labels: Record<string, string> = {
      person_does_not_resist: t('welfaretech.legal.doesNotResist'),
      decided_on: t('welfaretech.legal.decidedOn'),
      valid_from: t('welfaretech.legal.validFrom'),
      valid_until: t('welfaretech.legal.validUntil'),
    };
    return labels[path] ?? path;
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labelOf(path), months }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    renew.mutate(
      { decisionId: decision.id, version: decision.version, body: toRenewal(values) },
      {
        onSuccess: onDone,
        onError: (error) => setProblem(form.showServerErrors(error, legalServerErrorKey) ? null : error),
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  const latest = /^\d{4}-\d{2}-\d{2}$/.test(validFrom ?? '') ? formatShortDate(latestUntil(validFrom, months), language) : null;
  return (
    <FormKit form={form} message={message}>
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormLayout onSubmit={onSubmit} aria-labelledby="renew-heading">
        <Heading level={2} data-size="sm" id="renew-heading">
          {t('welfaretech.decisionPage.renewHeading')}
        </Heading>
        <Paragraph>{t('welfaretech.decisionPage.renewIntro', { months })}</Paragraph>
        <LegalDecisionFields
          withKinds={false}
          untilHelp={latest ? t('welfaretech.decisionPage.untilHelp', { months, date: latest }) : t('welfaretech.decisionPage.untilHelpNoStart', { months })}
        />
        <div>
          <Button type="submit" loading={renew.isPending} disabled={renew.isPending} className={styles.submit}>
            {t('welfaretech.decisionPage.renewSubmit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function EndForm({ decision, resting, end, onDone }: { decision: LegalDecisionRead; resting: LoanSummary[]; end: End; onDone: (count: number) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useApiForm<EndDecisionValues>({
    form: 'end-decision',
    schema: endSchema(decision),
    initial: () => emptyEnd(),
    fields: () => ['ended_on', 'reason', 'device_to'],
  });
  const labels: Record<string, string> = {
    ended_on: t('welfaretech.decisionPage.endedOn'),
    reason: t('welfaretech.decisionPage.endReason'),
    device_to: t('welfaretech.decisionPage.deviceTo'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labels[path] ?? path }) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setProblem(null);
    end.mutate(
      { decisionId: decision.id, version: decision.version, body: toEnd(values) },
      {
        onSuccess: (ended) => onDone(ended.loans_ended.length),
        onError: (error) => setProblem(form.showServerErrors(error, (p) => (p === 'ended_on' ? 'decisionEndedOn' : 'invalid')) ? null : error),
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  return (
    <FormKit form={form} message={message}>
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormLayout onSubmit={onSubmit} aria-labelledby="end-decision-heading">
        <Heading level={2} data-size="sm" id="end-decision-heading">
          {t('welfaretech.decisionPage.endHeading')}
        </Heading>
        <Alert data-color="warning" data-testid="end-consequence">
          <Paragraph>{resting.length > 0 ? t('welfaretech.decisionPage.endConsequence', { count: resting.length }) : t('welfaretech.decisionPage.endNoLoans')}</Paragraph>
        </Alert>
        <FieldGrid>
          <DateField name="ended_on" label={labels.ended_on} required />
          <SelectField
            name="device_to"
            label={labels.device_to}
            options={(['in_stock', 'in_repair', 'retired'] as const).map((status) => ({ value: status, label: t(`welfaretech.deviceStatus.${status}`) }))}
          />
        </FieldGrid>
        <TextField name="reason" label={labels.reason} description={t('welfaretech.decisionPage.endReasonHelp')} multiline rows={2} aria-required />
        <div>
          <Button type="submit" variant="secondary" data-color="danger" loading={end.isPending} disabled={end.isPending} className={styles.submit}>
            {t('welfaretech.decisionPage.endSubmit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

/** /velferdsteknologi/kartlegginger/:id/vedtak/:decisionId: a § 4-6 a decision, the loans resting on it, and its renewal or end. */
export function LegalDecisionPage() {
  const { id = '', decisionId = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.decisionPage.title'));
  const session = useSession();
  const assessment = useAssessment(id);
  const loans = useLoans({ personId: assessment.data?.person_id }, assessment.isSuccess);
  const renew = useRenewLegalDecision();
  const end = useEndLegalDecision();
  const [notice, setNotice] = useState<string | null>(null);
  if (!session) return <NoAccess />;
  const team = isTeam(session.user.roles);
  const back = { to: assessmentPath(id), label: t('welfaretech.decisionPage.back') };
  if (assessment.isPending) return <Loading />;
  if (assessment.isError) {
    return (
      <PageLayout back={back} title={t('welfaretech.decisionPage.title')}>
        <ProblemAlert error={assessment.error} />
      </PageLayout>
    );
  }
  const a = assessment.data;
  const decision = a.legal_decisions.find((d) => d.id === decisionId);
  if (!decision) {
    return (
      <PageLayout back={back} title={t('welfaretech.decisionPage.title')}>
        <Alert data-color="danger">
          <Paragraph>{t('welfaretech.decisionPage.notFound')}</Paragraph>
        </Alert>
      </PageLayout>
    );
  }
  const renewal = decision.renewed_by_id ? a.legal_decisions.find((d) => d.id === decision.renewed_by_id) : undefined;
  const resting = loansResting(decision, loans.data ?? []);
  const period = { from: formatShortDate(decision.valid_from, language), until: formatShortDate(decision.valid_until, language) };
  return (
    <PageLayout back={back} title={t('welfaretech.decisionPage.title')} lead={t('welfaretech.legal.decisionTitle', period)}>
      {notice ? <SuccessMessage testId="decision-notice">{notice}</SuccessMessage> : null}
      <section aria-labelledby="decision-facts" className={styles.section}>
        <Heading level={2} data-size="sm" id="decision-facts">
          {t('welfaretech.decisionPage.facts')}
        </Heading>
        <dl className={styles.facts}>
          <div>
            <dt>{t('welfaretech.decisionPage.status')}</dt>
            <dd>
              <Tag data-color={STATUS_COLOR[decision.status]} data-testid="decision-status">
                {t(`welfaretech.decisionStatus.${decision.status}`)}
              </Tag>
            </dd>
          </div>
          <div>
            <dt>{t('welfaretech.legal.kinds')}</dt>
            <dd>{decision.kinds.map((kind) => t(`welfaretech.kind.${kind}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('welfaretech.decisionPage.decided')}</dt>
            <dd>
              {formatShortDate(decision.decided_on, language)} · {decision.decided_by_name} · <span lang="nb">{decision.law}</span>
            </dd>
          </div>
          {decision.ended_on ? (
            <div>
              <dt>{t('welfaretech.decisionPage.ended')}</dt>
              <dd>
                {formatShortDate(decision.ended_on, language)} · {decision.ended_by_name} · {decision.end_reason}
              </dd>
            </div>
          ) : null}
          {renewal ? (
            <div>
              <dt>{t('welfaretech.decisionPage.renewedBy')}</dt>
              <dd>
                <Link asChild>
                  <RouterLink to={`${assessmentPath(id)}/vedtak/${encodeURIComponent(renewal.id)}`}>
                    {t('welfaretech.legal.decisionTitle', { from: formatShortDate(renewal.valid_from, language), until: formatShortDate(renewal.valid_until, language) })}
                  </RouterLink>
                </Link>
              </dd>
            </div>
          ) : null}
          {LEGAL_CONDITIONS.map((condition) => (
            <div key={condition}>
              <dt>{t(`welfaretech.legal.condition.${condition}`)}</dt>
              <dd>{decision.conditions[condition] ?? '–'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="resting-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="resting-heading">
          {t('welfaretech.decisionPage.restingHeading')}
        </Heading>
        {loans.isPending ? <Loading /> : null}
        {loans.isError ? <ProblemAlert error={loans.error} onRetry={() => void loans.refetch()} /> : null}
        {loans.isSuccess && resting.length === 0 ? <Paragraph>{t('welfaretech.decisionPage.noLoans')}</Paragraph> : null}
        {resting.length > 0 ? (
          <ul className={styles.list} data-testid="resting-loans">
            {resting.map((loan) => (
              <li key={loan.id}>
                <Link asChild>
                  <RouterLink to={loanPath(loan.id)}>
                    <Localized text={loan.device.technology_name} /> · {loan.device.serial}
                  </RouterLink>
                </Link>
                · <PersonName loan={loan} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {team && isActionable(decision) ? (
        <>
          <section className={styles.section}>
            <RenewForm decision={decision} assessment={a} renew={renew} onDone={() => setNotice(t('welfaretech.decisionPage.renewed'))} />
          </section>
          <section className={styles.section}>
            <EndForm decision={decision} resting={resting} end={end} onDone={(count) => setNotice(t('welfaretech.decisionPage.endedNotice', { count }))} />
          </section>
        </>
      ) : null}
    </PageLayout>
  );
}
