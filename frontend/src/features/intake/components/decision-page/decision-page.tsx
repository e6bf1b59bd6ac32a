import { Alert, Button, Card, Dialog, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { ArrowLeftIcon, DownloadIcon, PencilIcon } from '@navikt/aksel-icons';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { Localized } from '@/components/localized/localized';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { DateInput } from '@/components/date-field/date-field';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { useSession } from '@/lib/auth';
import { formatDate, osloToday } from '@/lib/dates';
import { useFlash } from '@/lib/flash';
import { localeOf, useLocalize } from '@/lib/i18n';
import { ApiProblem, isNotFound } from '@/lib/problem';

import {
  getDecisionLetterPdf,
  useChangeDecisionStatus,
  useDecisionLetter,
  useMakeDecision,
  useRegisterDelivery,
  useSubmitDecision,
} from '../../api/decision-actions';
import { useDecision } from '../../api/get-decision';
import { useServiceTypeDetail } from '../../api/get-service-type';
import { DELIVERIES, decisionRights, type DecisionRead, type DecisionStatus, type Delivery } from '../../api/types';
import { deliveryErrors } from '../../lib/date-checks';
import type { ErrorKey } from '../../lib/form-errors';
import { canReadPersons, canRegister } from '../../lib/permissions';
import { editDecisionPath, personPath } from '../../paths';
import { AppealSection } from '../appeal-section/appeal-section';
import { NoAccess } from '../no-access/no-access';

import styles from './decision-page.module.css';

/** What the page that led here saved. */
export type DecisionFlash = { kind: 'saved' } | { kind: 'updated' };

export const DECISION_STATUS_COLOR: Record<DecisionStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  draft: 'warning',
  ready_for_approval: 'warning',
  made: 'info',
  sent: 'success',
  in_force: 'success',
  evaluated: 'neutral',
  ended: 'neutral',
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function DecisionFacts({ decision }: { decision: DecisionRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const date = (value?: string | null) => (value ? formatDate(value, language) : '–');
  const scope =
    decision.scope_amount !== null && decision.scope_unit !== 'none'
      ? `${new Intl.NumberFormat(localeOf(language)).format(decision.scope_amount)} ${t(`catalogue.scopeUnit.${decision.scope_unit as 'none'}`, { defaultValue: decision.scope_unit }).toLowerCase()}`
      : '–';
  return (
    <Card className={styles.card}>
      <dl className={styles.facts}>
        <Fact term={t('intake.decision.status')}>
          <Tag data-color={DECISION_STATUS_COLOR[decision.status]} data-size="sm" data-testid="decision-status">
            {t(`intake.decisionStatus.${decision.status}`)}
          </Tag>
        </Fact>
        <Fact term={t('intake.decision.outcome')}>{t(`intake.decisionOutcome.${decision.outcome}`)}</Fact>
        <Fact term={t('intake.decision.scope')}>{scope}</Fact>
        <Fact term={t('intake.decision.period')}>
          {decision.starts_on || decision.ends_on ? `${date(decision.starts_on)} – ${decision.ends_on ? date(decision.ends_on) : ''}` : '–'}
        </Fact>
        <Fact term={t('intake.decision.reviewOn')}>{date(decision.review_on ?? decision.review_due)}</Fact>
        <Fact term={t('intake.decision.unit')}>
          <UnitName decision={decision} />
        </Fact>
        <Fact term={t('intake.decision.contact')}>
          {decision.contact ? [decision.contact.name, decision.contact.unit, decision.contact.phone].filter(Boolean).join(', ') : '–'}
        </Fact>
        {decision.made_on ? (
          <Fact term={t('intake.decision.madeOn')}>
            {t('intake.decision.madeBy', { name: decision.made_by_name ?? '', date: date(decision.made_on) })}
          </Fact>
        ) : null}
        {decision.sent_on ? (
          <Fact term={t('intake.decision.sentOn')}>
            {date(decision.sent_on)}
            {decision.delivery ? ` (${t(`intake.delivery.${decision.delivery}`).toLowerCase()})` : ''}
          </Fact>
        ) : null}
        {decision.appeal_deadline ? (
          <Fact term={t('intake.decision.appealDeadline')}>
            <span data-testid="appeal-deadline">{date(decision.appeal_deadline)}</span>
          </Fact>
        ) : null}
      </dl>
    </Card>
  );
}

/** The delivering unit by the name the catalogue gives it, never its code. */
function UnitName({ decision }: { decision: DecisionRead }) {
  const service = useServiceTypeDetail(decision.service_type);
  if (!decision.unit) return <>–</>;
  const unit = service.data?.units.find((item) => item.code === decision.unit);
  return <>{unit?.name ?? (service.isPending ? '' : decision.unit)}</>;
}

function RightsAndCriteria({ decision }: { decision: DecisionRead }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const rights = decisionRights(decision);
  const bpa = rights.bpa;
  const number = (value: number) => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value);
  const longTerm = rights.long_term_stay;
  return (
    <section aria-labelledby="rights-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="rights-heading">
        {t('intake.decision.rightsHeading')}
      </Heading>
      {bpa?.right ? (
        <Card className={styles.card} data-testid="bpa-right">
          <Heading level={3} data-size="2xs">
            {t('intake.decision.bpa')}
          </Heading>
          <Paragraph>{t(`intake.decision.bpaRight.${bpa.right}`)}</Paragraph>
          {bpa.reason_code ? (
            <Paragraph data-size="sm">{t(`intake.decision.bpaReason.${bpa.reason_code}`)}</Paragraph>
          ) : null}
          {bpa.hours_assessed !== null && bpa.hours_assessed !== undefined && (bpa.hours_two_helpers || bpa.hours_night_excluded) ? (
            <ul data-testid="bpa-hours">
              <li>{t('intake.decision.bpaHours.counted', { assessed: number(bpa.hours_assessed), counted: number(bpa.hours_counted ?? 0) })}</li>
              {bpa.hours_two_helpers ? <li>{t('intake.decision.bpaHours.twoHelpers', { hours: number(bpa.hours_two_helpers) })}</li> : null}
              {bpa.hours_night_excluded ? <li>{t('intake.decision.bpaHours.night', { hours: number(bpa.hours_night_excluded) })}</li> : null}
            </ul>
          ) : null}
          {bpa.law ? <Paragraph data-size="sm" className={styles.subtle}>{bpa.law}</Paragraph> : null}
        </Card>
      ) : null}
      {longTerm?.law || longTerm?.note ? (
        <Card className={styles.card}>
          <Heading level={3} data-size="2xs">
            {t('intake.decision.longTermStay')}
          </Heading>
          {longTerm.note ? <Paragraph>{longTerm.note}</Paragraph> : null}
          {longTerm.law ? <Paragraph data-size="sm" className={styles.subtle}>{longTerm.law}</Paragraph> : null}
        </Card>
      ) : null}
      {decision.criteria ? (
        <Card className={styles.card}>
          <Heading level={3} data-size="2xs">
            {t('intake.decision.criteriaHeading', {
              version: decision.criteria.version,
              date: formatDate(decision.criteria.effective_from, language),
            })}
          </Heading>
          <Paragraph className={styles.preLine}>
            <Localized text={decision.criteria.text} />
          </Paragraph>
        </Card>
      ) : null}
    </section>
  );
}

function Letter({ decision }: { decision: DecisionRead }) {
  const { t } = useTranslation();
  const letter = useDecisionLetter(decision.id, decision.version);
  const [downloading, setDownloading] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const download = async () => {
    setDownloading(true);
    setProblem(null);
    try {
      const blob = await getDecisionLetterPdf(decision.id);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `vedtak-${decision.service_type}-${decision.id.slice(0, 8)}.pdf`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section aria-labelledby="letter-heading" className={styles.section}>
      <div className={styles.titleRow}>
        <Heading level={2} data-size="sm" id="letter-heading">
          {t('intake.decision.letterHeading')}
        </Heading>
        <Button variant="secondary" onClick={() => void download()} loading={downloading} disabled={downloading}>
          <DownloadIcon aria-hidden fontSize="1.25em" />
          {downloading ? t('intake.decision.downloading') : t('intake.decision.downloadPdf')}
        </Button>
      </div>
      {problem ? <ProblemAlert error={problem} /> : null}
      {letter.isPending ? <Loading label={t('intake.decision.letterLoading')} /> : null}
      {letter.isError ? <ProblemAlert error={letter.error} onRetry={() => void letter.refetch()} /> : null}
      {letter.isSuccess ? (
        <iframe title={t('intake.decision.letterTitle')} srcDoc={letter.data} sandbox="" className={styles.letter} data-testid="letter-preview" />
      ) : null}
    </section>
  );
}

function DeliveryForm({ decision }: { decision: DecisionRead }) {
  const { t } = useTranslation();
  const register = useRegisterDelivery();
  const [method, setMethod] = useState<Delivery>('post');
  const [sentOn, setSentOn] = useState(osloToday());
  const [receivedOn, setReceivedOn] = useState(osloToday());
  const [errors, setErrors] = useState<{ sent_on?: string; received_on?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = deliveryErrors(sentOn, receivedOn);
    const say = (key: ErrorKey | undefined, field: string) => (key ? t(`intake.errors.${key}`, { field, number: '' }) : undefined);
    const shown = {
      sent_on: say(found.sent_on, t('intake.decision.deliverySentOn')),
      received_on: say(found.received_on, t('intake.decision.deliveryReceivedOn')),
    };
    setErrors(shown);
    if (shown.sent_on || shown.received_on) return;
    register.mutate({ id: decision.id, version: decision.version, body: { method, sent_on: sentOn, received_on: receivedOn } });
  };
  return (
    <form onSubmit={submit} noValidate className={styles.inlineForm} aria-labelledby="delivery-heading">
      <Heading level={3} data-size="xs" id="delivery-heading">
        {t('intake.decision.deliveryHeading')}
      </Heading>
      <div className={styles.grid}>
        <Field>
          <Label>{t('intake.decision.deliveryMethod')}</Label>
          <Select id="delivery-method" value={method} onChange={(event) => setMethod(event.target.value as Delivery)}>
            {DELIVERIES.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`intake.delivery.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <DateInput id="delivery-sent-on" label={t('intake.decision.deliverySentOn')} value={sentOn} onChange={setSentOn} error={errors.sent_on} />
        <DateInput
          id="delivery-received-on"
          label={t('intake.decision.deliveryReceivedOn')}
          description={t('intake.decision.deliveryReceivedDescription')}
          value={receivedOn}
          onChange={setReceivedOn}
          error={errors.received_on}
        />
      </div>
      {register.isError ? <ActionProblem error={register.error} /> : null}
      <Button type="submit" loading={register.isPending} disabled={register.isPending} className={styles.submit}>
        {register.isPending ? t('intake.decision.deliverySubmitting') : t('intake.decision.deliverySubmit')}
      </Button>
    </form>
  );
}

function ActionProblem({ error, forbiddenMessage }: { error: unknown; forbiddenMessage?: string }) {
  const { t } = useTranslation();
  if (error instanceof ApiProblem && error.status === 412) {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('intake.decision.stale')}</Paragraph>
      </Alert>
    );
  }
  if (forbiddenMessage && error instanceof ApiProblem && error.status === 403) {
    return (
      <Alert data-color="danger" role="alert" data-testid="approval-forbidden">
        <Paragraph>{forbiddenMessage}</Paragraph>
      </Alert>
    );
  }
  return (
    <div role="alert">
      <ProblemAlert error={error} />
    </div>
  );
}

/** «Avslutt vedtak» asks for confirmation and an optional note before the status becomes `ended`. */
function EndForm({ decision, onCancel }: { decision: DecisionRead; onCancel: () => void }) {
  const { t } = useTranslation();
  const change = useChangeDecisionStatus();
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    change.mutate({ id: decision.id, version: decision.version, body: { status: 'ended', note: trimmed ? trimmed : null } });
  };
  return (
    <form onSubmit={submit} noValidate className={styles.inlineForm} aria-labelledby="end-heading" data-testid="end-form">
      <Heading level={3} data-size="xs" id="end-heading">
        {t('intake.decision.endHeading')}
      </Heading>
      <Paragraph>{t('intake.decision.endConfirm')}</Paragraph>
      <Textfield
        label={t('intake.decision.endNote')}
        description={t('intake.decision.endNoteDescription')}
        multiline
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {change.isError ? <ActionProblem error={change.error} /> : null}
      <div className={styles.makeRow}>
        <Button type="submit" data-color="danger" loading={change.isPending} disabled={change.isPending}>
          {change.isPending ? t('intake.decision.ending') : t('intake.decision.endSubmit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={change.isPending}>
          {t('intake.decision.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** After delivery: «Sett i verk» (sent), «Registrer evaluering» (in force) and «Avslutt vedtak» (in force, evaluated). */
function StatusSteps({ decision }: { decision: DecisionRead }) {
  const { t } = useTranslation();
  const change = useChangeDecisionStatus();
  const [ending, setEnding] = useState(false);
  const next = (status: 'in_force' | 'evaluated') => change.mutate({ id: decision.id, version: decision.version, body: { status } });
  const canEnd = decision.status === 'in_force' || decision.status === 'evaluated';
  if (decision.status !== 'sent' && !canEnd) {
    return decision.status === 'ended' ? (
      <Alert data-color="info" role="status" data-testid="decision-ended">
        <Paragraph>{t('intake.decision.ended')}</Paragraph>
      </Alert>
    ) : null;
  }
  return (
    <>
      <div className={styles.makeRow}>
        {decision.status === 'sent' ? (
          <Button onClick={() => next('in_force')} loading={change.isPending} disabled={change.isPending}>
            {t('intake.decision.putInForce')}
          </Button>
        ) : null}
        {decision.status === 'in_force' ? (
          <Button onClick={() => next('evaluated')} loading={change.isPending} disabled={change.isPending}>
            {t('intake.decision.registerEvaluation')}
          </Button>
        ) : null}
        {canEnd && !ending ? (
          <Button variant="secondary" onClick={() => setEnding(true)} disabled={change.isPending}>
            {t('intake.decision.end')}
          </Button>
        ) : null}
      </div>
      {change.isError ? <ActionProblem error={change.error} /> : null}
      {canEnd && ending ? <EndForm decision={decision} onCancel={() => setEnding(false)} /> : null}
    </>
  );
}

function Steps({ decision, userSub }: { decision: DecisionRead; userSub: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const make = useMakeDecision();
  const submit = useSubmitDecision();
  const editable = decision.status === 'draft' || decision.status === 'ready_for_approval';
  const approving = decision.status === 'ready_for_approval';
  // Four eyes: whoever drafted it or sent it for approval never approves it (the API refuses too).
  const ownDecision = userSub === decision.drafted_by || userSub === decision.submitted_by;
  const canMake = editable && !(approving && ownDecision);
  const busy = make.isPending || submit.isPending;
  const [confirming, setConfirming] = useState(false);
  const confirmMake = () => {
    setConfirming(false);
    make.mutate({ id: decision.id, version: decision.version });
  };
  return (
    <section aria-labelledby="steps-heading" className={styles.section}>
      <h2 id="steps-heading" className={styles.visuallyHidden}>
        {t('intake.decision.make')}
      </h2>
      {editable ? (
        <div className={styles.makeRow}>
          {canMake ? (
            <Button onClick={() => setConfirming(true)} loading={make.isPending} disabled={busy} aria-haspopup="dialog">
              {make.isPending ? t('intake.decision.making') : approving ? t('intake.decision.approve') : t('intake.decision.make')}
            </Button>
          ) : null}
          <Dialog
            open={confirming}
            onClose={() => setConfirming(false)}
            closeButton={t('intake.decision.confirm.close')}
            aria-labelledby="make-confirm-heading"
            data-testid="make-confirm"
          >
            <Dialog.Block>
              <Heading level={2} data-size="xs" id="make-confirm-heading">
                {approving ? t('intake.decision.confirm.approveTitle') : t('intake.decision.confirm.title')}
              </Heading>
            </Dialog.Block>
            <Dialog.Block>
              <Paragraph>{t('intake.decision.confirm.body')}</Paragraph>
              <div className={styles.makeRow}>
                <Button onClick={confirmMake}>{approving ? t('intake.decision.approve') : t('intake.decision.make')}</Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('intake.decision.cancel')}
                </Button>
              </div>
            </Dialog.Block>
          </Dialog>
          {decision.status === 'draft' ? (
            <Button
              variant="secondary"
              onClick={() => submit.mutate({ id: decision.id, version: decision.version })}
              loading={submit.isPending}
              disabled={busy}
            >
              {submit.isPending ? t('intake.decision.submitting') : t('intake.decision.submitForApproval')}
            </Button>
          ) : null}
          <Button asChild variant="tertiary">
            <RouterLink to={editDecisionPath(decision.id)} data-testid="edit-decision">
              <PencilIcon aria-hidden fontSize="1.25em" />
              {t('intake.decision.editDraft')}
            </RouterLink>
          </Button>
        </div>
      ) : null}
      {approving && !make.isError ? (
        <Alert data-color="info" role="status" data-testid="awaiting-approval">
          <Paragraph>{t('intake.decision.awaitingApproval')}</Paragraph>
          {ownDecision ? <Paragraph data-testid="approval-by-another">{t('intake.decision.approveOwnForbidden')}</Paragraph> : null}
        </Alert>
      ) : null}
      {submit.isError ? <ActionProblem error={submit.error} /> : null}
      {make.isError ? <ActionProblem error={make.error} forbiddenMessage={approving ? t('intake.decision.approveOwnForbidden') : undefined} /> : null}
      {make.isSuccess && decision.status === 'made' ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('intake.decision.made')}</Paragraph>
        </Alert>
      ) : null}
      {decision.status === 'made' ? <DeliveryForm decision={decision} /> : null}
      {decision.appeal_deadline ? (
        <Alert data-color="success" role="status" data-testid="delivery-done">
          <Paragraph>{t('intake.decision.deliveryDone')}</Paragraph>
          <Paragraph>{t('intake.decision.appealDeadlineValue', { date: formatDate(decision.appeal_deadline, language) })}</Paragraph>
        </Alert>
      ) : null}
      <StatusSteps key={decision.status} decision={decision} />
    </section>
  );
}

/** /vedtak/:id: the decision, its rights and criteria, the letter, and the steps (submit, make or approve, delivery, in force, evaluation, end, appeal). */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { localize } = useLocalize();
  const session = useSession();
  const flash = useFlash<DecisionFlash>();
  const roles = session?.user.roles ?? [];
  const decision = useDecision(id);
  usePageTitle(decision.data ? t('intake.decision.title', { service: localize(decision.data.service_name) }) : undefined);

  if (!canReadPersons(roles)) return <NoAccess reason="read" />;
  if (decision.isPending) return <Loading />;
  if (decision.isError) {
    return (
      <div className={styles.page}>
        <Heading level={1} data-size="lg">
          {t('intake.decision.listHeading')}
        </Heading>
        {isNotFound(decision.error) ? <Paragraph>{t('notFound.body')}</Paragraph> : <ProblemAlert error={decision.error} />}
      </div>
    );
  }
  const data = decision.data;
  const name = t('intake.personName', { given: data.person.given_name, family: data.person.family_name });
  const caseworker = canRegister(roles);
  return (
    <div className={styles.page}>
      <Link asChild className={styles.back}>
        <RouterLink to={personPath(data.person.id)}>
          <ArrowLeftIcon aria-hidden fontSize="1.25em" />
          {t('intake.decision.back', { name })}
        </RouterLink>
      </Link>
      <header className={styles.header}>
        <Heading level={1} data-size="lg">
          {t('intake.decision.title', { service: localize(data.service_name) })}
        </Heading>
        <Paragraph className={styles.for}>{t('intake.decisionForm.for', { name })}</Paragraph>
        {flash?.kind === 'saved' && data.status === 'draft' ? <SuccessMessage testId="decision-saved">{t('intake.decision.saved')}</SuccessMessage> : null}
        {flash?.kind === 'updated' && data.status === 'draft' ? <SuccessMessage testId="decision-updated">{t('intake.decision.updated')}</SuccessMessage> : null}
      </header>
      <DecisionFacts decision={data} />
      {caseworker && session ? <Steps decision={data} userSub={session.user.sub} /> : null}
      <RightsAndCriteria decision={data} />
      <Letter decision={data} />
      {data.appeal_deadline ? <AppealSection decision={data} canRegister={caseworker} /> : null}
    </div>
  );
}
