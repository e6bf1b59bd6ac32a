import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isRole } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem } from '@/lib/problem';

import { downloadAccessLog, usePersonAccessLog, type ExportFormat } from '../../api/get-person-access-log';
import type { AccessLogEntry } from '../../api/types';

import styles from './access-log.module.css';

const INTAKE_ACTIONS = ['read', 'search', 'create', 'update', 'export'] as const;
const RESOURCES = ['person', 'timeline', 'access_log', 'application', 'assessment', 'decision', 'decision_letter', 'appeal', 'waiting_list', 'worklist'] as const;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

function useDescribe() {
  const { t } = useTranslation();
  return {
    roles: (roles: string[]) => roles.map((role) => (isRole(role) ? t(`role.${role}`) : role)).join(', '),
    what: (entry: AccessLogEntry) => {
      const action =
        entry.action === 'refused'
          ? t('access.log.action.refused')
          : isOneOf(INTAKE_ACTIONS, entry.action)
            ? t(`intake.accessLog.action.${entry.action}`)
            : entry.action;
      const resource = isOneOf(RESOURCES, entry.resource) ? t(`intake.accessLog.resource.${entry.resource}`) : entry.resource;
      return t('intake.accessLog.what', { action, resource });
    },
  };
}

const isForbidden = (error: unknown) => error instanceof ApiProblem && error.status === 403;

function Export({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    downloadAccessLog(personId, format)
      .catch(setError)
      .finally(() => setBusy(null));
  };
  return (
    <div className={styles.export}>
      <Paragraph data-size="sm" className={styles.intro}>
        {t('access.log.exportHelp')}
      </Paragraph>
      <div className={styles.actions}>
        <Button variant="secondary" data-size="sm" onClick={() => download('pdf')} loading={busy === 'pdf'}>
          <DownloadIcon aria-hidden fontSize="1.5em" />
          {t('access.log.exportPdf')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => download('csv')} loading={busy === 'csv'}>
          <DownloadIcon aria-hidden fontSize="1.5em" />
          {t('access.log.exportCsv')}
        </Button>
      </div>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}

function AccessLogTable({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const describe = useDescribe();
  const captionId = useId();
  const log = usePersonAccessLog(personId, true);

  if (log.isPending) return <Loading />;
  if (log.isError) {
    return isForbidden(log.error) ? <Paragraph data-testid="access-log-forbidden">{t('access.log.forbidden')}</Paragraph> : <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />;
  }
  const entries = log.data.pages.flatMap((page) => page.items);
  return (
    <>
      <Export personId={personId} />
      {entries.length === 0 ? (
        <Paragraph>{t('access.log.empty')}</Paragraph>
      ) : (
        <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra data-size="sm" className={styles.table} data-testid="access-log">
            <caption id={captionId} className={styles.caption}>
              {t('access.log.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('access.log.when')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.log.who')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.log.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.log.what')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.log.reason')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((entry, index) => (
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
      )}
      {log.hasNextPage ? (
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('access.log.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/**
 * «Tilgangslogg»: who has seen, changed or tried to see the person's data, a page at a time, with
 * an export for the person's innsyn request. Closed at first, and fetched only when opened, since
 * reading the log is itself logged; the API lets leaders and the caseworker of an open case read it.
 */
export function AccessLog({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="access-log-heading" className={styles.section}>
      <Heading level={2} data-size="sm" id="access-log-heading">
        {t('access.log.title')}
      </Heading>
      <Paragraph data-size="sm" className={styles.intro}>
        {t('access.log.help')}
      </Paragraph>
      <Details open={open} onToggle={() => setOpen((current) => !current)} className={styles.details} data-testid="access-log-details">
        <Details.Summary>{open ? t('access.log.hide') : t('access.log.show')}</Details.Summary>
        <Details.Content className={styles.content}>{open ? <AccessLogTable personId={personId} /> : null}</Details.Content>
      </Details>
    </section>
  );
}
