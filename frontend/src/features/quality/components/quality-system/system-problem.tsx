import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { ProblemAlert } from '@/components/query-state/query-state';
import { ApiProblem } from '@/lib/problem';

/** A failed change: a stale version (412) says somebody else changed it and the page shows the latest; 409 that the status does not allow it. */
export function SystemProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiProblem && error.status === 412) {
    return (
      <Alert data-color="warning" role="alert" data-testid="stale">
        <Paragraph>{t('quality.system.common.stale')}</Paragraph>
      </Alert>
    );
  }
  if (error instanceof ApiProblem && error.status === 409) {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('quality.system.common.conflict')}</Paragraph>
      </Alert>
    );
  }
  return (
    <div role="alert">
      <ProblemAlert error={error} />
    </div>
  );
}
