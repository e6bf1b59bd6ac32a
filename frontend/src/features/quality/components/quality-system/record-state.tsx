import { Paragraph, Tag } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { isNotFound } from '@/lib/problem';

import styles from './quality-system.module.css';

/**
 * A quality-system record's page (an audit, a finding) before it can show the record: loading,
 * not found (or not the caller's to see), or the problem with a retry. Render it while
 * `query.isPending || query.isError`.
 */
export function RecordState({ query, back, title }: { query: UseQueryResult<unknown>; back: { to: string; label: string }; title: string }) {
  const { t } = useTranslation();
  if (!query.isError) return <Loading />;
  const notFound = isNotFound(query.error);
  return (
    <PageLayout back={back} title={notFound ? t('quality.system.common.notFoundTitle') : title}>
      {notFound ? <Paragraph>{t('quality.system.common.notFoundBody')}</Paragraph> : <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
    </PageLayout>
  );
}

/** A record's status as a tag, and «Forfalt» beside it when it is overdue. */
export function StatusTags({ status, done, overdue, testId }: { status: string; done: boolean; overdue: boolean; testId: string }) {
  return (
    <span className={styles.inline}>
      <Tag data-color={done ? 'success' : 'neutral'} data-size="sm" data-testid={testId}>
        {status}
      </Tag>
      {overdue ? <OverdueTag /> : null}
    </span>
  );
}

/** «Forfalt»: a date that has passed with the thing undone. */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag data-color="danger" data-size="sm">
      {t('quality.system.common.overdue')}
    </Tag>
  );
}
