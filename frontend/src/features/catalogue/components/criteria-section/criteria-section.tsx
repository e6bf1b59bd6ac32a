import { Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { Localized } from '@/components/localized/localized';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useLocalize } from '@/lib/i18n';

import { useCriteriaMetrics } from '../../api/get-criteria-metrics';
import { useCriteriaVersions } from '../../api/get-criteria-versions';
import type { CriteriaVersion } from '../../api/types';
import { describeConditions, metricsByCode } from '../../lib/describe-conditions';
import { formatPeriod, periodStatus, todayIso, type PeriodStatus } from '../../lib/format';
import { ConditionsList } from '../conditions-list/conditions-list';

import styles from './criteria-section.module.css';

const STATUS_KEYS = {
  inForce: 'catalogue.criteria.statusInForce',
  past: 'catalogue.criteria.statusPast',
  future: 'catalogue.criteria.statusFuture',
} as const;

const STATUS_COLORS: Record<PeriodStatus, 'success' | 'neutral' | 'info'> = {
  inForce: 'success',
  past: 'neutral',
  future: 'info',
};

function versionStatus(version: CriteriaVersion, today: string): PeriodStatus {
  if (version.in_force) return 'inForce';
  const status = periodStatus(version.effective_from, version.effective_to, today);
  // The service says which version is in force; dates alone may disagree near midnight.
  return status === 'inForce' ? 'past' : status;
}

/** «Tildelingskriterier»: the version in force in words, and every version with its period. */
export function CriteriaSection({ code, current }: { code: string; current: CriteriaVersion | null }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const versions = useCriteriaVersions(code);
  const metrics = useCriteriaMetrics();
  const today = todayIso();

  const inForce = current ?? versions.data?.find((version) => version.in_force) ?? null;
  const ctx = { t, language, metrics: metricsByCode(metrics.data) };

  return (
    <section aria-labelledby="criteria-heading" className={styles.section}>
      <Heading level={2} data-size="md" id="criteria-heading">
        {t('catalogue.criteria.heading')}
      </Heading>

      {inForce ? (
        <Card data-color="accent" variant="tinted" className={styles.current}>
          <div className={styles.currentHeader}>
            <Heading level={3} data-size="sm">
              {t('catalogue.criteria.inForce')}
            </Heading>
            <Tag data-color="success" data-size="sm">
              {t('catalogue.criteria.inForceTag')}
            </Tag>
          </div>
          <Paragraph data-size="sm" className={styles.meta}>
            {t('catalogue.criteria.version', { version: inForce.version })} ·{' '}
            {t('catalogue.criteria.validPeriod', {
              period: formatPeriod(inForce.effective_from, inForce.effective_to, language, t),
            })}
          </Paragraph>
          <Paragraph>
            <Localized text={inForce.text} />
          </Paragraph>
          <Heading level={4} data-size="2xs">
            {t('catalogue.criteria.conditionsHeading')}
          </Heading>
          {inForce.conditions.length === 0 ? (
            <Paragraph data-size="sm">{t('catalogue.criteria.noConditions')}</Paragraph>
          ) : (
            <div className={styles.conditions}>
              {inForce.conditions.length > 1 ? <Paragraph data-size="sm">{t('catalogue.criteria.allOf')}</Paragraph> : null}
              <ConditionsList nodes={describeConditions(inForce.conditions, ctx)} />
            </div>
          )}
          {inForce.source ? (
            <Paragraph data-size="xs" className={styles.source}>
              {t('catalogue.criteria.source', { source: inForce.source })}
            </Paragraph>
          ) : null}
        </Card>
      ) : versions.isSuccess ? (
        <Paragraph>{t('catalogue.criteria.none')}</Paragraph>
      ) : null}

      <Heading level={3} data-size="sm">
        {t('catalogue.criteria.history')}
      </Heading>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ProblemAlert error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data && versions.data.length > 0 ? (
        <div className={styles.tableWrap}>
          <Table zebra border className={styles.table}>
            <caption className={styles.caption}>{t('catalogue.criteria.historyCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('catalogue.criteria.versionColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('catalogue.criteria.period')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('catalogue.criteria.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...versions.data].reverse().map((version) => {
                const status = versionStatus(version, today);
                return (
                  <Table.Row key={version.version} aria-current={status === 'inForce' ? 'true' : undefined}>
                    <Table.HeaderCell scope="row">{version.version}</Table.HeaderCell>
                    <Table.Cell>{formatPeriod(version.effective_from, version.effective_to, language, t)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATUS_COLORS[status]} data-size="sm" variant={status === 'inForce' ? 'default' : 'outline'}>
                        {t(STATUS_KEYS[status])}
                      </Tag>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
