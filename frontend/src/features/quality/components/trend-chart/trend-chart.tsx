import { Heading, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { StatisticsRead } from '../../api/types';

import styles from './trend-chart.module.css';

/** «2026-03» as «03.2026», the month in digits like the dates. */
export function formatPeriod(period: string): string {
  const [year, month] = period.split('-');
  return year && month ? `${month}.${year}` : period;
}

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 28, left: 32 };

/** Deviations per month as SVG columns (all; high risk and serious inside), with the table of numbers beside it. */
export function TrendChart({ trend }: { trend: StatisticsRead['trend'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const max = Math.max(1, ...trend.map((p) => p.count));
  const inner = { w: WIDTH - PAD.left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom };
  const slot = trend.length > 0 ? inner.w / trend.length : inner.w;
  const barW = Math.max(4, slot * 0.6);
  const y = (value: number) => PAD.top + inner.h - (value / max) * inner.h;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  return (
    <section aria-labelledby={headingId} className={styles.chart} data-testid="trend-chart">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('quality.stats.trend')}
      </Heading>
      {trend.length === 0 ? (
        <p className={styles.empty}>{t('quality.stats.noData')}</p>
      ) : (
        <div className={styles.body}>
          <div className={styles.figure}>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.svg} aria-hidden="true" focusable="false">
              {ticks.map((tick) => (
                <g key={tick}>
                  <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className={styles.grid} />
                  <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className={styles.axis}>
                    {tick}
                  </text>
                </g>
              ))}
              {trend.map((p, i) => {
                const x = PAD.left + i * slot + (slot - barW) / 2;
                return (
                  <g key={p.period}>
                    <rect x={x} y={y(p.count)} width={barW} height={y(0) - y(p.count)} className={styles.count} />
                    <rect x={x + barW * 0.15} y={y(p.high_risk)} width={barW * 0.7} height={y(0) - y(p.high_risk)} className={styles.high} />
                    {trend.length <= 12 || i % Math.ceil(trend.length / 12) === 0 ? (
                      <text x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle" className={styles.axis}>
                        {formatPeriod(p.period)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </svg>
            <p className={styles.legend} aria-hidden="true">
              <span className={`${styles.key} ${styles.keyCount}`} /> {t('quality.stats.count')}
              <span className={`${styles.key} ${styles.keyHigh}`} /> {t('quality.stats.highRisk')}
            </p>
          </div>
          <div className={styles.scroll} role="region" aria-labelledby={headingId} tabIndex={0}>
            <Table data-size="sm" className={styles.table}>
              <caption className={styles.caption}>{t('quality.stats.tableOf', { title: t('quality.stats.trend') })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('quality.stats.month')}</Table.HeaderCell>
                  <Table.HeaderCell className={styles.number}>{t('quality.stats.count')}</Table.HeaderCell>
                  <Table.HeaderCell className={styles.number}>{t('quality.stats.highRisk')}</Table.HeaderCell>
                  <Table.HeaderCell className={styles.number}>{t('quality.stats.serious')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {trend.map((p) => (
                  <Table.Row key={p.period}>
                    <Table.HeaderCell scope="row">{formatPeriod(p.period)}</Table.HeaderCell>
                    <Table.Cell className={styles.number}>{p.count}</Table.Cell>
                    <Table.Cell className={styles.number}>{p.high_risk}</Table.Cell>
                    <Table.Cell className={styles.number}>{p.serious}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      )}
    </section>
  );
}
