import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

import type { PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { usePlanNames } from '../../lib/names';

import { useDynamicT } from '../../lib/translate';

import styles from './plan-sections.module.css';

/** The plan's goals, measures and team, read-only (also the print view's body). */
export function PlanSummary({ plan, headingLevel = 2 }: { plan: PlanRead; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const date = useShortDate();
  const names = usePlanNames(plan.service_names);
  const goalText = new Map(plan.goals.map((g) => [g.id, g.text]));
  return (
    <>
      <section aria-labelledby="summary-goals">
        <Heading level={headingLevel} data-size="sm" id="summary-goals">
          {t('coordination.plan.goals')}
        </Heading>
        {plan.goals.length === 0 ? <Paragraph>{t('coordination.plan.noGoals')}</Paragraph> : null}
        <ul className={styles.list}>
          {plan.goals.map((goal) => (
            <li key={goal.id}>
              <strong>{tx(`coordination.lifeArea.${goal.life_area}`)}:</strong> «{goal.text}»{' '}
              {goal.status && goal.status !== 'open' ? <Tag data-color="success">{tx(`coordination.goalStatus.${goal.status}`)}</Tag> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="summary-measures">
        <Heading level={headingLevel} data-size="sm" id="summary-measures">
          {t('coordination.plan.measures')}
        </Heading>
        {plan.measures.length === 0 ? <Paragraph>{t('coordination.plan.noMeasures')}</Paragraph> : null}
        <ul className={styles.list}>
          {plan.measures.map((measure) => (
            <li key={measure.id}>
              <strong>{names.measureText(measure)}</strong> –{' '}
              {t('coordination.plan.responsibleIs', { who: measure.owner_name ? `${measure.owner_name} (${names.responsibleText(measure)})` : names.responsibleText(measure) })}
              {measure.due_on ? `, ${t('coordination.plan.dueOn', { date: date(measure.due_on) })}` : ''}{' '}
              <Tag data-color={plan.overdue_measure_ids.includes(measure.id ?? '') ? 'danger' : 'neutral'}>
                {plan.overdue_measure_ids.includes(measure.id ?? '') ? t('coordination.plan.overdue') : tx(`coordination.measureStatus.${measure.status ?? 'planned'}`)}
              </Tag>
              {measure.goal_id && goalText.get(measure.goal_id) ? <div>{t('coordination.plan.forGoal', { goal: goalText.get(measure.goal_id) })}</div> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="summary-team">
        <Heading level={headingLevel} data-size="sm" id="summary-team">
          {t('coordination.plan.team')}
        </Heading>
        {plan.team.length === 0 ? <Paragraph>{t('coordination.plan.noTeam')}</Paragraph> : null}
        <ul className={styles.list}>
          {plan.team.map((member) => (
            <li key={member.id}>
              <strong>{member.name}</strong>, {member.role}
              {member.organisation ? `, ${member.organisation}` : ''}
              {member.contact ? ` – ${member.contact}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
