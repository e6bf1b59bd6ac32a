import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import type { PlanComparison } from '../../api/types';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return `${value}`;
  return JSON.stringify(value);
};

/** What differs between two versions, item by item, in words. */
export function ChangesList({ comparison }: { comparison: PlanComparison }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const items = comparison.items ?? [];
  if (items.length === 0 && !comparison.status && !comparison.next_evaluation_on) {
    return <Paragraph data-size="sm">{t('coordination.versions.noChanges')}</Paragraph>;
  }
  return (
    <ul className={styles.list} data-testid="changes">
      {comparison.status ? (
        <li>{t('coordination.versions.statusChanged', { before: tx(`coordination.status.${String(comparison.status.before)}`), after: tx(`coordination.status.${String(comparison.status.after)}`) })}</li>
      ) : null}
      {comparison.next_evaluation_on ? (
        <li>{t('coordination.versions.evaluationChanged', { before: show(comparison.next_evaluation_on.before), after: show(comparison.next_evaluation_on.after) })}</li>
      ) : null}
      {items.map((item) => (
        <li key={`${item.section}-${item.id}`} className={styles.changed}>
          {tx(`coordination.versions.${item.change}`, { section: tx(`coordination.versions.section.${item.section}`), label: item.label })}
          {item.fields && item.fields.length > 0 ? (
            <ul>
              {item.fields.map((field) => (
                <li key={field.field}>
                  {t('coordination.versions.field', { field: tx(`coordination.field.${field.field}`, { defaultValue: field.field }), before: show(field.before), after: show(field.after) })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
