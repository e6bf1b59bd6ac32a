import { Table } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';

import styles from './bar-chart.module.css';

export type Bar = { key: string; label: ReactNode; value: number; display: string };

/**
 * A horizontal bar chart in CSS with its data table beside it: the bars are a picture (hidden from
 * screen readers), the table says the same in words and numbers.
 */
export function BarChart({ title, bars, labelHeader, valueHeader, testId }: { title: string; bars: readonly Bar[]; labelHeader: string; valueHeader: string; testId?: string }) {
  const id = useId();
  const max = Math.max(...bars.map((bar) => Math.abs(bar.value)), 0);
  return (
    <figure className={styles.figure} aria-labelledby={id} data-testid={testId}>
      <figcaption id={id} className={styles.title}>
        {title}
      </figcaption>
      <div className={styles.body}>
        <div className={styles.chart} aria-hidden="true">
          {bars.map((bar) => (
            <div key={bar.key} className={styles.row}>
              <span className={styles.label}>{bar.label}</span>
              <span className={styles.track}>
                <span
                  className={bar.value < 0 ? `${styles.bar} ${styles.negative}` : styles.bar}
                  style={{ inlineSize: `${max === 0 ? 0 : (Math.abs(bar.value) / max) * 100}%` }}
                />
              </span>
              <span className={styles.value}>{bar.display}</span>
            </div>
          ))}
        </div>
        <div className={styles.scroll} role="region" aria-label={title} tabIndex={0}>
          <Table data-size="sm" className={styles.table}>
            <caption className={styles.caption}>{title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{labelHeader}</Table.HeaderCell>
                <Table.HeaderCell>{valueHeader}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {bars.map((bar) => (
                <Table.Row key={bar.key}>
                  <Table.HeaderCell scope="row">{bar.label}</Table.HeaderCell>
                  <Table.Cell>{bar.display}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </div>
    </figure>
  );
}
