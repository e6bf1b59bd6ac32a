import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import { ProblemAlert } from '@/components/query-state/query-state';

import { wtProblemKey } from '../../lib/problems';

/**
 * A failed request in the feature's own words where it has them (no legal basis, changed by
 * someone else, a device already on loan, a loan already ended, …); otherwise the shared problem message. Announced as an alert.
 */
export function WtProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const key = wtProblemKey(error);
  if (!key) {
    return (
      <div role="alert">
        <ProblemAlert error={error} onRetry={onRetry} />
      </div>
    );
  }
  return (
    <div role="alert">
      <Alert data-color={key === 'legalBasisMissing' ? 'danger' : 'warning'} data-testid={`problem-${key}`}>
        <Heading level={2} data-size="xs">
          {t(`welfaretech.problem.${key}.title`)}
        </Heading>
        <Paragraph>{t(`welfaretech.problem.${key}.body`)}</Paragraph>
      </Alert>
    </div>
  );
}
