import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { PrinterSmallIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { osloToday } from '@/lib/dates';

import { useMeetings } from '../../api/meetings';
import { usePlan } from '../../api/plans';
import { useShortDate } from '../../lib/dates';
import { usePlanNames } from '../../lib/names';
import { planPath } from '../../paths';

import styles from './plan-print-page.module.css';

/** The plan in plain words for the person to keep: my goals, what will happen, my team, the next meeting. */
export function PlanPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const date = useShortDate();
  const plan = usePlan(id);
  const meetings = useMeetings(id);
  const names = usePlanNames(plan.data?.service_names);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ProblemAlert error={plan.error} />;
  const data = plan.data;
  const next = meetings.data?.find((m) => m.status === 'planned' && m.meeting_on >= osloToday());
  const open = data.measures.filter((m) => !['done', 'ended', 'cancelled'].includes(m.status ?? 'planned'));

  return (
    <article className={styles.page} aria-labelledby="print-title">
      <div className={styles.actions}>
        <Link asChild>
          <RouterLink to={planPath(data.id)}>{t('coordination.print.back')}</RouterLink>
        </Link>
        <Button variant="secondary" onClick={() => window.print()}>
          <PrinterSmallIcon aria-hidden fontSize="1.5em" />
          {t('coordination.print.print')}
        </Button>
      </div>
      <header>
        <Heading level={1} data-size="lg" id="print-title">
          {t('coordination.print.title', { name: data.person.name ?? '' })}
        </Heading>
        <Paragraph>{t('coordination.print.intro', { version: data.version, date: date(data.updated_at.slice(0, 10)) })}</Paragraph>
      </header>
      <section aria-labelledby="print-goals">
        <Heading level={2} data-size="md" id="print-goals">
          {t('coordination.print.goals')}
        </Heading>
        <ul>
          {data.goals.map((goal) => (
            <li key={goal.id}>
              <Paragraph>«{goal.text}»</Paragraph>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="print-measures">
        <Heading level={2} data-size="md" id="print-measures">
          {t('coordination.print.measures')}
        </Heading>
        <ul>
          {open.map((m) => (
            <li key={m.id}>
              <Paragraph>
                {t('coordination.print.measure', { what: names.measureText(m), who: m.owner_name ?? names.responsibleText(m) })}
                {m.due_on ? ` ${t('coordination.print.by', { date: date(m.due_on) })}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="print-team">
        <Heading level={2} data-size="md" id="print-team">
          {t('coordination.print.team')}
        </Heading>
        <ul>
          {data.coordinator ? (
            <li>
              <Paragraph>{t('coordination.print.coordinator', { name: data.coordinator.name })}</Paragraph>
            </li>
          ) : null}
          {data.team.map((member) => (
            <li key={member.id}>
              <Paragraph>
                {member.name} ({member.role}){member.contact ? `: ${member.contact}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="print-next">
        <Heading level={2} data-size="md" id="print-next">
          {t('coordination.print.next')}
        </Heading>
        <Paragraph>{next ? t('coordination.print.nextMeeting', { date: date(next.meeting_on) }) : t('coordination.print.noMeeting')}</Paragraph>
        {data.next_evaluation_on ? <Paragraph>{t('coordination.print.nextEvaluation', { date: date(data.next_evaluation_on) })}</Paragraph> : null}
      </section>
    </article>
  );
}
