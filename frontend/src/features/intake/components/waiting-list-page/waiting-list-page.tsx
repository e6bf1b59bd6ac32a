import { Alert, Button, Card, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';
import { formatShortDate, todayIso } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useServiceTypes } from '../../api/get-service-types';
import { useWaitingList, useWaitingListStep } from '../../api/waiting-list';
import type { WaitingListEntry } from '../../api/types';
import { canReadWorklist, canRegister } from '../../lib/permissions';
import { personPath } from '../../paths';
import { NoAccess } from '../no-access/no-access';

import styles from './waiting-list-page.module.css';

const STATUSES = ['waiting', 'offered', 'accepted', 'declined', 'removed'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** /venteliste: who waits for a place, and (for caseworkers) offer, accept and decline. */
export function WaitingListPage() {
  const { t } = useTranslation();
  const { language, localize } = useLocalize();
  usePageTitle(t('intake.waitingList.title'));
  const session = useSession();
  const list = useWaitingList();
  const services = useServiceTypes();
  const step = useWaitingListStep();
  const [offering, setOffering] = useState<WaitingListEntry | null>(null);
  const [unit, setUnit] = useState('');
  const [unitError, setUnitError] = useState<string | null>(null);
  const roles = session?.user.roles ?? [];
  if (!canReadWorklist(roles)) return <NoAccess reason="read" />;
  const caseworker = canRegister(roles);
  const serviceName = (code: string) => {
    const found = services.data?.find((item) => item.code === code);
    return found ? localize(found.name) : code;
  };
  const act = (entry: WaitingListEntry, action: 'accept' | 'decline') => step.mutate({ entry, step: { action, on: todayIso() } });
  const startOffer = (entry: WaitingListEntry) => {
    setOffering(entry);
    setUnit('');
    setUnitError(null);
    requestAnimationFrame(() => document.getElementById('offer-unit')?.focus());
  };
  const offer = (event: FormEvent) => {
    event.preventDefault();
    if (!offering) return;
    if (!unit.trim()) {
      setUnitError(t('intake.errors.required', { field: t('intake.waitingList.offerUnit'), number: '' }));
      return;
    }
    step.mutate({ entry: offering, step: { action: 'offer', on: todayIso(), unit: unit.trim() } }, { onSuccess: () => setOffering(null) });
  };
  const sorted = [...(list.data ?? [])].sort((a, b) => a.priority - b.priority || b.days_waiting - a.days_waiting);

  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        {t('intake.waitingList.title')}
      </Heading>
      <Paragraph>{t('intake.waitingList.intro')}</Paragraph>
      {step.isError ? (
        <div role="alert">
          <ProblemAlert error={step.error} />
        </div>
      ) : null}
      {step.isSuccess ? (
        <Alert data-color="success" role="status">
          {t('intake.waitingList.actionDone')}
        </Alert>
      ) : null}
      {offering ? (
        <Card className={styles.offer}>
          <form onSubmit={offer} noValidate className={styles.offerForm} aria-labelledby="offer-heading">
            <Heading level={2} data-size="xs" id="offer-heading">
              {t('intake.waitingList.forPerson', {
                action: t('intake.waitingList.offer'),
                name: t('intake.personName', { given: offering.person.given_name, family: offering.person.family_name }),
              })}
            </Heading>
            <Textfield id="offer-unit" label={t('intake.waitingList.offerUnit')} value={unit} onChange={(e) => setUnit(e.target.value)} error={unitError ?? undefined} />
            <div className={styles.actions}>
              <Button type="submit" loading={step.isPending}>
                {t('intake.waitingList.offer')}
              </Button>
              <Button variant="tertiary" onClick={() => setOffering(null)}>
                {t('intake.form.cancel')}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && sorted.length === 0 ? <Paragraph>{t('intake.waitingList.empty')}</Paragraph> : null}
      {sorted.length > 0 ? (
        <div className={styles.scroll}>
          <Table data-testid="waiting-list" className={styles.table}>
            <caption className={styles.caption}>{t('intake.waitingList.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('intake.waitingList.column.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.waitingList.column.service')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.waitingList.column.listedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.waitingList.column.daysWaiting')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.waitingList.column.priority')}</Table.HeaderCell>
                <Table.HeaderCell>{t('intake.waitingList.column.status')}</Table.HeaderCell>
                {caseworker ? <Table.HeaderCell>{t('intake.waitingList.column.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sorted.map((entry) => {
                const name = t('intake.personName', { given: entry.person.given_name, family: entry.person.family_name });
                return (
                  <Table.Row key={entry.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={personPath(entry.person.id)}>{name}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{serviceName(entry.service_type)}</Table.Cell>
                    <Table.Cell>{formatShortDate(entry.listed_on, language)}</Table.Cell>
                    <Table.Cell>{entry.days_waiting}</Table.Cell>
                    <Table.Cell>{entry.priority}</Table.Cell>
                    <Table.Cell>
                      <Tag data-size="sm" data-color={entry.status === 'offered' ? 'info' : 'neutral'}>
                        {isStatus(entry.status) ? t(`intake.waitingList.status.${entry.status}`) : entry.status}
                      </Tag>
                    </Table.Cell>
                    {caseworker ? (
                      <Table.Cell>
                        <div className={styles.actions}>
                          {entry.status === 'waiting' ? (
                            <Button data-size="sm" variant="secondary" onClick={() => startOffer(entry)} disabled={step.isPending}>
                              {t('intake.waitingList.offer')}
                              <span className={styles.visuallyHidden}> – {name}</span>
                            </Button>
                          ) : null}
                          {entry.status === 'offered' ? (
                            <>
                              <Button data-size="sm" variant="secondary" onClick={() => act(entry, 'accept')} disabled={step.isPending}>
                                {t('intake.waitingList.accept')}
                                <span className={styles.visuallyHidden}> – {name}</span>
                              </Button>
                              <Button data-size="sm" variant="tertiary" onClick={() => act(entry, 'decline')} disabled={step.isPending}>
                                {t('intake.waitingList.decline')}
                                <span className={styles.visuallyHidden}> – {name}</span>
                              </Button>
                            </>
                          ) : null}
                        </div>
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
