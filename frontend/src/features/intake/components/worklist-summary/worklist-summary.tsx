import { Card, Heading, Link } from '@digdir/designsystemet-react';
import { ArrowRightIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useWorklistCounts } from '../../api/get-worklist';
import { type Count, formatCount, worklistCounts } from '../../lib/worklist';
import { WORKLIST_PATH } from '../../paths';

import styles from './worklist-summary.module.css';

/** The caseworker's counts on the home page: overdue, due within a week, awaiting approval (from the worklist). */
export function WorklistSummary() {
  const { t } = useTranslation();
  const worklist = useWorklistCounts('mine');
  const counts = worklist.data ? worklistCounts(worklist.data) : null;
  const show = (count: Count) => formatCount(count, (value) => t('intake.worklist.moreThan', { value }));
  return (
    <Card data-color="accent" className={styles.card} data-testid="worklist-summary">
      <Heading level={2} data-size="sm">
        {t('home.counts.title')}
      </Heading>
      {worklist.isPending ? <Loading /> : null}
      {worklist.isError ? <ProblemAlert error={worklist.error} onRetry={() => void worklist.refetch()} /> : null}
      {counts ? (
        <ul className={styles.counts}>
          <li data-testid="count-overdue">
            <span className={counts.overdue.value > 0 ? `${styles.number} ${styles.alert}` : styles.number}>{show(counts.overdue)}</span> {t('home.counts.overdue')}
          </li>
          <li data-testid="count-week">
            <span className={styles.number}>{show(counts.dueThisWeek)}</span> {t('home.counts.dueThisWeek')}
          </li>
          <li data-testid="count-approval">
            <span className={styles.number}>{show(counts.awaitingApproval)}</span> {t('home.counts.awaitingApproval')}
          </li>
        </ul>
      ) : null}
      <Link asChild>
        <RouterLink to={WORKLIST_PATH} className={styles.link}>
          {t('home.counts.link')}
          <ArrowRightIcon aria-hidden fontSize="1.25em" />
        </RouterLink>
      </Link>
    </Card>
  );
}
