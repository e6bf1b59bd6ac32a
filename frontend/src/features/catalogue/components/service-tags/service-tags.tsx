import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import styles from './service-tags.module.css';

/** «Krever vedtak» / «Uten vedtak», and «Ikke publisert» for services the public cannot see. */
export function ServiceTags({ requiresDecision, published }: { requiresDecision: boolean; published: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={styles.tags}>
      <Tag data-color={requiresDecision ? 'warning' : 'success'} data-size="sm">
        {requiresDecision ? t('catalogue.decision.required') : t('catalogue.decision.notRequired')}
      </Tag>
      {published ? null : (
        <Tag data-color="neutral" data-size="sm" variant="outline">
          {t('catalogue.staircase.unpublished')}
        </Tag>
      )}
    </span>
  );
}
