import { Link, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import type { DeviationSummary } from '../../api/types';
import { useUnitName } from '../../api/get-units';
import { deviationPath } from '../../paths';
import { RiskBadge } from '../risk-badge/risk-badge';
import { StatusTag } from '../status-tag/status-tag';

import styles from './deviation-table.module.css';

type Column = 'unit' | 'deadline' | 'closed';

/** Serious first, then by risk (highest first), then by the acknowledgement deadline (earliest first): the queue's order. */
export function queueOrder(items: readonly DeviationSummary[]): DeviationSummary[] {
  return [...items].sort(
    (a, b) =>
      Number(b.is_serious) - Number(a.is_serious) || b.risk_score - a.risk_score || a.acknowledge_by.localeCompare(b.acknowledge_by),
  );
}

/** Deviations as rows: what happened (a link), unit, reported, risk, the deadline or closing date, status. */
export function DeviationTable({ items, caption, columns, testId }: { items: readonly DeviationSummary[]; caption: string; columns: Column[]; testId: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const unitName = useUnitName();
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table data-testid={testId} className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('quality.table.deviation')}</Table.HeaderCell>
            {columns.includes('unit') ? <Table.HeaderCell>{t('quality.table.unit')}</Table.HeaderCell> : null}
            <Table.HeaderCell>{t('quality.table.reported')}</Table.HeaderCell>
            <Table.HeaderCell>{t('quality.table.risk')}</Table.HeaderCell>
            {columns.includes('deadline') ? <Table.HeaderCell>{t('quality.table.deadline')}</Table.HeaderCell> : null}
            <Table.HeaderCell>{t('quality.table.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id} data-overdue={item.is_acknowledgement_late || undefined}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={deviationPath(item.id)}>{t(`quality.category.${item.category}`)}</RouterLink>
                </Link>
                {item.is_serious ? (
                  <Tag data-color="danger" data-size="sm" className={styles.tag}>
                    {t('quality.serious.tag')}
                  </Tag>
                ) : null}
                <span className={styles.snippet}>{item.what_happened}</span>
              </Table.Cell>
              {columns.includes('unit') ? <Table.Cell>{unitName(item.unit)}</Table.Cell> : null}
              <Table.Cell className={styles.nowrap}>{formatShortDate(item.reported_on, language)}</Table.Cell>
              <Table.Cell>
                <RiskBadge level={item.risk_level} score={item.risk_score} />
              </Table.Cell>
              {columns.includes('deadline') ? (
                <Table.Cell>
                  <span className={styles.deadline}>
                    {item.status === 'reported' ? formatShortDate(item.acknowledge_by, language) : t('quality.table.acknowledged')}
                    {item.is_acknowledgement_late ? (
                      <Tag data-color="danger" data-size="sm" data-testid="overdue">
                        {t('quality.table.overdue')}
                      </Tag>
                    ) : null}
                  </span>
                </Table.Cell>
              ) : null}
              <Table.Cell>
                <span className={styles.deadline}>
                  <StatusTag status={item.status} />
                  {columns.includes('closed') && item.closed_on ? (
                    <span className={styles.snippet}>{t('quality.table.closedOn', { date: formatShortDate(item.closed_on, language) })}</span>
                  ) : null}
                </span>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
