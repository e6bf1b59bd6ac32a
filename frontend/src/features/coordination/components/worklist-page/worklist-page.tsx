import { Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { useSession } from '@/lib/auth';

import { useCaseload, useCoordinationWorklist } from '../../api/worklist';
import { useShortDate } from '../../lib/dates';
import { canCoordinate } from '../../lib/permissions';
import { planPath } from '../../paths';

import { useDynamicT } from '../../lib/translate';

import styles from './worklist-page.module.css';

/** The koordinator's and primærkontakt's worklist, and a koordinator's caseload. */
export function CoordinationWorklistPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const session = useSession();
  const isCoordinator = !!session && canCoordinate(session.user.roles);
  const worklist = useCoordinationWorklist();
  const caseload = useCaseload(isCoordinator);

  return (
    <PageLayout title={t('coordination.worklist.title')} lead={t('coordination.worklist.lead')}>
      <FormSection heading={t('coordination.worklist.tasks')}>
        {worklist.isPending ? <Loading /> : null}
        {worklist.isError ? <ProblemAlert error={worklist.error} /> : null}
        {worklist.data?.length === 0 ? <Paragraph>{t('coordination.worklist.empty')}</Paragraph> : null}
        <ul className={styles.list} data-testid="coordination-worklist">
          {worklist.data?.map((item) => (
            <li key={`${item.kind}-${item.person_id}-${item.measure_id ?? item.meeting_id ?? item.unit ?? ''}`} className={styles.item}>
              <Tag data-color={item.kind === 'missing_primary_contact' ? 'info' : 'warning'}>{tx(`coordination.worklist.kind.${item.kind}`)}</Tag>
              {item.plan_id ? (
                <Link asChild>
                  <RouterLink to={planPath(item.plan_id)}>{item.person_name ?? t('coordination.unknownPerson')}</RouterLink>
                </Link>
              ) : (
                <strong>{item.person_name ?? t('coordination.unknownPerson')}</strong>
              )}
              <span>
                {item.text}
                {item.unit ? ` (${item.unit})` : ''}
                {item.due_on ? ` – ${date(item.due_on)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </FormSection>
      {isCoordinator ? (
        <FormSection heading={t('coordination.worklist.caseload')}>
          {caseload.isPending ? <Loading /> : null}
          {caseload.isError ? <ProblemAlert error={caseload.error} /> : null}
          <ul className={styles.list} data-testid="caseload">
            {caseload.data?.map((item) => (
              <li key={item.person_id} className={styles.item}>
                {item.plan_id ? (
                  <Link asChild>
                    <RouterLink to={planPath(item.plan_id)}>{item.person_name ?? t('coordination.unknownPerson')}</RouterLink>
                  </Link>
                ) : (
                  <strong>{item.person_name ?? t('coordination.unknownPerson')}</strong>
                )}
                <Tag data-color="neutral">{item.plan_status ? tx(`coordination.status.${item.plan_status}`) : t('coordination.worklist.noPlan')}</Tag>
                {item.kind === 'child_coordinator' ? <Tag data-color="accent">{t('coordination.inbox.child')}</Tag> : null}
                {item.evaluation_overdue ? <Tag data-color="warning">{t('coordination.worklist.kind.evaluation_overdue')}</Tag> : null}
                {item.overdue_measures > 0 ? <Tag data-color="danger">{t('coordination.worklist.overdueMeasures', { count: item.overdue_measures })}</Tag> : null}
              </li>
            ))}
          </ul>
        </FormSection>
      ) : null}
    </PageLayout>
  );
}
