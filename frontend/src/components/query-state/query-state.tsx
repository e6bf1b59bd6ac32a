import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { problemKey } from '@/lib/problem';

import styles from './query-state.module.css';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className={styles.loading} role="status">
      <Spinner aria-hidden data-size="md" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

/** A failed request as a translated message; the service's own words never stand alone. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const key = problemKey(error);
  return (
    <Alert data-color="danger" className={styles.alert}>
      <Heading level={2} data-size="xs">
        {t('problem.title')}
      </Heading>
      <Paragraph>{t(`problem.${key}`)}</Paragraph>
      {onRetry ? (
        <Button variant="secondary" data-size="sm" onClick={onRetry} className={styles.retry}>
          {t('state.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
