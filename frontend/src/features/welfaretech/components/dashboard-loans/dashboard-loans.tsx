import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { useDashboardLoans } from '../../api/benefits';
import type { Measure } from '../../api/types';
import { formatNumber } from '../../lib/numbers';
import { loanPath } from '../../paths';

import styles from './dashboard-loans.module.css';

/**
 * The loans behind one dashboard figure, fifty at a time with «Vis flere»: each loan's baseline,
 * latest follow-up and gain for the figure's measure, linked to the loan. Its heading takes the
 * focus when it opens, so a keyboard or screen-reader user lands on what they asked for.
 */
export function DashboardLoans({ technology, measure, figure, onClose }: { technology: string | null; measure: Measure; figure: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  const headingId = useId();
  const captionId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const loans = useDashboardLoans(technology, true);
  useEffect(() => heading.current?.focus(), [technology, measure]);

  const items = loans.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="dashboard-loans">
      <div className={styles.header}>
        <Heading level={2} data-size="sm" id={headingId} ref={heading} tabIndex={-1}>
          {t('welfaretech.dashboard.loansHeading', { figure })}
        </Heading>
        <Button variant="tertiary" data-size="sm" onClick={onClose}>
          {t('welfaretech.dashboard.closeLoans')}
        </Button>
      </div>
      {loans.isPending ? <Loading /> : null}
      {loans.isError ? <ProblemAlert error={loans.error} onRetry={() => void loans.refetch()} /> : null}
      {loans.isSuccess && items.length === 0 ? <Paragraph>{t('welfaretech.dashboard.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra data-size="sm" className={styles.table}>
            <caption id={captionId} className={styles.caption}>
              {t('welfaretech.dashboard.loansCaption', { measure: t(`welfaretech.measure.${measure}`), unit: t(`welfaretech.measureUnit.${measure}`) })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('welfaretech.dashboard.loan')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('welfaretech.dashboard.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('welfaretech.dashboard.week')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('welfaretech.ledger.baseline')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('welfaretech.ledger.followUp')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('welfaretech.ledger.gain')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => {
                const line = item.ledger.find((l) => l.measure === measure);
                return (
                  <Table.Row key={item.loan_id} data-testid={`dashboard-loan-${item.loan_id}`}>
                    <Table.HeaderCell scope="row">
                      <Link asChild>
                        <RouterLink to={loanPath(item.loan_id)}>{t('welfaretech.dashboard.loanInstalled', { date: formatShortDate(item.installed_on, language) })}</RouterLink>
                      </Link>
                    </Table.HeaderCell>
                    <Table.Cell>{item.unit}</Table.Cell>
                    <Table.Cell>{item.follow_up_week}</Table.Cell>
                    <Table.Cell>{formatNumber(line?.baseline, language)}</Table.Cell>
                    <Table.Cell>{formatNumber(line?.follow_up, language)}</Table.Cell>
                    <Table.Cell>{formatNumber(line?.gain, language)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {loans.hasNextPage ? (
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => void loans.fetchNextPage()} loading={loans.isFetchingNextPage}>
            {t('welfaretech.dashboard.moreLoans')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
