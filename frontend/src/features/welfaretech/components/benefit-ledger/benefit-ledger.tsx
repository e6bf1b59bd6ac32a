import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '@/lib/i18n';

import { MEASURES, type LedgerLine, type Measure } from '../../api/types';
import { formatNumber } from '../../lib/numbers';

import styles from './benefit-ledger.module.css';

const isMeasure = (value: string): value is Measure => (MEASURES as readonly string[]).includes(value);

/** The ledger of one loan: each measure with the numbers it rests on, the gain, a year's gain and the formula. */
export function BenefitLedger({ lines, caption }: { lines: readonly LedgerLine[]; caption: string }) {
  const { t } = useTranslation();
  const { language } = useLocalize();
  return (
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table className={styles.table} data-testid="benefit-ledger">
        <caption className={styles.caption}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('welfaretech.ledger.measure')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.ledger.baseline')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.ledger.followUp')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.ledger.gain')}</Table.HeaderCell>
            <Table.HeaderCell>{t('welfaretech.ledger.perYear')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {lines.map((line) => (
            <Table.Row key={line.measure} data-measure={line.measure}>
              <Table.HeaderCell scope="row">
                {isMeasure(line.measure) ? t(`welfaretech.measure.${line.measure}`) : line.measure}
                <span className={styles.unit}>{isMeasure(line.measure) ? t(`welfaretech.measureUnit.${line.measure}`) : line.unit}</span>
                <details className={styles.formula}>
                  <summary>{t('welfaretech.ledger.formula')}</summary>
                  <code lang="en">{line.formula}</code>
                </details>
              </Table.HeaderCell>
              <Table.Cell>{formatNumber(line.baseline, language)}</Table.Cell>
              <Table.Cell>{formatNumber(line.follow_up, language)}</Table.Cell>
              <Table.Cell data-testid={`gain-${line.measure}`}>{formatNumber(line.gain, language)}</Table.Cell>
              <Table.Cell>{formatNumber(line.gain_per_year, language)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
