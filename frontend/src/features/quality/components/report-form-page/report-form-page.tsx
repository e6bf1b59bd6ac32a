import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';

import { FieldGrid } from '@/components/field-grid/field-grid';
import { FormActions } from '@/components/form-actions/form-actions';
import { FormErrorSummary } from '@/components/form-error-summary/form-error-summary';
import { CheckboxField, FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { Localized } from '@/components/localized/localized';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { withFlash } from '@/lib/flash';
import { useApiForm } from '@/lib/use-api-form';

import { useRiskGuidance } from '../../api/get-risk-guidance';
import { useUnits } from '../../api/get-units';
import { useReportDeviation } from '../../api/report-deviation';
import type { DeviationCreated, Guidance } from '../../api/types';
import { isErrorKey } from '../../lib/form-errors';
import { canReportDeviations } from '../../lib/permissions';
import { emptyReport, reportFields, reportSchema, reportServerErrorKey, toDeviationCreate, TEXT_LIMIT, type ReportFormValues } from '../../lib/report-form';
import { riskLevel, riskScore } from '../../lib/risk';
import { deviationPath, QUALITY_PATH } from '../../paths';
import { CategoryChoice } from '../category-choice/category-choice';
import type { DeviationFlash } from '../deviation-page/deviation-page';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';
import { RiskBadge } from '../risk-badge/risk-badge';
import { RiskChoice } from '../risk-choice/risk-choice';
import { RiskMatrix } from '../risk-matrix/risk-matrix';
import { WhenFields } from '../when-fields/when-fields';

import styles from './report-form-page.module.css';

/** The checklist for a serious event (hol § 12-3 a): what to do «straks», and on what basis. */
export function SeriousChecklist({ items }: { items: Guidance['serious_event_checklist'] }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" data-testid="serious-checklist">
      <Heading level={3} data-size="xs">
        {t('quality.serious.checklistHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('quality.serious.checklistIntro')}</Paragraph>
      <ol className={styles.checklist}>
        {items.map((item) => (
          <li key={item.code}>
            <Localized text={item.text} />
            <span className={styles.basis}>
              {t('quality.serious.deadline', { deadline: item.deadline })} · {item.basis}
            </span>
          </li>
        ))}
      </ol>
    </Alert>
  );
}

/** The receipt of an anonymous report: the code is shown this once and never stored in clear. */
function Receipt({ created, onAnother }: { created: DeviationCreated; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('quality.receipt.title')}>
      <SuccessMessage testId="receipt">
        <Paragraph>{t('quality.receipt.saved')}</Paragraph>
        <Paragraph>
          {t('quality.receipt.codeLabel')} <strong className={styles.code} data-testid="receipt-code">{created.receipt_code}</strong>
        </Paragraph>
      </SuccessMessage>
      <Paragraph>{t('quality.receipt.explain')}</Paragraph>
      <div className={styles.actions}>
        <Button variant="secondary" onClick={onAnother}>
          {t('quality.receipt.another')}
        </Button>
        <Button asChild variant="tertiary">
          <RouterLink to={QUALITY_PATH}>{t('quality.receipt.lookUp')}</RouterLink>
        </Button>
      </div>
    </PageLayout>
  );
}

/** The live result of the two grades: the score and level, said to screen readers as it changes. */
function RiskResult({ consequence, probability }: { consequence: number | null; probability: number | null }) {
  const { t } = useTranslation();
  const graded = consequence !== null && probability !== null;
  const score = graded ? riskScore(consequence, probability) : null;
  return (
    <div className={styles.result}>
      <p role="status" aria-live="polite" className={styles.score} data-testid="risk-result">
        {score !== null ? (
          <>
            {t('quality.report.riskResult', { consequence, probability, score })} <RiskBadge level={riskLevel(score)} score={score} />
          </>
        ) : (
          t('quality.report.riskPending')
        )}
      </p>
      {score !== null && riskLevel(score) === 'high' ? <Paragraph data-size="sm">{t('quality.report.goesToCommittee')}</Paragraph> : null}
      <RiskMatrix consequence={consequence} probability={probability} caption={t('quality.matrix.caption')} testId="report-matrix" />
    </div>
  );
}

/** /avvik/ny: the quick report, made for a phone or a tablet and for under a minute. */
export function ReportFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.report.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const guidance = useRiskGuidance();
  const units = useUnits();
  const report = useReportDeviation();
  const [formProblem, setFormProblem] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<DeviationCreated | null>(null);
  const schema = useMemo(() => reportSchema(), []);
  const form = useApiForm<ReportFormValues>({
    form: 'report',
    schema,
    initial: () => emptyReport({ unit: session?.user.units[0] ?? '', personId: searchParams.get('person') ?? '' }),
    fields: reportFields,
  });

  if (!session || !canReportDeviations(session.user.roles)) return <NoAccess />;

  if (receipt) {
    return (
      <Receipt
        created={receipt}
        onAnother={() => {
          form.reset(emptyReport({ unit: session.user.units[0] ?? '' }));
          report.reset();
          setReceipt(null);
        }}
      />
    );
  }

  const labels: Record<string, string> = {
    occurred_at: t('quality.report.occurredAt'),
    'occurred_at.date': t('quality.report.fieldIn', { field: t('quality.report.date'), group: t('quality.report.occurredAt') }),
    'occurred_at.time': t('quality.report.fieldIn', { field: t('quality.report.time'), group: t('quality.report.occurredAt') }),
    discovered_at: t('quality.report.discoveredAt'),
    'discovered_at.date': t('quality.report.fieldIn', { field: t('quality.report.date'), group: t('quality.report.discoveredAt') }),
    'discovered_at.time': t('quality.report.fieldIn', { field: t('quality.report.time'), group: t('quality.report.discoveredAt') }),
    unit: t('quality.report.unit'),
    place: t('quality.report.place'),
    category: t('quality.report.category'),
    collaboration_party: t('quality.report.collaborationParty'),
    what_happened: t('quality.report.whatHappened'),
    immediate_action: t('quality.report.immediateAction'),
    consequence: t('quality.report.consequence'),
    probability: t('quality.report.probability'),
    person_id: t('quality.report.personId'),
    is_serious: t('quality.serious.label'),
    is_anonymous: t('quality.report.anonymous'),
  };
  const message = (path: string): string | undefined => {
    const key = form.errorAt(path);
    if (!key) return undefined;
    return t(`quality.errors.${isErrorKey(key) ? key : 'invalid'}`, { field: labels[path] ?? path });
  };

  const values = form.watch();
  const consequence = values.consequence ? Number(values.consequence) : null;
  const probability = values.probability ? Number(values.probability) : null;

  const onSubmit = form.submitWith((current) => {
    setFormProblem(null);
    report.mutate(toDeviationCreate(current), {
      onSuccess: (created) => {
        if (created.receipt_code) setReceipt(created);
        else void navigate(deviationPath(created.id), { state: withFlash<DeviationFlash>({ kind: 'reported' }) });
      },
      onError: (error) => {
        const placed = form.showServerErrors(error, reportServerErrorKey);
        setFormProblem(placed ? null : error);
      },
    });
  });

  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));

  return (
    <PageLayout title={t('quality.report.title')} titleId="report-title" lead={t('quality.report.lead')}>
      <QualityNav />
      <FormErrorSummary heading={t('quality.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {formProblem ? (
        <div role="alert">
          <ProblemAlert error={formProblem} />
        </div>
      ) : null}
      <FormKit form={form} message={message}>
        <FormLayout onSubmit={onSubmit} aria-labelledby="report-title" className={styles.form}>
          <FormSection heading={t('quality.report.section.when')}>
            <FieldGrid>
              <WhenFields name="occurred_at" legend={t('quality.report.occurredAt')} />
              <WhenFields name="discovered_at" legend={t('quality.report.discoveredAt')} />
            </FieldGrid>
          </FormSection>

          <FormSection heading={t('quality.report.section.where')}>
            <FieldGrid>
              {/* Mounted once the units are there, so the select opens on the user's own unit, not the first option. */}
              {units.data ? (
                <SelectField
                  name="unit"
                  label={t('quality.report.unit')}
                  placeholder={t('quality.report.unitPlaceholder')}
                  options={units.data.map((unit) => ({ value: unit.code, label: unit.name }))}
                  required
                />
              ) : (
                <Loading />
              )}
              <TextField name="place" label={t('quality.report.place')} description={t('quality.report.placeDescription')} autoComplete="off" maxLength={200} />
            </FieldGrid>
            {units.isError ? <ProblemAlert error={units.error} onRetry={() => void units.refetch()} /> : null}
          </FormSection>

          <FormSection heading={t('quality.report.section.what')}>
            <CategoryChoice name="category" />
            {values.category === 'collaboration' ? (
              <TextField
                name="collaboration_party"
                label={t('quality.report.collaborationParty')}
                description={t('quality.report.collaborationPartyDescription')}
                autoComplete="off"
                maxLength={200}
                aria-required
              />
            ) : null}
            <TextField name="what_happened" label={t('quality.report.whatHappened')} description={t('quality.report.whatHappenedDescription')} multiline rows={4} maxLength={TEXT_LIMIT} aria-required />
            <TextField name="immediate_action" label={t('quality.report.immediateAction')} description={t('quality.report.immediateActionDescription')} multiline rows={3} maxLength={TEXT_LIMIT} />
          </FormSection>

          <FormSection heading={t('quality.report.section.risk')} description={t('quality.report.riskIntro')}>
            {guidance.isPending ? <Loading /> : null}
            {guidance.isError ? <ProblemAlert error={guidance.error} onRetry={() => void guidance.refetch()} /> : null}
            {guidance.data ? (
              <div className={styles.risk}>
                <div className={styles.grades}>
                  <RiskChoice name="consequence" levels={guidance.data.consequence} examples={values.category ? guidance.data.examples[values.category] : undefined} />
                  <RiskChoice name="probability" levels={guidance.data.probability} />
                </div>
                <RiskResult consequence={consequence} probability={probability} />
              </div>
            ) : null}
          </FormSection>

          <FormSection heading={t('quality.serious.heading')}>
            <CheckboxField name="is_serious" label={t('quality.serious.label')} description={t('quality.serious.description')} />
            {consequence === 5 && !values.is_serious ? (
              <Alert data-color="info" data-size="sm">
                <Paragraph data-size="sm">{t('quality.serious.hint')}</Paragraph>
              </Alert>
            ) : null}
            {values.is_serious && guidance.data ? <SeriousChecklist items={guidance.data.serious_event_checklist} /> : null}
          </FormSection>

          <FormSection heading={t('quality.report.section.reporter')}>
            <CheckboxField name="is_anonymous" label={t('quality.report.anonymous')} description={t('quality.report.anonymousDescription')} />
            {values.is_anonymous ? (
              <Paragraph data-size="sm" data-testid="anonymous-note">{t('quality.report.anonymousNote')}</Paragraph>
            ) : null}
            <TextField
              name="person_id"
              label={t('quality.report.personId')}
              description={values.is_anonymous ? t('quality.report.personIdAnonymous') : t('quality.report.personIdDescription')}
              autoComplete="off"
            />
          </FormSection>

          <FormActions
            submit={t('quality.report.submit')}
            submitting={t('quality.report.submitting')}
            pending={report.isPending}
            cancel={{ to: QUALITY_PATH, label: t('quality.form.cancel') }}
          />
        </FormLayout>
      </FormKit>
    </PageLayout>
  );
}
