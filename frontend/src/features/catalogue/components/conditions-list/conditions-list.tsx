import type { ConditionNode } from '../../lib/describe-conditions';

import { useTranslation } from 'react-i18next';

import styles from './conditions-list.module.css';

/** Conditions in words as nested lists: every top-level item must hold; «Minst ett av» needs one. */
export function ConditionsList({ nodes }: { nodes: ConditionNode[] }) {
  const { t } = useTranslation();
  return (
    <ul className={styles.list}>
      {nodes.map((node, index) =>
        node.kind === 'condition' ? (
          <li key={index}>{node.text}</li>
        ) : (
          <li key={index}>
            {t('catalogue.criteria.anyOf')}
            <ConditionsList nodes={node.children} />
          </li>
        ),
      )}
    </ul>
  );
}
