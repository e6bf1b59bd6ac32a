import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { formatDate } from '@/lib/dates';
import { useLocalize } from '@/lib/i18n';

import { usePersonDecisions } from '../../api/get-decisions';
import type { DecisionStatus } from '../../api/types';
import { decisionPath } from '../../paths';

import styles from './decision-list.module.css';

const STATUS_COLOR: Record<DecisionStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  draft: 'warning',
  ready_for_approval: 'warning',
  made: 'info',
  sent: 'success',
  in_force: 'success',
  evaluated: 'neutral',
  ended: 'neutral',
};

/** A person's decisions with status, each a link to the decision page. */
export function DecisionList({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { language, localize } = useLocalize();
  const decisions = usePersonDecisions(personId);
  if (decisions.isPending) return <Loading />;
  if (decisions.isError) return <ProblemAlert error={decisions.error} onRetry={() => void decisions.refetch()} />;
  if (decisions.data.length === 0) return <Paragraph>{t('intake.decision.noDecisions')}</Paragraph>;
  return (
    <ul className={styles.list} data-testid="decision-list">
      {decisions.data.map((decision) => (
        <li key={decision.id}>
          <Card className={styles.card} data-testid="decision-card">
            <div className={styles.top}>
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink to={decisionPath(decision.id)}>{localize(decision.service_name)}</RouterLink>
                </Link>
              </Heading>
              <Tag data-color={STATUS_COLOR[decision.status]} data-size="sm">
                {t(`intake.decisionStatus.${decision.status}`)}
              </Tag>
            </div>
            <Paragraph data-size="sm">
              {t(`intake.decisionOutcome.${decision.outcome}`)}
              {decision.appeal_deadline ? ` · ${t('intake.decision.appealDeadlineValue', { date: formatDate(decision.appeal_deadline, language) })}` : ''}
            </Paragraph>
          </Card>
        </li>
      ))}
    </ul>
  );
}
