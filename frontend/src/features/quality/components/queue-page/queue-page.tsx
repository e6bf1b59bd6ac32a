import { Button, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageLayout } from '@/components/page-layout/page-layout';
import { usePageTitle } from '@/components/page-title/use-page-title';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';

import { useCommitteeQueue, useDeviationQueue } from '../../api/get-deviations';
import { canHandleDeviations, canUseCommittee } from '../../lib/permissions';
import { DeviationTable, queueOrder } from '../deviation-table/deviation-table';
import { NoAccess } from '../no-access/no-access';
import { QualityNav } from '../quality-nav/quality-nav';

import styles from './queue-page.module.css';

/** /avvik/behandling: the leader's open deviations, serious first, then by risk and the acknowledgement deadline; overdue marked. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.queue.title'));
  const session = useSession();
  const queue = useDeviationQueue();
  if (!session || !canHandleDeviations(session.user.roles)) return <NoAccess />;
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const overdue = items.filter((item) => item.is_acknowledgement_late).length;
  return (
    <PageLayout title={t('quality.queue.title')} lead={t('quality.queue.lead')}>
      <QualityNav />
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isSuccess && items.length === 0 ? <Paragraph>{t('quality.queue.empty')}</Paragraph> : null}
      {queue.isSuccess && items.length > 0 ? (
        <>
          <Paragraph data-testid="queue-count">
            {queue.hasNextPage ? t('quality.queue.countShown', { count: items.length, overdue }) : t('quality.queue.count', { count: items.length, overdue })}
          </Paragraph>
          <DeviationTable items={queueOrder(items)} caption={t('quality.queue.caption')} columns={['unit', 'deadline']} testId="queue" />
          {queue.hasNextPage ? (
            <Button variant="secondary" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage} data-testid="queue-more">
              {t('quality.queue.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </PageLayout>
  );
}

/** /avvik/kvalitetsutvalg: high-risk and serious deviations for the kvalitetsutvalg (kvalitetsleder only). */
export function CommitteePage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.committee.title'));
  const session = useSession();
  const [includeClosed, setIncludeClosed] = useState(false);
  const committee = useCommitteeQueue(includeClosed);
  if (!session || !canUseCommittee(session.user.roles)) return <NoAccess />;
  return (
    <PageLayout title={t('quality.committee.title')} lead={t('quality.committee.lead')}>
      <QualityNav />
      <Switch
        label={t('quality.committee.includeClosed')}
        checked={includeClosed}
        onChange={(event) => setIncludeClosed(event.target.checked)}
        className={styles.switch}
      />
      {committee.isPending ? <Loading /> : null}
      {committee.isError ? <ProblemAlert error={committee.error} onRetry={() => void committee.refetch()} /> : null}
      {committee.isSuccess && committee.data.length === 0 ? <Paragraph>{t('quality.committee.empty')}</Paragraph> : null}
      {committee.isSuccess && committee.data.length > 0 ? (
        <DeviationTable items={queueOrder(committee.data)} caption={t('quality.committee.caption')} columns={['unit', 'deadline', 'closed']} testId="committee" />
      ) : null}
    </PageLayout>
  );
}
