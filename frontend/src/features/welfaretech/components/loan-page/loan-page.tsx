import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, Link as RouterLink } from 'react-router';
import { z } from 'zod';

import { RadioGroup } from '@/components/choice-group/choice-group';
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
import { formatShortDate, isIsoDate, osloToday } from '@/lib/dates';
import { useFlash } from '@/lib/flash';
import { useLocalize } from '@/lib/i18n';
import { useApiForm } from '@/lib/use-api-form';

import { useLoanBenefits } from '../../api/benefits';
import { useEndLoan, useLoan, useRecordCheck } from '../../api/loans';
import { CHECK_KINDS, type CheckKind, type DeviceStatus, type LoanRead } from '../../api/types';
import type { ErrorKey } from '../../lib/form-errors';
import { canMeasure, isTeam } from '../../lib/permissions';
import { INVENTORY_PATH, legalDecisionPath } from '../../paths';
import { BenefitLedger } from '../benefit-ledger/benefit-ledger';
import { MeasurementForm } from '../measurement-form/measurement-form';
import { NoAccess } from '../no-access/no-access';
import { PersonName } from '../person-name/person-name';
import { WtProblem } from '../wt-problem/wt-problem';

import styles from './loan-page.module.css';

type CheckValues = { kind: CheckKind; performed_on: string; passed: '' | 'yes' | 'no'; note: string };
type EndValues = { ended_on: string; reason: string; device_to: DeviceStatus };

const dateIssue = (value: string, today: string): ErrorKey | null => (!isIsoDate(value) ? 'date' : value > today ? 'future' : null);

function CheckForm({ loan, onSaved }: { loan: LoanRead; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordCheck(loan.id);
  const [problem, setProblem] = useState<unknown>(null);
  const today = osloToday();
  const form = useApiForm<CheckValues>({
    form: 'check',
    schema: z
      .object({ kind: z.enum(CHECK_KINDS as [CheckKind, ...CheckKind[]]), performed_on: z.string(), passed: z.enum(['', 'yes', 'no']), note: z.string().max(1000, 'tooLong') })
      .superRefine((v, ctx) => {
        const issue = dateIssue(v.performed_on, today);
        if (issue) ctx.addIssue({ code: 'custom', path: ['performed_on'], message: issue });
        if (v.passed === '') ctx.addIssue({ code: 'custom', path: ['passed'], message: 'choose' });
      }),
    initial: { kind: 'alarm_test', performed_on: today, passed: '', note: '' },
    fields: () => ['kind', 'performed_on', 'passed', 'note'],
  });
  const labels: Record<string, string> = {
    kind: t('welfaretech.check.kind'),
    performed_on: t('welfaretech.check.performedOn'),
    passed: t('welfaretech.check.passed'),
    note: t('welfaretech.check.note'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labels[path] ?? path }) : undefined;
  };
  const onSubmit = form.submitWith((v) => {
    setProblem(null);
    record.mutate(
      { kind: v.kind, performed_on: v.performed_on, passed: v.passed === 'yes', note: v.note.trim() || null },
      {
        onSuccess: () => {
          form.reset({ kind: v.kind, performed_on: today, passed: '', note: '' });
          onSaved();
        },
        onError: (error) => setProblem(form.showServerErrors(error, () => 'invalid') ? null : error),
      },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  return (
    <FormKit form={form} message={message}>
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormLayout onSubmit={onSubmit} aria-labelledby="check-heading" className={styles.form}>
        <Heading level={3} data-size="xs" id="check-heading">
          {t('welfaretech.check.heading')}
        </Heading>
        <FieldGrid>
          <SelectField name="kind" label={labels.kind} options={CHECK_KINDS.map((kind) => ({ value: kind, label: t(`welfaretech.checkKind.${kind}`) }))} />
          <DateField name="performed_on" label={labels.performed_on} required />
        </FieldGrid>
        <RadioGroup
          name="passed"
          legend={labels.passed}
          choices={[
            { value: 'yes', label: t('welfaretech.check.ok') },
            { value: 'no', label: t('welfaretech.check.failed'), description: t('welfaretech.check.failedHelp') },
          ]}
        />
        <TextField name="note" label={labels.note} />
        <div>
          <Button type="submit" loading={record.isPending} disabled={record.isPending} className={styles.submit}>
            {t('welfaretech.check.submit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function EndForm({ loan, onSaved }: { loan: LoanRead; onSaved: () => void }) {
  const { t } = useTranslation();
  const end = useEndLoan(loan.id);
  const [problem, setProblem] = useState<unknown>(null);
  const today = osloToday();
  const form = useApiForm<EndValues>({
    form: 'end',
    schema: z
      .object({ ended_on: z.string(), reason: z.string(), device_to: z.enum(['in_stock', 'on_loan', 'in_repair', 'retired']) })
      .superRefine((v, ctx) => {
        const issue = dateIssue(v.ended_on, today) ?? (v.ended_on < loan.installed_on ? 'endedOn' : null);
        if (issue) ctx.addIssue({ code: 'custom', path: ['ended_on'], message: issue });
        if (!v.reason.trim()) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason' });
      }),
    initial: { ended_on: today, reason: '', device_to: 'in_stock' },
    fields: () => ['ended_on', 'reason', 'device_to'],
  });
  const labels: Record<string, string> = {
    ended_on: t('welfaretech.end.endedOn'),
    reason: t('welfaretech.end.reason'),
    device_to: t('welfaretech.end.deviceTo'),
  };
  const message = (path: string) => {
    const key = form.errorAt(path) as ErrorKey | undefined;
    return key ? t(`welfaretech.errors.${key}`, { field: labels[path] ?? path }) : undefined;
  };
  const onSubmit = form.submitWith((v) => {
    setProblem(null);
    end.mutate(
      { version: loan.version, body: { ended_on: v.ended_on, reason: v.reason.trim(), device_to: v.device_to } },
      { onSuccess: onSaved, onError: (error) => setProblem(form.showServerErrors(error, (p) => (p === 'ended_on' ? 'endedOn' : 'invalid')) ? null : error) },
    );
  });
  const summary = form.orderedErrors().map(([path]) => ({ id: form.id(path), message: message(path) ?? '' }));
  return (
    <FormKit form={form} message={message}>
      <FormErrorSummary heading={t('welfaretech.form.summaryHeading')} items={summary} attempt={form.attempt} />
      {problem ? <WtProblem error={problem} /> : null}
      <FormLayout onSubmit={onSubmit} aria-labelledby="end-heading" className={styles.form}>
        <Heading level={3} data-size="xs" id="end-heading">
          {t('welfaretech.end.heading')}
        </Heading>
        <FieldGrid>
          <DateField name="ended_on" label={labels.ended_on} required />
          <SelectField
            name="device_to"
            label={labels.device_to}
            options={(['in_stock', 'in_repair', 'retired'] as const).map((status) => ({ value: status, label: t(`welfaretech.deviceStatus.${status}`) }))}
          />
        </FieldGrid>
        <TextField name="reason" label={labels.reason} multiline rows={2} aria-required />
        <div>
          <Button type="submit" variant="secondary" loading={end.isPending} disabled={end.isPending} className={styles.submit}>
            {t('welfaretech.end.submit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function Benefits({ loan, team, measurer }: { loan: LoanRead; team: boolean; measurer: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const benefits = useLoanBenefits(loan.id);
  const [saved, setSaved] = useState<string | null>(null);
  if (benefits.isPending) return <Loading />;
  if (benefits.isError) return <ProblemAlert error={benefits.error} onRetry={() => void benefits.refetch()} />;
  const data = benefits.data;
  const hasBaseline = data.measurements.some((m) => m.kind === 'baseline');
  return (
    <>
      {saved ? <SuccessMessage testId="measurement-saved">{saved}</SuccessMessage> : null}
      {data.measurements.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby="measurements-caption" tabIndex={0}>
          <Table className={styles.table} data-testid="measurements">
            <caption id="measurements-caption" className={styles.caption}>
              {t('welfaretech.measurement.listCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('welfaretech.measurement.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.measurement.measured_on')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.measurement.staff_minutes_per_week')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.measurement.felt_safety')}</Table.HeaderCell>
                <Table.HeaderCell>{t('welfaretech.measurement.recordedBy')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.measurements.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.kind === 'baseline' ? t('welfaretech.measurement.baseline') : t('welfaretech.measurement.followUpWeek', { week: m.week })}</Table.Cell>
                  <Table.Cell>{formatShortDate(m.measured_on, language)}</Table.Cell>
                  <Table.Cell>{m.staff_minutes_per_week}</Table.Cell>
                  <Table.Cell>{m.felt_safety}</Table.Cell>
                  <Table.Cell>{m.recorded_by_name}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('welfaretech.measurement.none')}</Paragraph>
      )}
      {data.ledger.length > 0 ? (
        <>
          <Paragraph>
            {t('welfaretech.ledger.intro', { week: data.follow_up_week ?? 0 })}
            {data.gain_owner ? ` ${t('welfaretech.ledger.owner', { owner: data.gain_owner })}` : ''}
          </Paragraph>
          {data.realisation ? <Paragraph data-size="sm">{t('welfaretech.ledger.realisation', { text: data.realisation })}</Paragraph> : null}
          <BenefitLedger lines={data.ledger} caption={t('welfaretech.ledger.caption')} />
        </>
      ) : null}
      {!hasBaseline && team ? (
        <MeasurementForm loanId={loan.id} kind="baseline" defaultUnit={loan.unit} onSaved={() => setSaved(t('welfaretech.measurement.savedBaseline'))} />
      ) : null}
      {hasBaseline && measurer ? (
        <MeasurementForm key={data.measurements.length} loanId={loan.id} kind="follow_up" defaultUnit={loan.unit} onSaved={() => setSaved(t('welfaretech.measurement.savedFollowUp'))} />
      ) : null}
    </>
  );
}

function DecisionLink({ loan }: { loan: LoanRead }) {
  const { t } = useTranslation();
  if (!loan.legal_decision_id) return null;
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={legalDecisionPath(loan.assessment_id, loan.legal_decision_id)}>{t('welfaretech.loanPage.decisionLink')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

/** /velferdsteknologi/utlan/:id: the installed device, its checks, the return, and the benefits measured. */
export function LoanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLocalize();
  usePageTitle(t('welfaretech.loanPage.title'));
  const flash = useFlash<'started'>();
  const session = useSession();
  const loan = useLoan(id);
  const [notice, setNotice] = useState<string | null>(null);
  if (!session) return <NoAccess />;
  const team = isTeam(session.user.roles);
  const back = { to: INVENTORY_PATH, label: t('welfaretech.loanPage.back') };
  if (loan.isPending) return <Loading />;
  if (loan.isError) {
    return (
      <PageLayout back={back} title={t('welfaretech.loanPage.title')}>
        <ProblemAlert error={loan.error} />
      </PageLayout>
    );
  }
  const l = loan.data;
  return (
    <PageLayout back={back} title={t('welfaretech.loanPage.title')} lead={<Localized text={l.device.technology_name} />}>
      {flash ? <SuccessMessage testId="loan-started">{t('welfaretech.loanPage.started')}</SuccessMessage> : null}
      {notice ? <SuccessMessage testId="loan-notice">{notice}</SuccessMessage> : null}
      {l.deviations.some((d) => d.status === 'pending') ? (
        <Alert data-color="warning">
          <Paragraph>{t('welfaretech.loanPage.deviationPending')}</Paragraph>
        </Alert>
      ) : null}
      {l.legal_basis_lapsed ? (
        <Alert data-color="danger" data-testid="legal-basis-lapsed">
          <Heading level={2} data-size="xs">
            {t('welfaretech.loanPage.lapsedTitle')}
          </Heading>
          <Paragraph>{t('welfaretech.loanPage.lapsedBody')}</Paragraph>
          {team && l.legal_decision_id ? <DecisionLink loan={l} /> : null}
        </Alert>
      ) : null}
      {l.legal_decision_lapses_soon && l.legal_decision_until ? (
        <Alert data-color="warning" data-testid="legal-decision-lapses-soon">
          <Heading level={2} data-size="xs">
            {t('welfaretech.loanPage.soonTitle')}
          </Heading>
          <Paragraph>{t('welfaretech.loanPage.soonBody', { date: formatShortDate(l.legal_decision_until, language) })}</Paragraph>
          {team && l.legal_decision_id ? <DecisionLink loan={l} /> : null}
        </Alert>
      ) : null}
      <section aria-labelledby="loan-facts" className={styles.section}>
        <Heading level={2} data-size="sm" id="loan-facts">
          {t('welfaretech.loanPage.facts')}
        </Heading>
        <dl className={styles.facts}>
          <div>
            <dt>{t('welfaretech.inventory.column.person')}</dt>
            <dd data-testid="loan-person">
              <PersonName loan={l} />
            </dd>
          </div>
          <div>
            <dt>{t('welfaretech.loanPage.serial')}</dt>
            <dd data-testid="loan-serial">{l.device.serial}</dd>
          </div>
          <div>
            <dt>{t('welfaretech.loanPage.status')}</dt>
            <dd>
              <Tag data-color={l.status === 'active' ? 'success' : 'neutral'}>{t(`welfaretech.loanStatus.${l.status}`)}</Tag>
              {l.is_trial ? <Tag data-color="info">{t('welfaretech.loanPage.trial')}</Tag> : null}
            </dd>
          </div>
          <div>
            <dt>{t('welfaretech.loanPage.installed')}</dt>
            <dd>
              {formatShortDate(l.installed_on, language)} · {l.installed_by_name} · {l.unit}
            </dd>
          </div>
          {l.needs_legal_decision && l.legal_decision_until ? (
            <div>
              <dt>{t('welfaretech.loanPage.decisionUntil')}</dt>
              <dd data-testid="legal-decision-until">{formatShortDate(l.legal_decision_until, language)}</dd>
            </div>
          ) : null}
          {l.evaluation_on ? (
            <div>
              <dt>{t('welfaretech.loanPage.evaluation')}</dt>
              <dd>{formatShortDate(l.evaluation_on, language)}</dd>
            </div>
          ) : null}
          {l.alarm_chain_tested !== null ? (
            <div>
              <dt>{t('welfaretech.loan.alarmChainTested')}</dt>
              <dd>{t(l.alarm_chain_tested ? 'welfaretech.loan.alarmPassed' : 'welfaretech.loan.alarmFailed')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('welfaretech.loanPage.nextCheck')}</dt>
            <dd>
              {l.next_check_on ? formatShortDate(l.next_check_on, language) : '–'}{' '}
              {l.is_check_overdue ? <Tag data-color="danger">{t('welfaretech.inventory.overdue')}</Tag> : null}
            </dd>
          </div>
          {l.ended_on ? (
            <div>
              <dt>{t('welfaretech.loanPage.ended')}</dt>
              <dd>
                {formatShortDate(l.ended_on, language)} · {l.end_reason}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="checks-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="checks-heading">
          {t('welfaretech.loanPage.checks')}
        </Heading>
        {l.checks.length === 0 ? (
          <Paragraph>{t('welfaretech.loanPage.noChecks')}</Paragraph>
        ) : (
          <ul className={styles.checks}>
            {l.checks.map((check) => (
              <li key={check.id}>
                {formatShortDate(check.performed_on, language)} · {t(`welfaretech.checkKind.${check.kind}`)} ·{' '}
                <Tag data-color={check.passed ? 'success' : 'danger'}>{t(check.passed ? 'welfaretech.check.ok' : 'welfaretech.check.failed')}</Tag> · {check.performed_by_name}
              </li>
            ))}
          </ul>
        )}
        {team && l.status === 'active' ? <CheckForm loan={l} onSaved={() => setNotice(t('welfaretech.check.saved'))} /> : null}
      </section>
      <section aria-labelledby="benefits-heading" className={styles.section}>
        <Heading level={2} data-size="sm" id="benefits-heading">
          {t('welfaretech.loanPage.benefits')}
        </Heading>
        <Benefits loan={l} team={team} measurer={canMeasure(session.user.roles)} />
      </section>
      {team && l.status === 'active' ? (
        <section aria-labelledby="end-heading" className={styles.section}>
          <EndForm loan={l} onSaved={() => setNotice(t('welfaretech.end.saved'))} />
        </section>
      ) : null}
    </PageLayout>
  );
}
