import { Alert, Button, Card, Details, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { DateInput } from '@/components/date-field/date-field';
import { ProblemAlert } from '@/components/query-state/query-state';
import { formatDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useAppealStep, useCreateAppeal, usePersonAppeals, type AppealOutcome } from '../../api/appeals';
import type { AppealRead, DecisionRead } from '../../api/types';
import { dateError } from '../../lib/date-checks';

import styles from './appeal-section.module.css';

const GOVERNOR_OUTCOMES: AppealOutcome['outcome'][] = ['upheld', 'changed', 'repealed_and_returned', 'dismissed'];

function AppealSteps({ appeal }: { appeal: AppealRead }) {
  const { t } = useTranslation();
  const step = useAppealStep();
  const [result, setResult] = useState<'upheld_by_municipality' | 'changed_by_municipality'>('upheld_by_municipality');
  const [reassessment, setReassessment] = useState('');
  const [forwardedOn, setForwardedOn] = useState(osloToday());
  const [outcome, setOutcome] = useState<AppealOutcome['outcome']>('upheld');
  const [outcomeOn, setOutcomeOn] = useState(osloToday());
  const [note, setNote] = useState('');
  const [dateMessage, setDateMessage] = useState<{ field: string; message: string } | null>(null);
  /** The date of a step (forwarded, outcome): a real date, not in the future. */
  const checkDate = (field: string, value: string, label: string) => {
    const key = dateError(value, { required: true, past: true });
    setDateMessage(key ? { field, message: t(`intake.errors.${key}`, { field: label, number: '' }) } : null);
    return !key;
  };
  const run = (event: FormEvent, action: Parameters<typeof step.mutate>[0]['step']) => {
    event.preventDefault();
    if (action.kind === 'forward' && !checkDate('forwarded_on', action.body.forwarded_on, t('intake.appeal.forwardedOn'))) return;
    if (action.kind === 'outcome' && !checkDate('outcome_on', action.body.outcome_on, t('intake.appeal.outcomeOn'))) return;
    step.mutate({ appeal, step: action });
  };
  return (
    <div className={styles.steps}>
      {step.isError ? (
        <div role="alert">
          <ProblemAlert error={step.error} />
        </div>
      ) : null}
      {appeal.status === 'received' ? (
        <form
          className={styles.form}
          onSubmit={(event) => (reassessment.trim() ? run(event, { kind: 'reassessment', body: { result, reassessment: reassessment.trim() } }) : event.preventDefault())}
        >
          <Heading level={4} data-size="2xs">
            {t('intake.appeal.reassessHeading')}
          </Heading>
          <Field>
            <Label>{t('intake.appeal.reassessResult')}</Label>
            <Select value={result} onChange={(event) => setResult(event.target.value as typeof result)}>
              {(['upheld_by_municipality', 'changed_by_municipality'] as const).map((value) => (
                <Select.Option key={value} value={value}>
                  {t(`intake.appeal.status.${value}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={t('intake.appeal.reassessment')} multiline rows={3} value={reassessment} onChange={(e) => setReassessment(e.target.value)} />
          <Button type="submit" variant="secondary" loading={step.isPending} className={styles.submit}>
            {t('intake.appeal.reassessSubmit')}
          </Button>
        </form>
      ) : null}
      {appeal.status === 'upheld_by_municipality' ? (
        <form className={styles.form} noValidate onSubmit={(event) => run(event, { kind: 'forward', body: { forwarded_on: forwardedOn } })}>
          <DateInput
            label={t('intake.appeal.forwardedOn')}
            value={forwardedOn}
            onChange={setForwardedOn}
            error={dateMessage?.field === 'forwarded_on' ? dateMessage.message : undefined}
          />
          <Button type="submit" variant="secondary" loading={step.isPending} className={styles.submit}>
            {t('intake.appeal.forwardSubmit')}
          </Button>
        </form>
      ) : null}
      {appeal.status === 'forwarded' ? (
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => run(event, { kind: 'outcome', body: { outcome, outcome_on: outcomeOn, note: note.trim() || null } })}
        >
          <Heading level={4} data-size="2xs">
            {t('intake.appeal.outcomeHeading')}
          </Heading>
          <Field>
            <Label>{t('intake.appeal.outcome')}</Label>
            <Select value={outcome} onChange={(event) => setOutcome(event.target.value as typeof outcome)}>
              {GOVERNOR_OUTCOMES.map((value) => (
                <Select.Option key={value} value={value}>
                  {t(`intake.appeal.governorOutcome.${value}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <DateInput
            label={t('intake.appeal.outcomeOn')}
            value={outcomeOn}
            onChange={setOutcomeOn}
            error={dateMessage?.field === 'outcome_on' ? dateMessage.message : undefined}
          />
          <Textfield label={t('intake.appeal.outcomeNote')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button type="submit" variant="secondary" loading={step.isPending} className={styles.submit}>
            {t('intake.appeal.outcomeSubmit')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function AppealCard({ appeal, canRegister }: { appeal: AppealRead; canRegister: boolean }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <Card className={styles.card} data-testid="appeal">
      <div className={styles.top}>
        <Heading level={3} data-size="2xs">
          {t('intake.appeal.heading')}: {formatDate(appeal.received_on, language)}
        </Heading>
        <Tag data-size="sm" data-color={appeal.late ? 'danger' : 'info'}>
          {t(`intake.appeal.status.${appeal.status}`)}
        </Tag>
      </div>
      {appeal.late ? (
        <Alert data-color="warning" data-testid="appeal-late">
          <Heading level={4} data-size="2xs">
            {t('intake.appeal.late')}
          </Heading>
          <Paragraph>{t('intake.appeal.lateBody')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm">{t('intake.appeal.inTime')}</Paragraph>
      )}
      <Paragraph data-size="sm">
        {appeal.appellant}: {appeal.grounds}
      </Paragraph>
      <Paragraph data-size="sm">{t('intake.appeal.countyGovernor', { name: appeal.county_governor })}</Paragraph>
      {canRegister ? <AppealSteps appeal={appeal} /> : null}
    </Card>
  );
}

/** On a sent decision: its appeals and «Registrer klage». */
export function AppealSection({ decision, canRegister }: { decision: DecisionRead; canRegister: boolean }) {
  const { t } = useTranslation();
  const appeals = usePersonAppeals(decision.person.id);
  const create = useCreateAppeal();
  const [receivedOn, setReceivedOn] = useState(osloToday());
  const [appellant, setAppellant] = useState('');
  const [grounds, setGrounds] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [error, setError] = useState<Record<string, string>>({});
  const mine = (appeals.data ?? []).filter((appeal) => appeal.decision_id === decision.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!appellant.trim()) found.appellant = t('intake.errors.required', { field: t('intake.appeal.appellant'), number: '' });
    if (!grounds.trim()) found.grounds = t('intake.errors.required', { field: t('intake.appeal.grounds'), number: '' });
    const receivedError = dateError(receivedOn, { required: true, past: true });
    if (receivedError) found.received_on = t(`intake.errors.${receivedError}`, { field: t('intake.appeal.receivedOn'), number: '' });
    setError(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      decision_id: decision.id,
      received_on: receivedOn,
      appellant: appellant.trim(),
      grounds: grounds.trim(),
      late_reason: lateReason.trim() || null,
    }, {
      onSuccess: () => {
        setAppellant('');
        setGrounds('');
        setLateReason('');
      },
    });
  };

  return (
    <section aria-labelledby="appeals-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="appeals-heading">
        {t('intake.appeal.list')}
      </Heading>
      {appeals.isError ? <ProblemAlert error={appeals.error} onRetry={() => void appeals.refetch()} /> : null}
      {appeals.isSuccess && mine.length === 0 ? <Paragraph>{t('intake.appeal.none')}</Paragraph> : null}
      {mine.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} canRegister={canRegister} />
      ))}
      {canRegister ? (
        <Details>
          <Details.Summary>{t('intake.appeal.register')}</Details.Summary>
          <Details.Content>
            <form className={styles.form} onSubmit={submit} noValidate>
              <DateInput label={t('intake.appeal.receivedOn')} value={receivedOn} onChange={setReceivedOn} error={error.received_on} />
              <Textfield label={t('intake.appeal.appellant')} value={appellant} onChange={(e) => setAppellant(e.target.value)} error={error.appellant} />
              <Textfield
                label={t('intake.appeal.grounds')}
                multiline
                rows={3}
                value={grounds}
                onChange={(e) => setGrounds(e.target.value)}
                error={error.grounds}
              />
              <Textfield label={t('intake.appeal.lateReason')} value={lateReason} onChange={(e) => setLateReason(e.target.value)} />
              {create.isError ? (
                <div role="alert">
                  <ProblemAlert error={create.error} />
                </div>
              ) : null}
              <Button type="submit" loading={create.isPending} className={styles.submit}>
                {t('intake.appeal.submit')}
              </Button>
            </form>
          </Details.Content>
        </Details>
      ) : null}
    </section>
  );
}
