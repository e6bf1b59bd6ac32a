import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { useSession } from '@/lib/auth';

import { canReportNeed } from '../../lib/permissions';
import { reportNeedPath } from '../../paths';

/** On a person's page: the way to report a need for a koordinator or an individual plan
 * (every employee may, and helsepersonell must: helsepersonelloven § 38 a, hol § 7-2). */
export function ReportNeedLink({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session || !canReportNeed(session.user.roles)) return null;
  return (
    <Button asChild variant="secondary">
      <RouterLink to={reportNeedPath(personId)} data-testid="report-need">
        {t('coordination.report.title')}
      </RouterLink>
    </Button>
  );
}
