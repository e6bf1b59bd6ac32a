import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ArrowCirclepathIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';

import { ApiProblem } from '@/lib/problem';

import styles from './stale-alert.module.css';

/** A change refused because someone else changed the same thing first (412 on If-Match). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 412;
}

/**
 * «Noen andre har endret …»: what the user saw is out of date. The data is fetched again
 * behind it; `onReload` puts the new version in front of the user (a form starts over from it).
 */
export function StaleAlert({ what, onReload }: { what: string; onReload?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" role="alert" data-testid="stale-alert" className={styles.alert}>
      <Heading level={2} data-size="xs">
        {t('stale.title', { what })}
      </Heading>
      <Paragraph>{t(onReload ? 'stale.bodyReload' : 'stale.bodyReloaded')}</Paragraph>
      {onReload ? (
        <Button variant="secondary" data-size="sm" onClick={onReload} className={styles.button}>
          <ArrowCirclepathIcon aria-hidden fontSize="1.25em" />
          {t('stale.reload')}
        </Button>
      ) : null}
    </Alert>
  );
}
