import { useTranslation } from 'react-i18next';

import { GRADES, riskLevel, riskScore } from '../../lib/risk';

import styles from './risk-matrix.module.css';

type Props = {
  /** The cell to mark (the report's consequence and probability), if any. */
  consequence?: number | null;
  probability?: number | null;
  /** Counts per cell (the statistics' heat map); without them each cell shows its score. */
  counts?: Map<string, number>;
  caption: string;
  captionHidden?: boolean;
  testId?: string;
};

export const cellKey = (consequence: number, probability: number) => `${consequence}-${probability}`;

/**
 * The 5 × 5 risk matrix as a table: consequence from 5 at the top to 1, probability 1 to 5 across.
 * Each cell says its level in text as well as colour; the marked cell is `aria-current`.
 */
export function RiskMatrix({ consequence, probability, counts, caption, captionHidden, testId }: Props) {
  const { t } = useTranslation();
  const rows = [...GRADES].reverse();
  return (
    <div className={styles.wrap}>
      <table className={styles.matrix} data-testid={testId}>
        <caption className={captionHidden ? styles.hiddenCaption : styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              <span className={styles.axis}>{t('quality.matrix.axes')}</span>
            </th>
            {GRADES.map((p) => (
              <th key={p} scope="col" className={styles.head}>
                <abbr title={t('quality.matrix.probabilityN', { n: p })}>{t('quality.matrix.probabilityShort', { n: p })}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c}>
              <th scope="row" className={styles.head}>
                <abbr title={t('quality.matrix.consequenceN', { n: c })}>{t('quality.matrix.consequenceShort', { n: c })}</abbr>
              </th>
              {GRADES.map((p) => {
                const score = riskScore(c, p);
                const level = riskLevel(score);
                const current = consequence === c && probability === p;
                const count = counts?.get(cellKey(c, p)) ?? 0;
                return (
                  <td
                    key={p}
                    className={`${styles.cell} ${styles[level]} ${current ? styles.current : ''} ${counts && count === 0 ? styles.empty : ''}`}
                    aria-current={current ? 'true' : undefined}
                    data-level={level}
                  >
                    <span aria-hidden={counts ? undefined : true}>{counts ? count : score}</span>
                    <span className={styles.hiddenCaption}>
                      {counts
                        ? t('quality.matrix.cellCount', { consequence: c, probability: p, count, level: t(`quality.riskLevel.${level}`) })
                        : t('quality.matrix.cell', { consequence: c, probability: p, score, level: t(`quality.riskLevel.${level}`) })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
