import { Heading, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import styles from './bar-chart.module.css';

export type Bar = { key: string; label: string; value: number; tone?: 'low' | 'medium' | 'high' | 'accent' };

/**
 * Horizontal bars in CSS with the numbers behind them in a table beside them. The bars are for the
 * eye (aria-hidden); the table, with its caption, is what a screen reader reads.
 */
export function BarChart({ title, bars, valueHeader, testId }: { title: string; bars: readonly Bar[]; valueHeader: string; testId?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <section aria-labelledby={headingId} className={styles.chart} data-testid={testId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {title}
      </Heading>
      {bars.length === 0 ? (
        <p className={styles.empty}>{t('quality.stats.noData')}</p>
      ) : (
        <div className={styles.body}>
          <div className={styles.bars} aria-hidden="true">
            {bars.map((bar) => (
              <div key={bar.key} className={styles.row}>
                <span className={styles.label}>{bar.label}</span>
                <span className={styles.track}>
                  <span className={`${styles.bar} ${styles[bar.tone ?? 'accent']}`} style={{ inlineSize: `${(bar.value / max) * 100}%` }} />
                </span>
                <span className={styles.value}>{bar.value}</span>
              </div>
            ))}
          </div>
          <Table data-size="sm" className={styles.table}>
            <caption className={styles.caption}>{t('quality.stats.tableOf', { title })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.stats.what')}</Table.HeaderCell>
                <Table.HeaderCell className={styles.number}>{valueHeader}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {bars.map((bar) => (
                <Table.Row key={bar.key}>
                  <Table.HeaderCell scope="row">{bar.label}</Table.HeaderCell>
                  <Table.Cell className={styles.number}>{bar.value}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
