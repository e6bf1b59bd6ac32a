import { Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isRole } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { usePersonAccessLog } from '../../api/get-person-access-log';
import type { AccessLogEntry } from '../../api/types';

import styles from './access-log.module.css';

const ACTIONS = ['read', 'search', 'create', 'update', 'export'] as const;
const RESOURCES = [
  'person',
  'timeline',
  'access_log',
  'application',
  'assessment',
  'decision',
  'decision_letter',
  'appeal',
  'waiting_list',
  'worklist',
] as const;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

function useDescribe() {
  const { t } = useTranslation();
  return {
    roles: (roles: string[]) => roles.map((role) => (isRole(role) ? t(`role.${role}`) : role)).join(', '),
    what: (entry: AccessLogEntry) => {
      const action = isOneOf(ACTIONS, entry.action) ? t(`intake.accessLog.action.${entry.action}`) : entry.action;
      const resource = isOneOf(RESOURCES, entry.resource) ? t(`intake.accessLog.resource.${entry.resource}`) : entry.resource;
      return t('intake.accessLog.what', { action, resource });
    },
  };
}

function AccessLogTable({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const describe = useDescribe();
  const captionId = useId();
  const log = usePersonAccessLog(personId, true);

  if (log.isPending) return <Loading />;
  if (log.isError) return <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <Paragraph>{t('intake.accessLog.empty')}</Paragraph>;
  return (
    <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra data-size="sm" className={styles.table} data-testid="access-log">
        <caption id={captionId} className={styles.caption}>
          {t('intake.accessLog.caption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('intake.accessLog.column.when')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('intake.accessLog.column.who')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('intake.accessLog.column.role')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('intake.accessLog.column.what')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('intake.accessLog.column.reason')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {log.data.map((entry, index) => (
            <Table.Row key={`${entry.occurred_at}-${index}`}>
              <Table.Cell className={styles.nowrap}>
                <time dateTime={entry.occurred_at}>{formatDateTime(entry.occurred_at, language)}</time>
              </Table.Cell>
              <Table.Cell>{entry.actor_name || entry.actor}</Table.Cell>
              <Table.Cell>{describe.roles(entry.actor_roles)}</Table.Cell>
              <Table.Cell>{describe.what(entry)}</Table.Cell>
              <Table.Cell lang={language === 'nb' ? undefined : 'nb'}>{entry.reason ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * «Tilgangslogg»: who has seen or changed the person's data. Closed at first, and fetched only
 * when opened, since reading the log is itself logged.
 */
export function AccessLog({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="access-log-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="access-log-heading">
        {t('intake.accessLog.title')}
      </Heading>
      <Paragraph data-size="sm" className={styles.intro}>
        {t('intake.accessLog.intro')}
      </Paragraph>
      <Details open={open} onToggle={() => setOpen((current) => !current)} className={styles.details} data-testid="access-log-details">
        <Details.Summary>{t('intake.accessLog.show')}</Details.Summary>
        <Details.Content className={styles.content}>{open ? <AccessLogTable personId={personId} /> : null}</Details.Content>
      </Details>
    </section>
  );
}
