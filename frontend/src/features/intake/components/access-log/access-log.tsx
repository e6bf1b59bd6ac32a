import { Button, Details, Heading, Paragraph, Table, Tabs } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isRole, useSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';
import { ApiProblem } from '@/lib/problem';

import { EXPORT_FORMATS, downloadAccessLog, usePersonAccessLog, type AccessLogSource, type ExportFormat } from '../../api/get-person-access-log';
import type { AccessLogEntry } from '../../api/types';
import { accessLogSources } from '../../lib/permissions';

import styles from './access-log.module.css';

const INTAKE_ACTIONS = ['read', 'search', 'create', 'update', 'export'] as const;
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
  'plan',
  'consent',
  'meeting',
  'evaluation',
  'coordinator_assignment',
  'primary_contact',
  'relative_conversation',
  'person_relations',
  'coordination_request',
  'referral',
  'recommendation',
  'legal_decision',
  'loan',
  'loan_benefits',
  'benefit_measurement',
  'deviation',
  'event',
] as const;

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
/** A service that has never had anything to do with the person answers 404: nothing to show. */
const isNotFound = (error: unknown) => error instanceof ApiProblem && error.status === 404;

function Export({ personId, source }: { personId: string; source: AccessLogSource }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    downloadAccessLog(personId, format, source)
      .catch(setError)
      .finally(() => setBusy(null));
  };
  const formats = EXPORT_FORMATS[source];
  return (
    <div className={styles.export}>
      <Paragraph data-size="sm" className={styles.intro}>
        {t('access.log.exportHelp')}
      </Paragraph>
      <div className={styles.actions}>
        {formats.map((format) => (
          <Button key={format} variant="secondary" data-size="sm" onClick={() => download(format)} loading={busy === format}>
            <DownloadIcon aria-hidden fontSize="1.5em" />
            {format === 'pdf' ? t('access.log.exportPdf') : t('access.log.exportCsv')}
          </Button>
        ))}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}

function AccessLogTable({ personId, source }: { personId: string; source: AccessLogSource }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const describe = useDescribe();
  const captionId = useId();
  const log = usePersonAccessLog(personId, true, source);
  const testId = source === 'intake' ? 'access-log' : `access-log-${source}`;

  if (log.isPending) return <Loading />;
  if (log.isError) {
    if (isForbidden(log.error)) {
      return <Paragraph data-testid={`${testId}-forbidden`}>{source === 'intake' ? t('access.log.forbidden') : t(`intake.accessLog.forbidden.${source}`)}</Paragraph>;
    }
    if (isNotFound(log.error)) return <Paragraph data-testid={`${testId}-none`}>{t(`intake.accessLog.none.${source}`)}</Paragraph>;
    return <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />;
  }
  const entries = log.data.pages.flatMap((page) => page.items);
  return (
    <>
      <Export personId={personId} source={source} />
      {entries.length === 0 ? (
        <Paragraph>{t('access.log.empty')}</Paragraph>
      ) : (
        <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra data-size="sm" className={styles.table} data-testid={testId}>
            <caption id={captionId} className={styles.caption}>
              {source === 'intake' ? t('access.log.caption') : t('intake.accessLog.sourceCaption', { source: t(`intake.accessLog.source.${source}`) })}
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
 * The logs the user may ask for, one tab per service (intake's first): a tab's log is fetched
 * when the tab is chosen, since reading a log is itself logged.
 */
function AccessLogTabs({ personId, sources }: { personId: string; sources: readonly AccessLogSource[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<AccessLogSource>(sources[0] ?? 'intake');
  if (sources.length === 1) return <AccessLogTable personId={personId} source={chosen} />;
  return (
    <Tabs value={chosen} onChange={(value) => setChosen(sources.find((source) => source === value) ?? chosen)} data-size="sm" className={styles.tabs}>
      <Tabs.List>
        {sources.map((source) => (
          <Tabs.Tab key={source} value={source}>
            {t(`intake.accessLog.source.${source}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sources.map((source) => (
        <Tabs.Panel key={source} value={source} className={styles.panel}>
          {source === chosen ? <AccessLogTable personId={personId} source={source} /> : null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/**
 * «Tilgangslogg»: who has seen, changed or tried to see the person's data, a page at a time, with
 * an export for the person's innsyn request: intake's log, and beside it the logs coordination,
 * welfare technology and quality keep, read through their own APIs. Closed at first, and fetched
 * only when opened, since reading a log is itself logged; each service lets its leaders and the
 * case role of the person's open case read its log.
 */
export function AccessLog({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const sources = accessLogSources(useSession()?.user.roles ?? []);
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
        <Details.Content className={styles.content}>{open ? <AccessLogTabs personId={personId} sources={sources} /> : null}</Details.Content>
      </Details>
    </section>
  );
}
