import { Button, Card, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { DateInput } from '@/components/date-field/date-field';
import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isStale, StaleAlert } from '@/components/stale-alert/stale-alert';
import { SuccessMessage } from '@/components/success-message/success-message';
import { VisuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { useSession } from '@/lib/auth';
import { formatShortDate, osloToday } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useServiceTypes } from '../../api/get-service-types';
import { useWaitingList, useWaitingListStep } from '../../api/waiting-list';
import type { WaitingListEntry } from '../../api/types';
import { dateError } from '../../lib/date-checks';
import { canManageWaitingList, canReadWorklist } from '../../lib/permissions';
import { personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import styles from './waiting-list-page.module.css';

const STATUSES = ['waiting', 'offered', 'accepted', 'declined', 'removed'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);
const PRIORITIES = [1, 2, 3] as const;

/** The step the user is filling in for one entry: offer (unit, date), remove (why), prioritise (1–3). */
type Open = { entry: WaitingListEntry; action: 'offer' | 'remove' | 'prioritise' };

function StepForm({ open, onDone, onCancel }: { open: Open; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const step = useWaitingListStep();
  const { entry, action } = open;
  const [unit, setUnit] = useState('');
  const [on, setOn] = useState(osloToday());
  const [note, setNote] = useState('');
  const [priority, setPriority] = useState(String(entry.priority));
  const [errors, setErrors] = useState<{ unit?: string; on?: string; note?: string }>({});
  const name = t('intake.personName', { given: entry.person.given_name, family: entry.person.family_name });
  const headingId = `step-${entry.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const onError = dateError(on, { required: true, past: action !== 'offer' });
    if (onError) found.on = t(`intake.errors.${onError}`, { field: t('intake.waitingList.on'), number: '' });
    if (action === 'offer' && !unit.trim()) found.unit = t('intake.errors.required', { field: t('intake.waitingList.offerUnit'), number: '' });
    if (action === 'remove' && !note.trim()) found.note = t('intake.errors.required', { field: t('intake.waitingList.removeNote'), number: '' });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body =
      action === 'offer'
        ? { action, on, unit: unit.trim() }
        : action === 'remove'
          ? { action, on, note: note.trim() }
          : { action, on, priority: Number(priority) };
    step.mutate({ entry, step: body }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate className={styles.stepForm} aria-labelledby={headingId}>
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('intake.waitingList.forPerson', { action: t(`intake.waitingList.${action}`), name })}
      </Heading>
      {action === 'offer' ? (
        <Textfield id={`offer-unit-${entry.id}`} label={t('intake.waitingList.offerUnit')} value={unit} onChange={(e) => setUnit(e.target.value)} error={errors.unit} />
      ) : null}
      {action === 'remove' ? (
        <Textfield label={t('intake.waitingList.removeNote')} multiline rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      ) : null}
      {action === 'prioritise' ? (
        <Field>
          <Label>{t('intake.waitingList.column.priority')}</Label>
          <Select value={priority} onChange={(e) => setPriority(e.target.value)} width="auto">
            {PRIORITIES.map((value) => (
              <Select.Option key={value} value={String(value)}>
                {t(`intake.waitingList.priority.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : null}
      <DateInput label={t('intake.waitingList.on')} value={on} onChange={setOn} error={errors.on} />
      {step.isError ? isStale(step.error) ? <StaleAlert what={t('intake.staleWhat.waitingEntry')} /> : <ProblemAlert error={step.error} /> : null}
      <div className={styles.actions}>
        <Button type="submit" loading={step.isPending} disabled={step.isPending}>
          {t(`intake.waitingList.${action}`)}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('intake.form.cancel')}
        </Button>
      </div>
    </form>
  );
}

function EntryCard({
  entry,
  manage,
  serviceName,
  onOpen,
  onDone,
}: {
  entry: WaitingListEntry;
  manage: boolean;
  serviceName: string;
  onOpen: (open: Open) => void;
  /** An answer was recorded (an accepted place leaves the list, so the page says it). */
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const step = useWaitingListStep();
  const name = t('intake.personName', { given: entry.person.given_name, family: entry.person.family_name });
  const answer = (action: 'accept' | 'decline') => step.mutate({ entry, step: { action, on: osloToday() } }, { onSuccess: onDone });
  const forName = <VisuallyHidden> – {name}</VisuallyHidden>;
  return (
    <Card className={styles.card} data-testid="waiting-entry" data-status={entry.status}>
      <div className={styles.top}>
        <Heading level={2} data-size="2xs">
          <Link asChild>
            <RouterLink to={personPath(entry.person.id)}>{name}</RouterLink>
          </Link>
        </Heading>
        <Tag data-size="sm" data-color={entry.status === 'offered' ? 'info' : entry.status === 'accepted' ? 'success' : 'neutral'}>
          {isStatus(entry.status) ? t(`intake.waitingList.status.${entry.status}`) : entry.status}
        </Tag>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('intake.waitingList.column.service')}</dt>
          <dd>{serviceName}</dd>
        </div>
        <div>
          <dt>{t('intake.waitingList.column.listedOn')}</dt>
          <dd>{formatShortDate(entry.listed_on, language)}</dd>
        </div>
        <div>
          <dt>{t('intake.waitingList.column.daysWaiting')}</dt>
          <dd>{entry.days_waiting}</dd>
        </div>
        <div>
          <dt>{t('intake.waitingList.column.priority')}</dt>
          <dd>{PRIORITIES.includes(entry.priority as 1) ? t(`intake.waitingList.priority.${entry.priority as 1 | 2 | 3}`) : entry.priority}</dd>
        </div>
      </dl>
      {step.isError ? isStale(step.error) ? <StaleAlert what={t('intake.staleWhat.waitingEntry')} /> : <ProblemAlert error={step.error} /> : null}
      {manage && (entry.status === 'waiting' || entry.status === 'offered') ? (
        <div className={styles.actions}>
          {entry.status === 'waiting' ? (
            <Button data-size="sm" variant="secondary" onClick={() => onOpen({ entry, action: 'offer' })} disabled={step.isPending}>
              {t('intake.waitingList.offer')}
              {forName}
            </Button>
          ) : null}
          {entry.status === 'offered' ? (
            <>
              <Button data-size="sm" variant="secondary" onClick={() => answer('accept')} disabled={step.isPending}>
                {t('intake.waitingList.accept')}
                {forName}
              </Button>
              <Button data-size="sm" variant="secondary" onClick={() => answer('decline')} disabled={step.isPending}>
                {t('intake.waitingList.decline')}
                {forName}
              </Button>
            </>
          ) : null}
          <Button data-size="sm" variant="tertiary" onClick={() => onOpen({ entry, action: 'prioritise' })} disabled={step.isPending}>
            {t('intake.waitingList.prioritise')}
            {forName}
          </Button>
          <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => onOpen({ entry, action: 'remove' })} disabled={step.isPending}>
            {t('intake.waitingList.remove')}
            {forName}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

/** /venteliste: who waits for a place; caseworkers and leaders offer, record the answer, prioritise and remove. */
export function WaitingListPage() {
  const { t } = useTranslation();
  const { localize } = useLocalize();
  usePageTitle(t('intake.waitingList.title'));
  const session = useSession();
  const list = useWaitingList();
  const services = useServiceTypes();
  const [open, setOpen] = useState<Open | null>(null);
  const [saved, setSaved] = useState(0);
  const roles = session?.user.roles ?? [];
  if (!canReadWorklist(roles)) return <NoAccess reason="read" />;
  const manage = canManageWaitingList(roles);
  const serviceName = (code: string) => {
    const found = services.data?.find((item) => item.code === code);
    return found ? localize(found.name) : code;
  };
  const sorted = [...(list.data ?? [])].sort((a, b) => a.priority - b.priority || b.days_waiting - a.days_waiting);

  return (
    <PageLayout title={t('intake.waitingList.title')} lead={t('intake.waitingList.intro')} wide>
      {saved > 0 && !open ? <SuccessMessage key={saved}>{t('intake.waitingList.actionDone')}</SuccessMessage> : null}
      {open ? (
        <Card className={styles.offer}>
          <StepForm
            key={`${open.entry.id}-${open.action}`}
            open={open}
            onCancel={() => setOpen(null)}
            onDone={() => {
              setOpen(null);
              setSaved((n) => n + 1);
            }}
          />
        </Card>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && sorted.length === 0 ? <Paragraph>{t('intake.waitingList.empty')}</Paragraph> : null}
      {sorted.length > 0 ? (
        <ul className={styles.list} data-testid="waiting-list" aria-label={t('intake.waitingList.caption')}>
          {sorted.map((entry) => (
            <li key={entry.id}>
              <EntryCard
                entry={entry}
                manage={manage}
                serviceName={serviceName(entry.service_type)}
                onDone={() => setSaved((n) => n + 1)}
                onOpen={(next) => {
                  setOpen(next);
                  window.scrollTo?.({ top: 0 });
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </PageLayout>
  );
}
