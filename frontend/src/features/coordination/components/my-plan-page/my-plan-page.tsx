import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { PrinterSmallIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';

import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { osloToday } from '@/lib/dates';

import { useMeetings } from '../../api/meetings';
import { usePrimaryContacts } from '../../api/overview';
import { usePlan } from '../../api/plans';
import type { PlanRead } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { usePlanNames } from '../../lib/names';
import { useDynamicT } from '../../lib/translate';
import { planPath } from '../../paths';

import styles from './my-plan-page.module.css';

const OPEN = ['to_confirm', 'planned', 'ongoing'];

function MyTeam({ plan }: { plan: PlanRead }) {
  const { t } = useTranslation();
  const contacts = usePrimaryContacts(plan.person.id);
  const names = usePlanNames(plan.service_names);
  const current = contacts.data?.filter((c) => !c.to_date || c.to_date >= osloToday()) ?? [];
  return (
    <section aria-labelledby="my-team" className={styles.section}>
      <Heading level={2} data-size="md" id="my-team">
        {t('coordination.myPlan.team')}
      </Heading>
      <ul className={styles.cards} data-testid="my-team">
        {plan.coordinator ? (
          <li>
            <Card data-color="accent" className={styles.card}>
              <Heading level={3} data-size="xs">
                {plan.coordinator.name}
              </Heading>
              <Paragraph>{t(plan.coordinator.kind === 'child_coordinator' ? 'coordination.myPlan.childCoordinator' : 'coordination.myPlan.coordinator')}</Paragraph>
            </Card>
          </li>
        ) : null}
        {current.map((c) => (
          <li key={c.id}>
            <Card data-color="neutral" className={styles.card}>
              <Heading level={3} data-size="xs">
                {c.employee_name}
              </Heading>
              <Paragraph>{t('coordination.myPlan.primaryContact', { unit: names.unitText(c.unit) })}</Paragraph>
            </Card>
          </li>
        ))}
        {plan.team.map((member) => (
          <li key={member.id}>
            <Card data-color="neutral" className={styles.card}>
              <Heading level={3} data-size="xs">
                {member.name}
              </Heading>
              <Paragraph>
                {member.role}
                {member.organisation ? `, ${member.organisation}` : ''}
              </Paragraph>
              <Paragraph>{member.contact ? t('coordination.myPlan.reach', { contact: member.contact }) : t('coordination.myPlan.reachThroughCoordinator')}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
      {contacts.isError ? <Paragraph data-size="sm">{t('coordination.myPlan.contactsUnavailable')}</Paragraph> : null}
    </section>
  );
}

/**
 * The person's own view of the plan: read-only, in plain words, printable. Designed now, for the
 * person's own sign-in later: my plan, my goals, my team and how to reach them, the next meeting.
 */
export function MyPlanPage() {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const { id = '' } = useParams();
  const date = useShortDate();
  const plan = usePlan(id);
  const meetings = useMeetings(id);
  const names = usePlanNames(plan.data?.service_names);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ProblemAlert error={plan.error} />;
  const data = plan.data;
  const today = osloToday();
  const next = meetings.data?.filter((m) => m.status === 'planned' && m.meeting_on >= today).sort((a, b) => a.meeting_on.localeCompare(b.meeting_on))[0];
  const open = data.measures.filter((m) => OPEN.includes(m.status ?? 'planned'));

  return (
    <article className={styles.page} aria-labelledby="my-plan-title" data-testid="my-plan">
      <div className={styles.actions}>
        <Link asChild>
          <RouterLink to={planPath(data.id)}>{t('coordination.myPlan.back')}</RouterLink>
        </Link>
        <Button variant="secondary" onClick={() => window.print()}>
          <PrinterSmallIcon aria-hidden fontSize="1.5em" />
          {t('coordination.myPlan.print')}
        </Button>
      </div>
      <header className={styles.section}>
        <Heading level={1} data-size="lg" id="my-plan-title">
          {t('coordination.myPlan.title')}
        </Heading>
        <Paragraph data-size="lg">{data.person.name}</Paragraph>
        <Paragraph>{t('coordination.myPlan.intro')}</Paragraph>
        {data.status !== 'active' ? <Paragraph>{tx(`coordination.myPlan.status.${data.status}`)}</Paragraph> : null}
      </header>

      <section aria-labelledby="my-goals" className={styles.section}>
        <Heading level={2} data-size="md" id="my-goals">
          {t('coordination.myPlan.goals')}
        </Heading>
        {data.goals.length === 0 ? <Paragraph>{t('coordination.myPlan.noGoals')}</Paragraph> : null}
        <ul className={styles.list}>
          {data.goals.map((goal) => (
            <li key={goal.id}>
              <Paragraph>
                <span className={styles.quote}>«{goal.text}»</span> <span className={styles.muted}>({tx(`coordination.lifeArea.${goal.life_area}`)})</span>
              </Paragraph>
              {goal.status && goal.status !== 'open' ? <Paragraph data-size="sm">{tx(`coordination.myPlan.goalStatus.${goal.status}`)}</Paragraph> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="my-measures" className={styles.section}>
        <Heading level={2} data-size="md" id="my-measures">
          {t('coordination.myPlan.measures')}
        </Heading>
        {open.length === 0 ? <Paragraph>{t('coordination.myPlan.noMeasures')}</Paragraph> : null}
        <ul className={styles.list}>
          {open.map((m) => (
            <li key={m.id}>
              <Paragraph>
                <strong>{names.measureText(m)}.</strong> {t('coordination.myPlan.who', { who: m.owner_name ?? names.responsibleText(m) })}
                {m.due_on ? ` ${t('coordination.myPlan.by', { date: date(m.due_on) })}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      </section>

      <MyTeam plan={data} />

      <section aria-labelledby="my-next" className={styles.section}>
        <Heading level={2} data-size="md" id="my-next">
          {t('coordination.myPlan.next')}
        </Heading>
        {next ? (
          <div data-testid="my-next-meeting">
            <Paragraph>{t('coordination.myPlan.nextMeeting', { date: date(next.meeting_on) })}</Paragraph>
            {next.place ? <Paragraph>{t('coordination.myPlan.place', { place: next.place })}</Paragraph> : null}
            {next.agenda.length > 0 ? (
              <>
                <Paragraph>{t('coordination.myPlan.agenda')}</Paragraph>
                <ul className={styles.list}>
                  {next.agenda.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : (
          <Paragraph>{t('coordination.myPlan.noMeeting')}</Paragraph>
        )}
        {data.next_evaluation_on ? <Paragraph>{t('coordination.myPlan.nextEvaluation', { date: date(data.next_evaluation_on) })}</Paragraph> : null}
      </section>
      <footer>
        <Paragraph data-size="sm">{t('coordination.myPlan.footer', { version: data.version, date: date(data.updated_at.slice(0, 10)) })}</Paragraph>
      </footer>
    </article>
  );
}
