import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { ProblemAlert } from '@/components/query-state/query-state';
import { ApiProblem } from '@/lib/problem';

export const isStale = (error: unknown) => error instanceof ApiProblem && error.status === 412;

/** A failed step: a stale version (412) says somebody else changed the deviation, and the page shows the latest. */
export function StepProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isStale(error)) {
    return (
      <Alert data-color="warning" role="alert" data-testid="stale">
        <Paragraph>{t('quality.deviation.stale')}</Paragraph>
      </Alert>
    );
  }
  if (error instanceof ApiProblem && error.status === 409) {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('quality.deviation.conflict')}</Paragraph>
      </Alert>
    );
  }
  return (
    <div role="alert">
      <ProblemAlert error={error} />
    </div>
  );
}
