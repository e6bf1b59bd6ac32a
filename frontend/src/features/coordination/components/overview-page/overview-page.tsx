import { Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { DateField } from '@/components/date-field/date-field';
import { FormKit, SelectField, TextField } from '@/components/form-kit/form-kit';
import { FormLayout, FormSection } from '@/components/form-section/form-section';
import { PageLayout } from '@/components/page-layout/page-layout';
import { Loading, ProblemAlert } from '@/components/query-state/query-state';
import { SuccessMessage } from '@/components/success-message/success-message';
import { osloToday } from '@/lib/dates';
import { useApiForm } from '@/lib/use-api-form';

import { useCatalogueNames } from '../../api/catalogue';
import { useHandOver, useOverview } from '../../api/overview';
import type { Overview } from '../../api/types';
import { useShortDate } from '../../lib/dates';
import { useDynamicT } from '../../lib/translate';
import { CoordinationNav } from '../coordination-nav/coordination-nav';

import styles from './overview-page.module.css';

type HandOverValues = { from: string; to_sub: string; to_name: string; on: string };
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const required = (max: number) => z.string().refine((v) => v.trim() !== '', 'required').max(max, 'tooLong');
const handOverSchema: z.ZodType<HandOverValues, HandOverValues> = z
  .object({ from: required(200), to_sub: required(200), to_name: required(200), on: z.string().refine((v) => ISO.test(v), 'date') })
  .refine((v) => v.from.trim() !== v.to_sub.trim(), { message: 'sameCoordinator', path: ['to_sub'] });

/** Succession when a koordinator leaves: all their persons move to the successor in one step. */
function HandOverForm({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const tx = useDynamicT();
  const handOver = useHandOver();
  const [moved, setMoved] = useState<{ count: number; name: string } | null>(null);
  const form = useApiForm<HandOverValues>({
    form: 'hand-over',
    schema: handOverSchema,
    initial: () => ({ from: '', to_sub: '', to_name: '', on: osloToday() }),
    fields: () => ['from', 'to_sub', 'to_name', 'on'],
  });
  const message = (path: string) => {
    const key = form.errorAt(path);
    return key ? tx(`coordination.errors.${key}`) : undefined;
  };
  const onSubmit = form.submitWith((values) => {
    setMoved(null);
    handOver.mutate(
      { from: values.from, body: { to_sub: values.to_sub.trim(), to_name: values.to_name.trim(), on: values.on } },
      {
        onSuccess: (result) => {
          setMoved({ count: result.persons.length, name: values.to_name.trim() });
          form.reset({ from: '', to_sub: '', to_name: '', on: osloToday() });
        },
        onError: (error) => form.showServerErrors(error, () => 'invalid'),
      },
    );
  });
  return (
    <FormKit form={form} message={message}>
      <FormLayout onSubmit={onSubmit} className={styles.form} aria-label={t('coordination.overview.handOver.title')}>
        {moved ? <SuccessMessage testId="hand-over-done">{t('coordination.overview.handOver.done', { count: moved.count, name: moved.name })}</SuccessMessage> : null}
        <SelectField
          name="from"
          label={t('coordination.overview.handOver.from')}
          options={[
            { value: '', label: t('coordination.overview.handOver.choose') },
            ...overview.caseloads.map((c) => ({ value: c.coordinator_sub, label: t('coordination.overview.handOver.option', { name: c.coordinator_name, count: c.persons }) })),
          ]}
        />
        <TextField name="to_name" label={t('coordination.overview.handOver.toName')} />
        <TextField name="to_sub" label={t('coordination.overview.handOver.toSub')} description={t('coordination.overview.handOver.toSubHelp')} />
        <DateField name="on" label={t('coordination.overview.handOver.on')} />
        {handOver.isError ? <ProblemAlert error={handOver.error} /> : null}
        <div>
          <Button type="submit" disabled={handOver.isPending}>
            {t('coordination.overview.handOver.submit')}
          </Button>
        </div>
      </FormLayout>
    </FormKit>
  );
}

function PersonList({ items, testId, empty }: { items: Overview['without_coordinator']; testId: string; empty: string }) {
  const { t } = useTranslation();
  const names = useCatalogueNames();
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((item) => (
        <li key={item.person_id}>
          <strong>{item.person_name ?? t('coordination.unknownPerson')}</strong>
          {item.units.length > 0 ? ` – ${t('coordination.overview.units', { units: item.units.map((u) => names.unitName(u) ?? u).join(', ') })}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** For the koordinerende enhet and leaders: antall aktive IP, who needs a koordinator, caseloads and hand-overs. */
export function CoordinationOverviewPage() {
  const { t } = useTranslation();
  const date = useShortDate();
  const overview = useOverview();
  const data = overview.data;

  return (
    <PageLayout title={t('coordination.overview.title')} lead={t('coordination.overview.lead')} intro={<CoordinationNav />} wide>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {data ? (
        <>
          <section aria-labelledby="indicators-heading">
            <Heading level={2} data-size="sm" id="indicators-heading">
              {t('coordination.overview.indicators')}
            </Heading>
            <dl className={styles.indicators}>
              {(
                [
                  ['activePlans', data.active_plans, 'active-plans'],
                  ['draftPlans', data.draft_plans, 'draft-plans'],
                  ['requestsWaiting', data.requests_waiting, 'requests-waiting'],
                  ['evaluationsOverdue', data.evaluations_overdue, 'evaluations-overdue'],
                ] as const
              ).map(([key, value, testId]) => (
                <Card key={key} data-color={key === 'activePlans' ? 'accent' : 'neutral'} className={styles.indicator}>
                  <dt>{t(`coordination.overview.${key}`)}</dt>
                  <dd className={styles.number} data-testid={testId}>
                    {value}
                  </dd>
                </Card>
              ))}
            </dl>
          </section>
          <FormSection heading={t('coordination.overview.withoutCoordinator')} description={t('coordination.overview.withoutCoordinatorHelp')}>
            <PersonList items={data.without_coordinator} testId="without-coordinator" empty={t('coordination.overview.nobody')} />
          </FormSection>
          <FormSection heading={t('coordination.overview.grantedWithout')} description={t('coordination.overview.grantedWithoutHelp')}>
            <PersonList items={data.granted_without_coordinator} testId="granted-without" empty={t('coordination.overview.nobody')} />
          </FormSection>
          <FormSection heading={t('coordination.overview.grantedWithoutPlan')} description={t('coordination.overview.grantedWithoutPlanHelp')}>
            <PersonList items={data.granted_without_plan} testId="granted-without-plan" empty={t('coordination.overview.nobody')} />
          </FormSection>
          <FormSection heading={t('coordination.overview.caseloads')}>
            {data.caseloads.length === 0 ? <Paragraph>{t('coordination.overview.noCaseloads')}</Paragraph> : null}
            <div className={styles.scroll}>
              <Table data-size="sm" zebra data-testid="caseloads">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('coordination.overview.coordinator')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('coordination.overview.persons')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.caseloads.map((c) => (
                    <Table.Row key={c.coordinator_sub}>
                      <Table.HeaderCell scope="row">{c.coordinator_name}</Table.HeaderCell>
                      <Table.Cell>{c.persons}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </FormSection>
          <FormSection heading={t('coordination.overview.handOver.title')} description={t('coordination.overview.handOver.help')}>
            <HandOverForm overview={data} />
          </FormSection>
          <FormSection heading={t('coordination.overview.recentHandOvers')}>
            {data.recent_hand_overs.length === 0 ? <Paragraph>{t('coordination.overview.noHandOvers')}</Paragraph> : null}
            <ul className={styles.list} data-testid="recent-hand-overs">
              {data.recent_hand_overs.map((a) => (
                <li key={a.id}>
                  {t('coordination.overview.handOverLine', {
                    person: a.person_name ?? t('coordination.unknownPerson'),
                    from: a.coordinator_name,
                    date: date(a.to_date),
                  })}
                </li>
              ))}
            </ul>
          </FormSection>
        </>
      ) : null}
    </PageLayout>
  );
}
