import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { visuallyHidden } from '@/components/visually-hidden/visually-hidden';
import { formatShortDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import styles from './quality-system.module.css';
import { OverdueTag } from './record-state';

type Props<T> = {
  query: UseQueryResult<T[]>;
  /** Said instead of the table when there is nothing. */
  empty: string;
  /** The table's caption (read by screen readers) and the id the scrolling region is labelled by. */
  caption: string;
  captionId: string;
  testId: string;
  columns: string[];
  /** One `<Table.Row>` per item. */
  children: (item: T) => ReactNode;
};

/**
 * A list of quality-system records (audits, supervision findings) as a table in a scrolling
 * region a keyboard can reach: loading, the problem with a retry, or a sentence when empty.
 */
export function SystemList<T>({ query, empty, caption, captionId, testId, columns, children }: Props<T>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table data-testid={testId} className={styles.table}>
        <caption id={captionId} className={visuallyHidden}>
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column}>{column}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>{query.data.map(children)}</Table.Body>
      </Table>
    </div>
  );
}

/** A date in a list, with «Forfalt» beside it when it has passed undone. */
export function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  const { language } = useLocalize();
  return (
    <span className={styles.inline}>
      {formatShortDate(date, language)}
      {overdue ? <OverdueTag /> : null}
    </span>
  );
}
